package dev.loopwise.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loopwise.cli.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise eval-intents}: trains an intent classifier on one file's rows and scores it on
 * another's (or on the {@code test} rows of the same file), without any database.
 */
@Command(name = "eval-intents", description = "Train an intent classifier on a file and evaluate it on held-out rows.")
public class EvalIntentsCommand implements Callable<Integer> {
    private static final Set<String> VALIDATION = Set.of("val", "valid", "validation", "dev");

    @Option(names = "--train", required = true, description = "CSV or JSONL with text,label (and optionally split).")
    Path trainFile;

    @Option(names = "--test", required = true, description = "CSV or JSONL to evaluate on; the same file selects its 'test' rows.")
    Path testFile;

    @Option(names = "--shots", description = "Keep only K training rows per label (seeded).")
    Integer shots;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--regime", defaultValue = "auto", description = "auto, zero_shot, few_shot or trained (default: ${DEFAULT-VALUE}).")
    String regime;

    @Option(names = "--oos-label", defaultValue = "oos", description = "Label of out-of-scope rows (default: ${DEFAULT-VALUE}).")
    String oosLabel;

    @Mixin
    EncoderOptions encoderOptions;

    @Option(names = "--threshold", description = "Use this out-of-scope threshold instead of the one chosen on held-out data.")
    Double threshold;

    @Option(names = "--oos-weight", defaultValue = "0.3", description = "What catching an out-of-scope request is worth against "
            + "answering an in-scope one, when choosing the threshold (default: ${DEFAULT-VALUE}).")
    double outOfScopeWeight;

    @Option(names = "--no-cache", description = "Encode every text again instead of reusing vectors from earlier runs.")
    boolean noCache;

    @Option(names = "--json", description = "Print one JSON object with the results and nothing else on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        IntentTrainingConfig config = IntentTrainingConfig.defaults(seed).withRegime(regime).withOutOfScopeWeight(outOfScopeWeight);
        boolean sameFile = Files.isSameFile(trainFile, testFile);
        List<TicketRow> trainRows = new ArrayList<>();
        List<TicketRow> validationRows = new ArrayList<>();
        List<TicketRow> testRows = new ArrayList<>();
        for (TicketRow row : CliFiles.tickets(trainFile)) {
            String split = row.split() == null ? "" : row.split().toLowerCase();
            if (VALIDATION.contains(split)) {
                validationRows.add(row);
            } else if (split.equals("test") && sameFile) {
                testRows.add(row);
            } else if (!sameFile || split.equals("train") || split.isEmpty()) {
                trainRows.add(row);
            }
        }
        if (!sameFile) {
            List<TicketRow> all = CliFiles.tickets(testFile);
            boolean hasTestSplit = all.stream().anyMatch(r -> "test".equalsIgnoreCase(r.split()));
            all.stream().filter(r -> !hasTestSplit || "test".equalsIgnoreCase(r.split())).forEach(testRows::add);
        }
        requireLabelled(trainRows, trainFile);
        requireLabelled(testRows, testFile);
        if (testRows.isEmpty()) {
            throw new IllegalArgumentException("No test rows: give --test another file, or a 'split' column with 'test' rows.");
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(trainRows.stream().map(TicketRow::label).toList()));
        if (shots != null) {
            int[] y = trainRows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
            int[] keep = StratifiedSplit.atMostPerClass(y, labels.size(), shots, seed);
            List<TicketRow> kept = new ArrayList<>();
            for (int i : keep) {
                kept.add(trainRows.get(i));
            }
            trainRows = kept;
            validationRows.clear(); // a few-shot user has no large validation set either
        }
        validationRows.removeIf(r -> !labels.contains(r.label()));

        Progress progress = new Progress(json);
        long encodeStart = System.nanoTime();
        List<String> texts = new ArrayList<>();
        trainRows.forEach(r -> texts.add(r.text()));
        validationRows.forEach(r -> texts.add(r.text()));
        testRows.forEach(r -> texts.add(r.text()));
        labels.forEach(label -> texts.add(describe(label)));
        float[][] vectors;
        String encoderId;
        Double textsPerSecond;
        try (CliEncoder encoder = encoderOptions.open(!noCache, 32)) {
            encoderId = encoder.id();
            vectors = encoder.embed(texts);
            textsPerSecond = encoder.textsPerSecond();
        }
        double encodingSeconds = (System.nanoTime() - encodeStart) / 1e9;
        int offset = 0;
        LabelledVectors train = labelled(vectors, offset, trainRows, labels);
        offset += trainRows.size();
        LabelledVectors validation = labelled(vectors, offset, validationRows, labels);
        offset += validationRows.size();
        float[][] test = java.util.Arrays.copyOfRange(vectors, offset, offset + testRows.size());
        offset += testRows.size();
        float[][] descriptions = java.util.Arrays.copyOfRange(vectors, offset, offset + labels.size());

        progress.line("Training (" + config.regime() + ") on " + train.size() + " rows...");
        String oos = labels.contains(oosLabel) || testRows.stream().anyMatch(r -> r.label().equals(oosLabel)) ? oosLabel : null;
        IntentTrainingResult result = IntentTrainer.train(config,
                new IntentTrainingData(labels, train, validation, descriptions, labels.contains(oosLabel) ? oosLabel : null));
        if (threshold != null) {
            result = new IntentTrainingResult(result.head().withThreshold(threshold), result.epochs(), result.heldOutLoss(),
                    result.trainingMillis());
        }
        IntentEvaluation evaluation = IntentEvaluation.of(result.head(), test, testRows.stream().map(TicketRow::label).toList(), oos);
        report(result, evaluation, new Encoding(encoderId, encodingSeconds, texts.size(), textsPerSecond), trainRows.size(),
                validationRows.size(), testRows.size());
        return 0;
    }

