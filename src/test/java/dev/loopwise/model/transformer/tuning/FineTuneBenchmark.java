package dev.loopwise.model.transformer.tuning;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.intent.IntentDataSplit;
import dev.loopwise.model.intent.IntentEvaluation;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.intent.IntentTrainer;
import dev.loopwise.model.intent.IntentTrainingConfig;
import dev.loopwise.model.intent.IntentTrainingData;
import dev.loopwise.model.intent.IntentTrainingResult;
import dev.loopwise.model.intent.LabelledVectors;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertTrainingBenchmark;
import dev.loopwise.model.transformer.bert.BertWeightMap;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Measures the fine-tuning regimes against the frozen encoder with the product's linear head, on a labelled
 * file with a split column (CLINC150, Bitext), the way {@code eval-intents} splits it: train rows train,
 * val rows validate (none with {@code --shots}), test rows are scored. The tuned model is scored as served:
 * test vectors come from ONNX Runtime with the tuned initializers.
 *
 * <pre>
 * java -cp … dev.loopwise.model.transformer.tuning.FineTuneBenchmark --data FILE [--encoder MINILM|BGE_SMALL]
 *     [--shots K] [--seed S] [--regime finetune|contrastive|baseline] [--budget SECONDS] [--clock wall|cpu]
 *     [--layers K] [--epochs E] [--lr X] [--head-lr X] [--warmup SHARE] [--layer-decay X] [--out results.jsonl]
 * </pre>
 * One configuration per JVM, so the peak RSS is the run's own.
 */
