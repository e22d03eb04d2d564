package dev.loopwise.model.transformer.tuning;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Does caching the frozen layers pay? Thread-CPU seconds (one PyTorch thread, so independent of other load)
 * of building the cache, and of one training epoch (forward, backward, AdamW step on length-bucketed batches
 * of 32) with and without it, on the first N CLINC150 training texts.
 *
 * <pre>java -cp … dev.loopwise.model.transformer.tuning.CacheBenchmark MINILM|BGE_SMALL tunedLayers texts</pre>
 */
public final class CacheBenchmark {
    public static void main(String[] args) throws Exception {
        BundledEncoders bundled = BundledEncoders.valueOf(args[0]);
        int tuned = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        List<String> texts = CliFiles.tickets(Path.of("../shared/data/clinc150/clinc150_full.csv")).stream()
                .filter(r -> "train".equals(r.split())).map(TicketRow::text).limit(n).toList();
        var cpu = TrainingMonitor.threadCpuClock();
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(bundled.tokenizer(), 64);
             BertEncoder encoder = BertEncoder.load(bundled.id, bundled.model(),
                     new BertEncoder.Options(bundled.pooling, tuned, 64, 0.1f, OptionalInt.empty()), null)) {
            TokenizedTexts tokens = TokenizedTexts.of(tokenizer, texts);
            int[] rows = IntStream.range(0, texts.size()).toArray();
            long start = cpu.getAsLong();
            LowerLayerCache cache = LowerLayerCache.build(encoder, tokens, rows, 64, TrainingMonitor.none());
            double build = (cpu.getAsLong() - start) / 1e9;
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(1e-5f)).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = encoder.model().newTrainer(config)) {
                trainer.initialize(BertEncoder.inputShapes());
                double without = epoch(trainer, new EncoderFeed(encoder, tokens, null), tokens, rows);
                double with = epoch(trainer, new EncoderFeed(encoder, tokens, cache), tokens, rows);
                System.out.printf("%s | %d of %d layers tuned | %d texts, %.1f tokens on average | cache build %.1f s, %.0f MB "
                                + "| epoch without cache %.1f s | with cache %.1f s | saves %.0f%% an epoch, pays back after %.1f epochs%n",
                        bundled.id, tuned, encoder.config().layers(), n, (double) tokens.totalTokens(rows) / n, build,
                        cache.bytes() / 1e6, without, with, 100 * (1 - with / without), build / (without - with));
            }
        }
    }

    static double epoch(Trainer trainer, EncoderFeed feed, TokenizedTexts tokens, int[] rows) {
        var cpu = TrainingMonitor.threadCpuClock();
        long start = cpu.getAsLong();
        for (int[] batch : tokens.bucketedBatches(rows, 32, 50, new Random(1))) {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray pooled = feed.forward(manager, batch, true).get(0);
                    collector.backward(pooled.sum());
                }
                trainer.step();
            }
        }
        return (cpu.getAsLong() - start) / 1e9;
    }
}
