package dev.loopwise.alignment.simulation;

import dev.loopwise.common.CommandLineMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.alignment.preference.PreferenceFile;
import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.CrossEncoderRewards;
import dev.loopwise.common.EvalMessages;
import dev.loopwise.common.runtime.PeakMemory;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.crossencoder.CrossEncoderReward;
import dev.loopwise.model.transformer.crossencoder.CrossEncoderRewardTrainer;
import dev.loopwise.model.transformer.crossencoder.RewardPairs;
import dev.loopwise.model.transformer.tuning.CrossEncoderRewardConfig;
import dev.loopwise.ticket.HeldOutRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise eval-reward}: trains reward models on TRL preference pairs and scores them on held-out pairs,
 * without a database. A validation share of the training pairs (whole prompts) is held out from both models;
 * {@code --model auto} keeps the one more accurate there.
 */
@Command(name = "eval-reward", description = "Train a reward model on TRL JSONL pairs and print how often it ranks the pairs kept aside for measuring right.",
        footer = EvalMessages.PREFERENCE_FILE_SHAPES)
public class EvalRewardCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double VALIDATION_SHARE = 0.15;

    @Option(names = "--train", required = true, description = "Preference pairs, e.g. TRL JSONL: {\"prompt\",\"chosen\",\"rejected\",\"margin\"?} per line; every shape read is below.")
    Path trainFile;

    @Option(names = "--test", required = true, description = "Preference pairs to measure on, in the same shapes.")
    Path testFile;

    @Option(names = "--model", defaultValue = "auto", description = "auto, cross or vector: auto keeps the cross-encoder when it "
            + "is clearly more accurate on the validation share, else the vector model (alone below " + CrossEncoderRewards.MIN_JUDGEMENTS
            + " training pairs) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "30", description = "Training epochs of the vector model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--budget", description = "Time budget of the cross-encoder in seconds (default: 20 s + 50 ms per training pair).")
    Integer budgetSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EncoderOptions encoderOptions;

    @Option(names = "--json", description = "Print one JSON object and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        if (!List.of("auto", "cross", "vector").contains(model)) {
            throw new IllegalArgumentException("--model must be auto, cross or vector, not " + model);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--epochs", "1 or more", epochs));
        }
        if (budgetSeconds != null && budgetSeconds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--budget", "1 second or more", budgetSeconds));
        }
        PreferenceFile.Read trainRows = PreferenceFile.read(trainFile, System.err);
        PreferenceFile.Read testRows = PreferenceFile.read(testFile, System.err);
        RewardPairs[] split = CrossEncoderRewards.pairs(trainRows.pairs()).splitByTicket(VALIDATION_SHARE, seed);
        RewardPairs fit = split[0];
        RewardPairs validation = split[1];
        List<PreferencePair> unseen = unseen(testRows.pairs(), trainRows.pairs());
        int seen = testRows.pairs().size() - unseen.size();
        if (unseen.isEmpty() && seen > 0) {
            throw new IllegalArgumentException(EvalMessages.allTestPairsSeenInTraining(testFile, seen));
        }
        if (seen > 0) {
            System.err.println("Note: " + EvalMessages.testPairsSeenInTraining(seen));
        }
        RewardPairs test = CrossEncoderRewards.pairs(unseen);
        if (test.size() < EvalMessages.TOO_FEW_TO_JUDGE) {
            System.err.println("Note: " + EvalMessages.tooFewToJudge(test.size(), "test pair"));
        }
        boolean tryCross = model.equals("cross") || (model.equals("auto") && fit.size() >= CrossEncoderRewards.MIN_JUDGEMENTS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainPairs", fit.size() + validation.size());
        out.put("validationPairs", validation.size()); // of trainPairs, held out from training
        out.put("testPairs", test.size());
        if (seen > 0) {
            out.put("testSeenPairs", seen);
        }
        out.put("skippedRows", trainRows.skipped() + testRows.skipped());
        Map<String, double[][]> deltas = new LinkedHashMap<>();
        try (CliEncoder encoder = encoderOptions.open()) {
            out.put("encoder", encoder.id());
            if (!model.equals("cross")) {
                long encodeStart = System.nanoTime();
                Map<String, float[]> vectors = vectors(encoder, fit, validation, test);
                out.put("encodingSeconds", (System.nanoTime() - encodeStart) / 1e9);
                RewardTrainer.Result result = RewardTrainer.train(new RewardTrainer.Config(32, epochs, 0.003, 64, seed),
                        data(fit, vectors));
                out.put("vectorTrainingSeconds", result.trainingMillis() / 1000.0);
                deltas.put("vector", new double[][] {RewardEvaluation.deltas(result.model(), data(validation, vectors)),
                        RewardEvaluation.deltas(result.model(), data(test, vectors))});
            }
            if (tryCross) {
                EncoderSource source = encoder.spec().tuningSource();
                CrossEncoderRewardConfig config = CrossEncoderRewardConfig.defaults(seed)
                        .withTimeBudget(budgetSeconds == null ? null : Duration.ofSeconds(budgetSeconds));
                CrossEncoderRewardTrainer.Result result = CrossEncoderRewardTrainer.train(source, config,
                        new CrossEncoderRewardTrainer.Data(fit, validation), TrainingMonitor.of(EvalRewardCommand::progress, () -> false));
                out.put("crossTrainingSeconds", result.metrics().get("time/total_s"));
                out.put("crossPlan", result.plan().trainableLayers() + " layers, " + result.plan().epochs() + " epochs, "
                        + (result.plan().cacheLowerLayers() ? "cached" : "uncached") + ", stop " + result.stop()
                        + " after " + result.epochs() + " (best " + result.bestEpoch() + ")");
                try (CrossEncoderReward.Scorer scorer = result.model().open(source)) {
                    deltas.put("cross", new double[][] {deltas(scorer, validation), deltas(scorer, test)});
                }
            }
        }
        String chosen = !deltas.containsKey("vector") ? "cross" : !deltas.containsKey("cross") ? "vector"
                : CrossEncoderRewards.crossClearlyBetter(deltas.get("cross")[0], deltas.get("vector")[0], validation.kinds(),
                        validation.tickets())
                ? "cross" : "vector";
        out.put("model", chosen);
        Map<String, RewardEvaluation[]> evaluations = new LinkedHashMap<>();
        deltas.forEach((name, d) -> {
            evaluations.put(name, new RewardEvaluation[] {RewardEvaluation.of(d[0], validation.kinds()),
                    RewardEvaluation.of(d[1], test.kinds())});
            out.put(name + "ValidationAccuracy", evaluations.get(name)[0].accuracy());
            out.put(name + "TestAccuracy", evaluations.get(name)[1].accuracy());
        });
        RewardEvaluation best = evaluations.get(chosen)[1];
        out.put("accuracy", best.accuracy());
        out.put("meanMargin", best.meanMargin());
        out.put("calibrationError", best.calibrationError());
        out.put("peakRssMegabytes", PeakMemory.residentMegabytes());
        out.put("seed", seed);
        if (json) {
            System.out.println(JSON.writeValueAsString(out));
        } else {
            System.out.println(RewardEvalText.render(out));
        }
        return 0;
    }

    private static void progress(TrainingProgress p) {
        if (p.stage().equals("plan") || (p.stage().equals("reward") && p.metrics().containsKey("eval/accuracy"))) {
            System.err.println("cross-encoder " + p.stage() + " " + (p.epoch() > 0 ? "epoch " + p.epoch() + "/" + p.epochs() + " " : "")
                    + p.metrics());
        }
    }

    private static double[] deltas(CrossEncoderReward.Scorer scorer, RewardPairs pairs) {
        return scorer.deltas(pairs.tickets(), pairs.first(), pairs.second());
    }

    private static Map<String, float[]> vectors(CliEncoder encoder, RewardPairs... sets) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (RewardPairs pairs : sets) {
            texts.addAll(pairs.tickets());
            texts.addAll(pairs.first());
            texts.addAll(pairs.second());
        }
        List<String> all = new ArrayList<>(texts);
        float[][] v = encoder.embed(all);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            vectors.put(all.get(i), v[i]);
        }
        return vectors;
    }

    private static RewardTrainer.Data data(RewardPairs pairs, Map<String, float[]> vectors) {
        int n = pairs.size();
        float[][] x = new float[n][];
        float[][] a = new float[n][];
        float[][] b = new float[n][];
        float[] kinds = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = PolicyFeatures.ticket(vectors.get(pairs.tickets().get(i)), pairs.tickets().get(i));
            a[i] = PolicyFeatures.reply(vectors.get(pairs.first().get(i)), pairs.first().get(i));
            b[i] = PolicyFeatures.reply(vectors.get(pairs.second().get(i)), pairs.second().get(i));
            kinds[i] = pairs.kinds()[i];
        }
        return new RewardTrainer.Data(x, a, b, kinds, pairs.margins(), pairs.weights());
    }

    /** The test pairs about no ticket a training pair is about, words compared with case and spacing aside. */
    static List<PreferencePair> unseen(List<PreferencePair> test, List<PreferencePair> train) {
        Set<String> trained = new HashSet<>();
        train.forEach(p -> trained.add(HeldOutRows.key(p.prompt())));
        return test.stream().filter(p -> !trained.contains(HeldOutRows.key(p.prompt()))).toList();
    }
}
