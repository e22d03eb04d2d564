package dev.loopwise.alignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.model.policy.PolicyFeatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopwise eval-reward}: trains a reward model on TRL preference pairs and scores it on held-out pairs, without a database. */
@Command(name = "eval-reward", description = "Train a reward model on TRL JSONL pairs and print its held-out pairwise accuracy.")
public class EvalRewardCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--train", required = true, description = "TRL JSONL: {\"prompt\",\"chosen\",\"rejected\",\"margin\"?} per line.")
    Path trainFile;

    @Option(names = "--test", required = true, description = "TRL JSONL to measure on.")
    Path testFile;

    @Option(names = "--epochs", defaultValue = "30", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EncoderOptions encoderOptions;

    @Option(names = "--json", description = "Print one JSON object and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<PreferencePair> train = read(trainFile);
        List<PreferencePair> test = read(testFile);
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (List<PreferencePair> pairs : List.of(train, test)) {
            pairs.forEach(p -> { texts.add(p.prompt()); texts.add(p.first()); texts.add(p.second()); });
        }
        List<String> all = new ArrayList<>(texts);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        long encodeStart = System.nanoTime();
        String encoderId;
        try (CliEncoder encoder = encoderOptions.open()) {
            encoderId = encoder.id();
            float[][] v = encoder.embed(all);
            for (int i = 0; i < all.size(); i++) {
                vectors.put(all.get(i), v[i]);
            }
        }
        double encodingSeconds = (System.nanoTime() - encodeStart) / 1e9;
        RewardTrainer.Result result = RewardTrainer.train(new RewardTrainer.Config(32, epochs, 0.003, 64, seed), data(train, vectors));
        RewardEvaluation evaluation = RewardEvaluation.of(result.model(), data(test, vectors));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainPairs", train.size());
        out.put("testPairs", test.size());
        out.put("accuracy", evaluation.accuracy());
        out.put("meanMargin", evaluation.meanMargin());
        out.put("calibrationError", evaluation.calibrationError());
        out.put("trainingSeconds", result.trainingMillis() / 1000.0);
        out.put("encodingSeconds", encodingSeconds);
        out.put("encoder", encoderId);
        out.put("seed", seed);
        if (json) {
            System.out.println(JSON.writeValueAsString(out));
        } else {
            out.forEach((k, v) -> System.out.printf("%-18s %s%n", k, v));
        }
        return 0;
    }

    private static RewardTrainer.Data data(List<PreferencePair> pairs, Map<String, float[]> vectors) {
        int n = pairs.size();
        float[][] x = new float[n][];
        float[][] a = new float[n][];
        float[][] b = new float[n][];
        float[] kinds = new float[n];
        float[] margins = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            PreferencePair p = pairs.get(i);
            x[i] = PolicyFeatures.ticket(vectors.get(p.prompt()), p.prompt());
            a[i] = PolicyFeatures.reply(vectors.get(p.first()), p.first());
            b[i] = PolicyFeatures.reply(vectors.get(p.second()), p.second());
            margins[i] = (float) p.margin();
            weights[i] = 1;
        }
        return new RewardTrainer.Data(x, a, b, kinds, margins, weights);
    }

    static List<PreferencePair> read(Path file) throws Exception {
        List<PreferencePair> pairs = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(text);
            for (String field : new String[] {"prompt", "chosen", "rejected"}) {
                if (!node.path(field).isTextual()) {
                    throw new IllegalArgumentException(file + " line " + line + ": '" + field + "' must be a string");
                }
            }
            double margin = node.path("margin").isNumber() ? node.get("margin").asDouble() : 0;
            pairs.add(new PreferencePair(node.get("prompt").asText(), node.get("chosen").asText(), node.get("rejected").asText(),
                    PreferencePair.Kind.PREFERENCE, margin, 1, node.get("prompt").asText(), line));
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no preference pairs");
        }
        return pairs;
    }
}
