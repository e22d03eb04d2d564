package dev.loopwise.model.intent;

import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.EvalMessages;
import dev.loopwise.model.Progress;
import dev.loopwise.model.encoder.CliEncoder;
import dev.loopwise.model.encoder.EncoderOptions;
import dev.loopwise.model.encoder.EncoderSpec;
import dev.loopwise.model.encoder.SentenceEncoder;
import dev.loopwise.model.transformer.tuning.FineTuneData;
import dev.loopwise.model.transformer.tuning.FineTuneResult;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code loopwise eval-intents}: trains an intent classifier on one file's rows and scores it on
 * another's (or on the {@code test} rows of the same file), without any database.
 */
@Command(name = "eval-intents", description = "Train an intent classifier on a file and measure it on the rows kept aside for measuring.",
        footer = EvalMessages.INTENT_FILE_SHAPES)
public class EvalIntentsCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "CSV, TSV, JSONL or CLINC150 JSON with text and label (and optionally split): see below.")
    Path trainFile;

    @Option(names = "--test", required = true, description = "A file of the same shapes to evaluate on; the same file selects its 'test' rows.")
    Path testFile;

    @Option(names = "--shots", description = "Keep only K training rows per label (seeded).")
    Integer shots;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--regime", defaultValue = "auto", description = "auto, zero-shot, prototypes, linear or finetune "
            + "(default: ${DEFAULT-VALUE}, as the service: by examples per intent, on the frozen encoder).")
    String regime;

    @Option(names = "--auto-finetune", description = "Let auto fine-tune with " + IntentRegime.MIN_FINE_TUNE_EXAMPLES
            + "+ examples per intent, as LOOPWISE_MODEL_TRAINING_AUTO_FINE_TUNE=true does in the service.")
    boolean autoFineTune;

    @Option(names = "--budget", paramLabel = "SECONDS", description = "Time a fine-tune may take (default: by data size, about 3 min "
            + "per 1,000 rows on 2 cores).")
    Long budgetSeconds;

    @Option(names = "--oos-label", defaultValue = "oos", description = "Label of out-of-scope rows (default: ${DEFAULT-VALUE}).")
    String oosLabel;

    @Mixin
    EncoderOptions encoderOptions;

    @Option(names = "--threshold", description = "Use this out-of-scope threshold instead of the one chosen on rows kept aside from training.")
    Double threshold;

    @Option(names = "--oos-weight", defaultValue = "0.3", description = "What catching an out-of-scope request is worth against "
            + "answering an in-scope one, when choosing the threshold (default: ${DEFAULT-VALUE}).")
    double outOfScopeWeight;

    @Option(names = "--no-cache", description = "Encode every text again instead of reusing vectors from earlier runs.")
    boolean noCache;

    @Option(names = "--scores", paramLabel = "FILE", description = "Also write each validation and test row's gold label, best "
            + "intent and probabilities (CSV), to compare out-of-scope rules without training again.")
    Path scoresFile;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Also write every split's vectors as served and the head's "
            + "weights (raw float32), to compare out-of-scope detectors offline.")
    Path vectorsDir;

    @Option(names = "--json", description = "Print one JSON object with the results and nothing else on stdout.")
    boolean json;

    /** Checked before anything is trained, so that a run is not lost to a mistyped output place at its very end. */
    private void checkOutputs() {
        if (scoresFile != null && Files.isDirectory(scoresFile)) {
            throw new IllegalArgumentException(CommandLineMessages.outputPlace("--scores", scoresFile, "is a folder: give a file name in it"));
        }
        if (scoresFile != null && !Files.isDirectory(scoresFile.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException(CommandLineMessages.outputPlace("--scores", scoresFile, "is in a folder that does not exist"));
        }
        if (vectorsDir != null && Files.exists(vectorsDir) && !Files.isDirectory(vectorsDir)) {
            throw new IllegalArgumentException(CommandLineMessages.outputPlace("--vectors", vectorsDir, "is a file: give a folder"));
        }
    }

    @Override
    public Integer call() throws Exception {
        encoderOptions.check();
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(EvalMessages.threshold(threshold));
        }
        if (!(outOfScopeWeight > 0)) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--oos-weight", "above 0 (what catching an out-of-scope"
                    + " request is worth against answering an in-scope one; 0.3 by default)", outOfScopeWeight));
        }
        if (budgetSeconds != null && budgetSeconds < 1) {
            throw new IllegalArgumentException(CommandLineMessages.outOfRange("--budget", "1 second or more", budgetSeconds));
        }
        String chosen = IntentRegime.parse(regime);
        if (autoFineTune && !chosen.equals(IntentRegime.AUTO)) {
            throw new IllegalArgumentException(CommandLineMessages.onlyWith("--auto-finetune", "--regime auto"));
        }
        checkOutputs();
        IntentDataSplit split = IntentDataSplit.read(trainFile, testFile, shots, seed);
        String oos = split.labels().contains(oosLabel) || split.test().stream().anyMatch(r -> r.label().equals(oosLabel)) ? oosLabel : null;
        if (chosen.equals(IntentRegime.AUTO)) {
            chosen = IntentRegime.choose(split.train().size(), split.fewestPerLabel(oosLabel), IntentRegime.median(split.perLabel(oosLabel)), autoFineTune,
                    IntentTrainingConfig.defaults(seed).minTrainedExamples(), IntentRegime.MIN_FINE_TUNE_EXAMPLES);
        }
        Progress progress = new Progress(json);
        progress.line("Regime: " + chosen + (regime.equals(IntentRegime.AUTO) ? " (auto)" : ""));
        IntentEvalReport.notes(split, oosLabel, shots != null, IntentTrainingConfig.defaults(seed).minTrainedExamples(), progress);
        if (chosen.equals(IntentRegime.FINETUNE)) {
            return fineTune(split, oos, progress);
        }
        IntentTrainingConfig config = IntentTrainingConfig.defaults(seed).withRegime(chosen).withOutOfScopeWeight(outOfScopeWeight);
        List<String> labels = split.labels();
        long encodeStart = System.nanoTime();
        List<String> texts = new ArrayList<>();
        split.train().forEach(r -> texts.add(r.text()));
        split.validation().forEach(r -> texts.add(r.text()));
        split.test().forEach(r -> texts.add(r.text()));
        labels.forEach(label -> texts.add(describe(label)));
        float[][] vectors;
        String encoderId;
        Double textsPerSecond;
        long encodedTexts;
        try (CliEncoder encoder = encoderOptions.open(!noCache, 32)) {
            encoderId = encoder.id();
            vectors = encoder.embed(texts);
            textsPerSecond = encoder.textsPerSecond();
            encodedTexts = encoder.encodedTexts();
        }
        double encodingSeconds = (System.nanoTime() - encodeStart) / 1e9;
        int offset = 0;
        LabelledVectors train = labelled(vectors, offset, split.train(), labels);
        offset += split.train().size();
        LabelledVectors validation = labelled(vectors, offset, split.validation(), labels);
        offset += split.validation().size();
        float[][] test = Arrays.copyOfRange(vectors, offset, offset + split.test().size());
        offset += split.test().size();
        float[][] descriptions = Arrays.copyOfRange(vectors, offset, offset + labels.size());

        progress.line("Training (" + chosen + ") on " + train.size() + " rows...");
        IntentTrainingResult result = IntentTrainer.train(config,
                new IntentTrainingData(labels, train, validation, descriptions, labels.contains(oosLabel) ? oosLabel : null,
                        split.train().stream().map(TicketRow::text).toList()));
        IntentHead head = threshold == null ? result.head() : result.head().withThreshold(threshold);
        if (scoresFile != null) {
            IntentScoresFile.write(scoresFile, head, validation.vectors(), split.validation(), test, split.test());
        }
        if (vectorsDir != null) {
            IntentVectorsFile.write(vectorsDir, head, train.vectors(), split.train(), validation.vectors(), split.validation(), test,
                    split.test());
        }
        IntentEvaluation evaluation = IntentEvaluation.of(head, test, split.test().stream().map(TicketRow::label).toList(), oos);
        Map<String, Object> out = IntentEvalReport.results(head, evaluation, split, seed);
        if (result.heldOutSeen() > 0) {
            out.put(IntentTrainer.HELD_OUT_SEEN, result.heldOutSeen());
        }
        out.put("epochs", result.epochs());
        out.put("trainingSeconds", result.trainingMillis() / 1000.0);
        out.put("encodingSeconds", encodingSeconds);
        // The texts the encoder ran on, as the progress line counted them: cache hits are not counted (under
        // --no-cache every text, repeats included, is).
        out.put("textsEncoded", encodedTexts);
        out.put("encodingTextsPerSecond", textsPerSecond);
        out.put("encoder", encoderId);
        IntentEvalReport.print(out, evaluation, json, oosLabel);
        return 0;
    }

    /** The encoder's top layers tuned with the head on the training rows; the test rows are encoded as served, by ONNX Runtime. */
    private int fineTune(IntentDataSplit split, String oos, Progress progress) throws IOException {
        long started = System.nanoTime();
        try (CliEncoder base = encoderOptions.open(false, 32)) {
            EncoderSpec spec = base.spec();
            String prefix = spec.prefix();
            FineTuneData data = FineTuneData.of(split.train().stream().map(r -> prefix + r.text()).toList(),
                    split.train().stream().map(TicketRow::label).toList(), split.validation().stream().map(r -> prefix + r.text()).toList(),
                    split.validation().stream().map(TicketRow::label).toList(), split.labels().contains(oosLabel) ? oosLabel : null);
            FineTuneResult tuned = IntentFineTuning.run(
                    spec.tuningSource(), data,
                    new IntentFineTuning.Settings(IntentTrainingConfig.defaults(seed).minTrainedExamples(), 0.98, outOfScopeWeight,
                            budgetSeconds == null ? null : Duration.ofSeconds(budgetSeconds), seed),
                    progress::step, () -> false);
            progress.done();
            double trainingSeconds = (System.nanoTime() - started) / 1e9;
            long encodeStart = System.nanoTime();
            float[][] test;
            String encoderId;
            IntentHead head;
            try (SentenceEncoder served = new SentenceEncoder(spec, tuned.weights(), 32, 0)) {
                encoderId = served.id();
                test = served.encode(split.test().stream().map(TicketRow::text).toList());
                head = IntentHead.of(tuned.head(), IntentHead.FINETUNE);
                head = threshold == null ? head : head.withThreshold(threshold);
                if (scoresFile != null || vectorsDir != null) {
                    float[][] validation = served.encode(split.validation().stream().map(TicketRow::text).toList());
                    if (scoresFile != null) {
                        IntentScoresFile.write(scoresFile, head, validation, split.validation(), test, split.test());
                    }
                    if (vectorsDir != null) {
                        IntentVectorsFile.write(vectorsDir, head, served.encode(split.train().stream().map(TicketRow::text).toList()),
                                split.train(), validation, split.validation(), test, split.test());
                    }
                }
            }
            IntentEvaluation evaluation = IntentEvaluation.of(head, test, split.test().stream().map(TicketRow::label).toList(), oos);
            Map<String, Object> out = IntentEvalReport.results(head, evaluation, split, seed);
            out.putAll(IntentFineTuning.metrics(tuned));
            out.put("trainingSeconds", trainingSeconds);
            out.put("encodingSeconds", (System.nanoTime() - encodeStart) / 1e9);
            out.put("encoder", encoderId);
            out.put("tunedMegabytes", tuned.weights().toBytes().length / 1e6);
            IntentEvalReport.print(out, evaluation, json, oosLabel);
            return 0;
        }
    }

    /** A label as words, the only description a bare data set offers for zero-shot ("book_flight" → "book flight"). */
    static String describe(String label) {
        return label.replace('_', ' ').replace('-', ' ').strip();
    }

    private static LabelledVectors labelled(float[][] vectors, int offset, List<TicketRow> rows, List<String> labels) {
        float[][] v = Arrays.copyOfRange(vectors, offset, offset + rows.size());
        int[] y = rows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
        return new LabelledVectors(v, y);
    }
}