public final class FineTuneBenchmark {

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Map<String, Object> out = run(options);
        String line = toJson(out);
        System.out.println(line);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static Map<String, Object> run(Map<String, String> options) throws IOException {
        BundledEncoders bundled = BundledEncoders.valueOf(options.getOrDefault("encoder", "MINILM"));
        Path data = Path.of(options.getOrDefault("data", "../shared/data/clinc150/clinc150_full.csv"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Integer shots = options.containsKey("shots") ? Integer.valueOf(options.get("shots")) : null;
        String regime = options.getOrDefault("regime", shots != null ? "contrastive" : "finetune");
        String oosLabel = "oos";
        String load = Files.readString(Path.of("/proc/loadavg")).trim();

        IntentDataSplit split = IntentDataSplit.read(data, data, shots, seed);
        List<String> labels = split.labels();
        List<TicketRow> trainRows = split.train();
        List<TicketRow> validationRows = split.validation();
        List<TicketRow> testRows = split.test();
        String oos = labels.contains(oosLabel) || testRows.stream().anyMatch(r -> r.label().equals(oosLabel)) ? oosLabel : null;
        List<String> testGold = testRows.stream().map(TicketRow::label).toList();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data.getFileName().toString());
        out.put("setting", shots == null ? "full" : shots + " per intent");
        out.put("encoder", bundled.id);
        out.put("regime", regime);
        out.put("seed", seed);
        out.put("trainRows", trainRows.size());
        out.put("validationRows", validationRows.size());
        out.put("testRows", testRows.size());
        out.put("loadBefore", load);
        int maxTokens = Integer.parseInt(options.getOrDefault("max-tokens", "64"));
        long started = System.nanoTime();
        long cpuStarted = TrainingMonitor.threadCpuClock().getAsLong();
        IntentHead head;
        float[][] testVectors;
        if (regime.equals("baseline")) {
            // The product's trained regime on frozen vectors (ONNX Runtime, the encoder's own pooling).
            List<String> texts = new ArrayList<>();
            trainRows.forEach(r -> texts.add(r.text()));
            validationRows.forEach(r -> texts.add(r.text()));
            long encodeStart = System.nanoTime();
            float[][] vectors = embed(bundled, Map.of(), texts, maxTokens);
            out.put("encodeSeconds", (System.nanoTime() - encodeStart) / 1e9);
            LabelledVectors train = labelled(vectors, 0, trainRows, labels);
            LabelledVectors validation = labelled(vectors, trainRows.size(), validationRows, labels);
            long trainStart = System.nanoTime();
            IntentTrainingResult result = IntentTrainer.train(IntentTrainingConfig.defaults(seed),
                    new IntentTrainingData(labels, train, validation, null, labels.contains(oosLabel) ? oosLabel : null));
            out.put("headSeconds", (System.nanoTime() - trainStart) / 1e9);
            head = result.head();
            testVectors = embed(bundled, Map.of(), testRows.stream().map(TicketRow::text).toList(), maxTokens);
        } else {
            EncoderSource source = new EncoderSource(bundled.id, bundled.model(), bundled.tokenizer(), bundled.pooling);
            FineTuneData fineTuneData = FineTuneData.of(trainRows.stream().map(TicketRow::text).toList(),
                    trainRows.stream().map(TicketRow::label).toList(), validationRows.stream().map(TicketRow::text).toList(),
                    validationRows.stream().map(TicketRow::label).toList(), oosLabel);
            Duration budget = options.containsKey("budget") ? Duration.ofSeconds(Long.parseLong(options.get("budget"))) : null;
            TrainingMonitor monitor = TrainingMonitor.of(FineTuneBenchmark::progress, () -> false);
            if ("cpu".equals(options.get("clock"))) {
                monitor = monitor.withClock(TrainingMonitor.threadCpuClock());
            }
            FineTuneResult result;
            if (regime.equals("finetune")) {
                ClassifierFineTuneConfig config = ClassifierFineTuneConfig.defaults(seed).withTimeBudget(budget);
                if (options.containsKey("layers")) {
                    config = config.withTrainableLayers(Integer.parseInt(options.get("layers")));
                }
                if (options.containsKey("epochs")) {
                    config = config.withEpochs(Integer.parseInt(options.get("epochs")));
                }
                if (options.containsKey("lr") || options.containsKey("head-lr")) {
                    config = config.withLearningRates(Double.parseDouble(options.getOrDefault("lr", "" + config.learningRate())),
                            Double.parseDouble(options.getOrDefault("head-lr", "" + config.headLearningRate())));
                }
                if (options.containsKey("cache")) {
                    config = config.withCache(CacheMode.valueOf(options.get("cache")));
                }
                if (options.containsKey("warmup") || options.containsKey("layer-decay")) {
                    ClassifierFineTuneConfig c = config;
                    config = new ClassifierFineTuneConfig(c.trainableLayers(), c.maxTokens(), c.batchSize(), c.maxEpochs(),
                            c.patience(), c.learningRate(),
                            Double.parseDouble(options.getOrDefault("layer-decay", "" + c.layerDecay())),
                            c.headLearningRate(), Double.parseDouble(options.getOrDefault("warmup", "" + c.warmupShare())),
                            c.weightDecay(), c.dropout(), c.cache(), c.linearProbe(), c.heldOutShare(), c.retention(),
                            c.outOfScopeWeight(), c.timeBudget(), c.seed());
                }
                out.put("config", config.toString());
                result = ClassifierFineTuner.train(source, config, fineTuneData, monitor);
            } else {
                ContrastiveFineTuneConfig config = ContrastiveFineTuneConfig.defaults(seed).withTimeBudget(budget);
                if (options.containsKey("layers")) {
                    config = config.withTrainableLayers(Integer.parseInt(options.get("layers")));
                }
                if (options.containsKey("epochs")) {
                    config = config.withEpochs(Integer.parseInt(options.get("epochs")));
                }
                if (options.containsKey("lr")) {
                    config = config.withLearningRate(Double.parseDouble(options.get("lr")));
                }
                if (options.containsKey("pair-loss")) {
                    config = config.withPairLoss(ContrastiveFineTuneConfig.PairLoss.valueOf(options.get("pair-loss")),
                            Double.parseDouble(options.getOrDefault("tau", "0.05")));
                }
                if (options.containsKey("batch")) {
                    String[] parts = options.get("batch").split("x");
                    config = config.withBatch(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                }
                out.put("config", config.toString());
                result = ContrastiveFineTuner.train(source, config, fineTuneData, monitor);
            }
            out.put("plan", result.plan().toString());
            out.put("stop", result.stop());
            out.put("epochs", result.epochs());
            out.put("bestEpoch", result.bestEpoch());
            out.put("metrics", result.metrics());
            out.put("history", result.history());
            head = IntentHead.of(result.head(), result.regime());
            Map<String, FloatTensor> overrides = result.weights().onnxInitializers(
                    BertWeightMap.resolve(OnnxGraph.read(bundled.model())));
            out.put("tunedMegabytes", result.weights().toBytes().length / 1e6);
            testVectors = embed(bundled, overrides, testRows.stream().map(TicketRow::text).toList(), maxTokens);
        }
        out.put("wallSeconds", (System.nanoTime() - started) / 1e9);
        out.put("cpuSeconds", (TrainingMonitor.threadCpuClock().getAsLong() - cpuStarted) / 1e9);
        IntentEvaluation evaluation = IntentEvaluation.of(head, testVectors, testGold, oos);
        out.put("inScopeAccuracy", evaluation.inScopeAccuracy());
        out.put("outOfScopeRecall", evaluation.outOfScopeRecall());
        out.put("topIntentAccuracy", evaluation.topIntentAccuracy());
        out.put("accuracy", evaluation.accuracy());
        out.put("macroF1", evaluation.macroF1());
        out.put("threshold", head.threshold());
        out.put("peakRssMb", BertTrainingBenchmark.peakRssMb());
        out.put("loadAfter", Files.readString(Path.of("/proc/loadavg")).trim());
        return out;
    }

    private static long lastReport;

    private static void progress(TrainingProgress p) {
        long now = System.nanoTime();
        boolean headStage = p.stage().equals("probe") || p.stage().equals("head");
        boolean epochEnd = p.metrics().containsKey("eval/score") || p.stage().equals("plan")
                || (p.step() == p.steps() && !headStage);
        if (epochEnd || now - lastReport > 30e9) {
            lastReport = now;
            System.err.printf("[%tT] %s epoch %d/%d step %d/%d %s%n", System.currentTimeMillis(), p.stage(), p.epoch(),
                    p.epochs(), p.step(), p.steps(), p.metrics());
        }
    }

    /** Unit vectors from ONNX Runtime (1 thread), with the given initializers replaced. */
    static float[][] embed(BundledEncoders bundled, Map<String, FloatTensor> overrides, List<String> texts, int maxTokens) {
        float[][] out = new float[texts.size()][];
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(bundled.tokenizer(), maxTokens);
             OnnxEncoderSession session = new OnnxEncoderSession(bundled.model(), overrides, 1)) {
            TokenizedTexts tokens = TokenizedTexts.of(tokenizer, texts);
            for (int[] batch : tokens.sortedBatches(IntStream.range(0, texts.size()).toArray(), 32)) {
                float[][] vectors = session.embed(tokens.batch(batch), bundled.pooling);
                for (int i = 0; i < batch.length; i++) {
                    out[batch[i]] = vectors[i];
                }
            }
        }
        return out;
    }

    private static LabelledVectors labelled(float[][] vectors, int offset, List<TicketRow> rows, List<String> labels) {
        float[][] v = Arrays.copyOfRange(vectors, offset, offset + rows.size());
        return new LabelledVectors(v, rows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray());
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
