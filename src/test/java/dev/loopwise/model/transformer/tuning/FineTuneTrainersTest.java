package dev.loopwise.model.transformer.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.training.LinearHeadTrainer;
import dev.loopwise.model.training.TrainingCancelledException;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.FloatTensor;
import dev.loopwise.model.transformer.SyntheticTasks;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.bert.BertWeightMap;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import dev.loopwise.model.transformer.onnx.OnnxGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both fine-tuning regimes on a task the frozen encoder is weak at (who did what to whom, see
 * {@link SyntheticTasks}): the loss falls, held-out accuracy of the tuned model — served through ONNX
 * Runtime with the tuned initializers — rises above the frozen encoder with the same linear head, the
 * served vectors are PyTorch's, a cancelled run ends cleanly and a spent time budget keeps the best so far.
 */
class FineTuneTrainersTest {
    static final BundledEncoders BUNDLED = BundledEncoders.MINILM;
    static EncoderSource source;
    static SyntheticTasks.Rows train;
    static SyntheticTasks.Rows validation;
    static SyntheticTasks.Rows test;
    static double frozenAccuracy;

    @BeforeAll
    static void frozenBaseline() {
        source = new EncoderSource(BUNDLED.id, BUNDLED.model(), BUNDLED.tokenizer(), BUNDLED.pooling);
        train = SyntheticTasks.whoDidWhat(40, 1, true);
        validation = SyntheticTasks.whoDidWhat(20, 2, false);
        test = SyntheticTasks.whoDidWhat(50, 3, false);
        // The product's regime: the frozen encoder's vectors and a linear head, early-stopped on validation.
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(BUNDLED.tokenizer(), 64);
             BertEncoder frozen = BertEncoder.load(BUNDLED.id, BUNDLED.model(), BertEncoder.Options.of(BUNDLED.pooling, 0), null)) {
            float[][] x = frozen.embed(TokenBatch.encode(tokenizer, train.texts()));
            float[][] v = frozen.embed(TokenBatch.encode(tokenizer, validation.texts()));
            float[][] t = frozen.embed(TokenBatch.encode(tokenizer, test.texts()));
            LinearHeadTrainer.Result head = LinearHeadTrainer.train(new LinearHeadTrainer.Settings(0.01, 64, 200, 8, 7), x, ids(train),
                    v, ids(validation), 2, "probe", TrainingMonitor.none());
            frozenAccuracy = accuracy(new ClassifierHead(List.of(SyntheticTasks.ACTS, SyntheticTasks.RECEIVES),
                    head.weights(), head.bias(), 0, null), t, ids(test));
        }
        System.out.printf("frozen encoder + linear head: held-out accuracy %.3f%n", frozenAccuracy);
    }

    static FineTuneData data(SyntheticTasks.Rows rows, SyntheticTasks.Rows held) {
        return FineTuneData.of(rows.texts(), rows.labels(), held == null ? List.of() : held.texts(),
                held == null ? List.of() : held.labels(), null);
    }

    static ClassifierFineTuneConfig classifierConfig() {
        return ClassifierFineTuneConfig.defaults(7).withTrainableLayers(2).withEpochs(8).withLearningRates(3e-4, 3e-3)
                .withTimeBudget(Duration.ofMinutes(10));
    }

    @Test
    void endToEndFineTuneLearnsWhatTheFrozenEncoderMisses() {
        List<TrainingProgress> reports = new ArrayList<>();
        FineTuneResult result = ClassifierFineTuner.train(source, classifierConfig(), data(train, validation),
                TrainingMonitor.of(reports::add, () -> false));
        List<Double> losses = result.history().stream().map(m -> m.get("train/loss")).toList();
        double served = servedAccuracy(result);
        System.out.printf("finetune: plan %s, stop %s, best epoch %d, losses %s, held-out accuracy %.3f (frozen %.3f), %s%n",
                result.plan(), result.stop(), result.bestEpoch(), losses, served, frozenAccuracy, result.metrics());
        assertEquals(FineTuneResult.FINETUNE, result.regime());
        assertTrue(mean(losses, -3) < 0.5 * mean(losses, 3), "the training loss falls: " + losses);
        assertTrue(served >= frozenAccuracy + 0.1, "tuned " + served + " vs frozen " + frozenAccuracy);
        assertTrue(served >= 0.75, "tuned held-out accuracy " + served);
        assertEquals(2, result.plan().trainableLayers());
        // The head fitted again on the finished vectors is kept exactly when it decides the held-out rows at least as well.
        double before = result.metrics().get("refit/accuracy_before");
        double after = result.metrics().get("refit/accuracy");
        assertEquals(after >= before ? 1.0 : 0.0, result.metrics().get("refit/kept"));
        assertTrue(result.metrics().get("refit/epochs") >= 1);
        assertEquals(16 * 2, result.weights().tensors().size());
        assertTrue(reports.stream().anyMatch(r -> r.stage().equals("finetune") && r.metrics().containsKey("eval/accuracy")));
        assertTrue(reports.stream().anyMatch(r -> r.metrics().containsKey("train/learning_rate")));
        assertServedVectorsArePyTorchs(result);
    }

    @Test
    void contrastiveFineTuneLearnsWhatTheFrozenEncoderMisses() {
        SyntheticTasks.Rows few = SyntheticTasks.whoDidWhat(20, 4, true);
        ContrastiveFineTuneConfig config = ContrastiveFineTuneConfig.defaults(7).withTrainableLayers(2).withEpochs(20)
                .withLearningRate(2e-4).withBatch(2, 8).withTimeBudget(Duration.ofMinutes(10));
        FineTuneResult result = ContrastiveFineTuner.train(source, config, data(few, null), TrainingMonitor.none());
        List<Double> losses = result.history().stream().map(m -> m.get("train/loss")).toList();
        double served = servedAccuracy(result);
        System.out.printf("contrastive: plan %s, losses %s, held-out accuracy %.3f (frozen %.3f), %s%n", result.plan(),
                losses, served, frozenAccuracy, result.metrics());
        assertEquals(FineTuneResult.FINETUNE_CONTRASTIVE, result.regime());
        assertTrue(mean(losses, -3) < 0.75 * mean(losses, 3), "the pair loss falls: " + losses);
        assertTrue(served >= frozenAccuracy + 0.1, "tuned " + served + " vs frozen " + frozenAccuracy);
        assertServedVectorsArePyTorchs(result);
    }

    @Test
    void cancelledRunEndsCleanlyAndWritesNothing(@TempDir Path directory) throws IOException {
        // Counted in reports rather than seconds, so that a loaded machine cannot fail it: the flag is read before every
        // batch, and one report (an epoch's end) may already be on its way; any more means training went on.
        AtomicInteger afterCancel = new AtomicInteger(-1);
        TrainingMonitor monitor = TrainingMonitor.of(report -> {
            if (report.stage().equals("finetune") && afterCancel.incrementAndGet() > 1) {
                throw new AssertionError("still training " + afterCancel.get() + " reports after the cancel: " + report);
            }
        }, () -> afterCancel.get() >= 0);
        TrainingCancelledException cancelled = assertThrows(TrainingCancelledException.class,
                () -> ClassifierFineTuner.train(source, classifierConfig().withEpochs(50), data(train, validation), monitor));
        assertTrue(cancelled.getMessage().contains("finetune"), cancelled.getMessage());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(0, files.count());
        }
        // The cancelled run closed its native objects: the next run starts and finishes as usual.
        FineTuneResult again = ContrastiveFineTuner.train(source, ContrastiveFineTuneConfig.defaults(7).withTrainableLayers(1)
                .withEpochs(1).withBatch(2, 4), data(SyntheticTasks.whoDidWhat(6, 5, true), null), TrainingMonitor.none());
        assertEquals("COMPLETED", again.stop());
    }

    @Test
    void spentTimeBudgetStopsGracefullyWithTheBestSoFar() {
        // A clock that advances ten seconds each time it is read: the 60 s budget runs out after six steps, the same way every time.
        AtomicLong ticks = new AtomicLong();
        TrainingMonitor monitor = TrainingMonitor.none().withClock(() -> ticks.incrementAndGet() * 10_000_000_000L);
        FineTuneResult result = ClassifierFineTuner.train(source, classifierConfig().withTimeBudget(Duration.ofSeconds(60))
                .withEpochs(50), data(train, validation), monitor);
        assertEquals("TIME_BUDGET", result.stop());
        assertTrue(result.epochs() < 50 && result.epochs() >= 1, "epochs " + result.epochs());
        assertTrue(result.bestEpoch() >= 1 && result.bestEpoch() <= result.epochs());
        assertEquals(2, result.head().labels().size());
        assertTrue(Double.isFinite(result.metrics().get("eval/score")));
    }

    /** Held-out accuracy of the tuned model as served: ONNX Runtime on the base graph with tuned initializers. */
    static double servedAccuracy(FineTuneResult result) {
        Map<String, FloatTensor> overrides = result.weights().onnxInitializers(BertWeightMap.resolve(OnnxGraph.read(BUNDLED.model())));
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(BUNDLED.tokenizer(), 64);
             OnnxEncoderSession session = new OnnxEncoderSession(BUNDLED.model(), overrides, 1)) {
            return accuracy(result.head(), session.embed(TokenBatch.encode(tokenizer, test.texts()), BUNDLED.pooling),
                    test.labels().stream().mapToInt(result.head().labels()::indexOf).toArray());
        }
    }

    static void assertServedVectorsArePyTorchs(FineTuneResult result) {
        Map<String, FloatTensor> overrides = result.weights().onnxInitializers(BertWeightMap.resolve(OnnxGraph.read(BUNDLED.model())));
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(BUNDLED.tokenizer(), 64);
             BertEncoder tuned = BertEncoder.load(BUNDLED.id, BUNDLED.model(), new BertEncoder.Options(BUNDLED.pooling, 0, 64, 0f,
                     OptionalInt.empty()), result.weights());
             OnnxEncoderSession session = new OnnxEncoderSession(BUNDLED.model(), overrides, 1)) {
            List<String> texts = new ArrayList<>(test.texts().subList(0, 20));
            texts.addAll(BundledEncoders.SENTENCES.subList(0, 11));
            TokenBatch batch = TokenBatch.encode(tokenizer, texts);
            float[][] torch = tuned.embed(batch);
            float[][] ort = session.embed(batch, BUNDLED.pooling);
            double lowest = 1;
            for (int i = 0; i < torch.length; i++) {
                lowest = Math.min(lowest, BundledEncoders.cosine(torch[i], ort[i]));
            }
            assertTrue(lowest >= 0.9999, "tuned PyTorch vs served ONNX Runtime cosine " + lowest);
        }
    }

    static double accuracy(ClassifierHead head, float[][] vectors, int[] y) {
        int right = 0;
        for (int i = 0; i < vectors.length; i++) {
            right += Vectors.argmax(head.logits(vectors[i])) == y[i] ? 1 : 0;
        }
        return (double) right / vectors.length;
    }

    /** Mean of the first n values, or of the last −n. */
    static double mean(List<Double> values, int n) {
        List<Double> part = n > 0 ? values.subList(0, n) : values.subList(values.size() + n, values.size());
        return part.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static int[] ids(SyntheticTasks.Rows rows) {
        return rows.labels().stream().mapToInt(l -> l.equals(SyntheticTasks.ACTS) ? 0 : 1).toArray();
    }
}