    /** What encoding cost: {@code textsPerSecond} counts only texts the encoder really ran on (null when all came from the cache). */
    private record Encoding(String encoderId, double seconds, int texts, Double textsPerSecond) {
    }

    private void report(IntentTrainingResult result, IntentEvaluation evaluation, Encoding encoding, int trainRows, int validationRows,
                        int testRows) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regime", result.head().regime());
        out.put("trainRows", trainRows);
        out.put("validationRows", validationRows);
        out.put("testRows", testRows);
        out.put("accuracy", evaluation.accuracy());
        out.put("macroF1", evaluation.macroF1());
        out.put("inScopeAccuracy", evaluation.inScopeAccuracy());
        out.put("topIntentAccuracy", evaluation.topIntentAccuracy());
        out.put("outOfScopeRecall", evaluation.outOfScopeRecall());
        out.put("handoverRate", evaluation.handoverRate());
        out.put("threshold", result.head().threshold());
        out.put("epochs", result.epochs());
        out.put("trainingSeconds", result.trainingMillis() / 1000.0);
        out.put("encodingSeconds", encoding.seconds());
        out.put("textsEncoded", encoding.texts());
        out.put("encodingTextsPerSecond", encoding.textsPerSecond());
        out.put("encoder", encoding.encoderId());
        out.put("seed", seed);
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(out));
            return;
        }
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out)
                .replaceAll("[{}\",]", "").replaceAll("(?m)^\\s*$\\n", "").stripTrailing());
        if (!evaluation.topConfusions().isEmpty()) {
            System.out.println("most confused (expected -> predicted: count):");
            evaluation.topConfusions().stream().limit(5)
                    .forEach(c -> System.out.println("  " + c.expected() + " -> " + c.predicted() + ": " + c.count()));
        }
    }

    private static void requireLabelled(List<TicketRow> rows, Path file) {
        rows.stream().filter(r -> r.label() == null).findFirst().ifPresent(r -> {
            throw new IllegalArgumentException(file + " line " + r.line() + ": every row needs a label");
        });
    }

    /** A label as words, the only description a bare data set offers for zero-shot ("book_flight" → "book flight"). */
    static String describe(String label) {
        return label.replace('_', ' ').replace('-', ' ').strip();
    }

    private static LabelledVectors labelled(float[][] vectors, int offset, List<TicketRow> rows, List<String> labels) {
        float[][] v = java.util.Arrays.copyOfRange(vectors, offset, offset + rows.size());
        int[] y = rows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
        return new LabelledVectors(v, y);
    }
}
