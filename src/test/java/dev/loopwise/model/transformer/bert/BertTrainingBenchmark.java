package dev.loopwise.model.transformer.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.loopwise.common.runtime.PeakMemory;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.onnx.OnnxEncoderSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Time per training step (forward + backward + Adam) of the PyTorch encoder, to choose the fine-tuning
 * regime. Off by default; run with {@code -Dloopwise.benchmark=true} (optionally
 * {@code -Dloopwise.benchmark.encoder=MINILM|BGE_SMALL} and {@code -Dai.djl.pytorch.num_threads=N}).
 * Batches are full-length (no padding), the worst case for a given length. With one PyTorch thread the
 * ops run on the calling thread, so its CPU time approximates the step time on an unshared machine.
 */
@EnabledIfSystemProperty(named = "loopwise.benchmark", matches = "true")
public class BertTrainingBenchmark {
    static final int WARMUP = 2;
    static final int STEPS = 5;

    @Test
    void stepTimes() {
        String only = System.getProperty("loopwise.benchmark.encoder", "");
        System.out.printf("threads=%s load=%s%n", System.getProperty("ai.djl.pytorch.num_threads", "1 (default)"), load());
        System.out.println("encoder | tuned layers | batch | tokens | wall ms/step | thread-CPU ms/step | wall ms no-grad forward"
                + " | wall ms ORT forward | peak RSS MB");
        for (BundledEncoders bundled : BundledEncoders.values()) {
            if (!only.isEmpty() && !only.equals(bundled.name())) {
                continue;
            }
            for (int tuned : new int[] {2, bundled == BundledEncoders.MINILM ? 6 : 12}) {
                try (BertEncoder encoder = BertEncoder.load(bundled.id, bundled.model(),
                        BertEncoder.Options.of(bundled.pooling, tuned), null);
                     OnnxEncoderSession onnx = new OnnxEncoderSession(bundled.model(), Map.of(), threads())) {
                    for (int batch : new int[] {16, 32}) {
                        for (int tokens : new int[] {32, 64}) {
                            TokenBatch input = synthetic(batch, tokens, encoder.config().vocabulary());
                            double[][] times = stepTimes(encoder, input);
                            long start = System.nanoTime();
                            for (int i = 0; i < 3; i++) {
                                encoder.embed(input);
                            }
                            double forward = (System.nanoTime() - start) / 3e6;
                            start = System.nanoTime();
                            for (int i = 0; i < 3; i++) {
                                onnx.hiddenStates(input);
                            }
                            double ort = (System.nanoTime() - start) / 3e6;
                            System.out.printf("%s | %d/%d | %d | %d | %.0f | %.0f | %.0f | %.0f | %d%n", bundled.id, tuned,
                                    encoder.config().layers(), batch, tokens, median(times[0]), median(times[1]), forward,
                                    ort, peakRssMb());
                        }
                    }
                }
            }
        }
        System.out.printf("load after=%s%n", load());
    }

    static int threads() {
        return Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "1"));
    }

    /** Wall and calling-thread CPU milliseconds of each timed step. */
    static double[][] stepTimes(BertEncoder encoder, TokenBatch input) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(2e-5f)).build())
                .optDevices(new Device[] {Device.cpu()});
        double[][] times = new double[2][STEPS];
        try (Trainer trainer = encoder.model().newTrainer(config)) {
            trainer.initialize(BertEncoder.inputShapes());
            for (int step = -WARMUP; step < STEPS; step++) {
                long start = System.nanoTime();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                try (NDManager batch = trainer.getManager().newSubManager()) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray vectors = trainer.forward(input.toNDList(batch)).get(0);
                        // in-batch contrastive loss (each row against the next), as a fine-tune would use
                        NDArray scores = vectors.matMul(vectors.transpose()).mul(20f);
                        NDArray loss = scores.logSoftmax(1).get("0, 1").neg();
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                if (step >= 0) {
                    times[0][step] = (System.nanoTime() - start) / 1e6;
                    times[1][step] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                }
            }
        }
        return times;
    }

    static TokenBatch synthetic(int rows, int length, int vocabulary) {
        Random random = new Random(11);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < length; t++) {
                ids[r * length + t] = t == 0 ? 101 : t == length - 1 ? 102 : 1000 + random.nextInt(vocabulary - 1000);
                mask[r * length + t] = 1;
            }
        }
        return new TokenBatch(ids, mask, new long[rows * length], rows, length);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static long peakRssMb() {
        Long mb = PeakMemory.residentMegabytes();
        return mb == null ? -1 : mb;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
