package dev.loopwise.model.transformer.crossencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.loopwise.alignment.reward.RewardEvaluation;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.training.TrainingCancelledException;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.transformer.BundledEncoders;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.SyntheticTasks;
import dev.loopwise.model.transformer.TokenBatch;
import dev.loopwise.model.transformer.TokenizedTexts;
import dev.loopwise.model.transformer.bert.BertConfig;
import dev.loopwise.model.transformer.bert.BertEncoder;
import dev.loopwise.model.transformer.tuning.CrossEncoderRewardConfig;
import dev.loopwise.model.transformer.tuning.FineTuneBudget;
import dev.loopwise.model.transformer.tuning.FineTunePlan;
import dev.loopwise.model.transformer.tuning.TuningThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-encoder reward model on preferences frozen sentence vectors cannot read: which reply is right
 * depends on who did what to whom in the ticket ({@link SyntheticTasks}: "the customer emailed the courier" vs
 * "the courier emailed the customer" hold the same words). The product's vector reward model, trained on the
 * same judgements, stays near chance on held-out tickets; the cross-encoder's loss falls and its accuracy rises
 * clearly above. Held-out tickets come from the other half of the noun × verb grid, so neither can memorise.
 */
class CrossEncoderRewardTest {
    static final BundledEncoders BUNDLED = BundledEncoders.MINILM;
    /** Replies for a customer who acted, and for one something was done to. */
    static final List<String> ACTED = List.of("thanks for letting us know what you did", "good to hear you took care of it");
    static final List<String> RECEIVED = List.of("we are sorry that happened to you", "sorry, that should not have been done to you");
    static EncoderSource source;
    static RewardPairs train;
    static RewardPairs validation;
    static RewardPairs test;

    @BeforeAll
    static void data() {
        source = new EncoderSource(BUNDLED.id, BUNDLED.model(), BUNDLED.tokenizer(), BUNDLED.pooling);
        train = pairs(SyntheticTasks.whoDidWhat(60, 1, true));
        validation = pairs(SyntheticTasks.whoDidWhat(20, 2, false));
        test = pairs(SyntheticTasks.whoDidWhat(50, 3, false));
    }

    /** One judgement per ticket: the fitting reply preferred; which reply comes first alternates. */
    static RewardPairs pairs(SyntheticTasks.Rows rows) {
        List<String> tickets = new ArrayList<>();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < rows.texts().size(); i++) {
            boolean acts = rows.labels().get(i).equals(SyntheticTasks.ACTS);
            String good = (acts ? ACTED : RECEIVED).get(i / 2 % 2);
            String bad = (acts ? RECEIVED : ACTED).get(i / 2 % 2);
            tickets.add(rows.texts().get(i));
            first.add(good);
            second.add(bad);
        }
        int n = tickets.size();
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        return new RewardPairs(tickets, first, second, new int[n], new float[n], ones);
    }

    static CrossEncoderRewardConfig config() {
        return CrossEncoderRewardConfig.defaults(7).withTrainableLayers(2).withMaxTokens(32).withEpochs(6, 8)
                .withLearningRates(3e-4, 3e-3).withTimeBudget(Duration.ofMinutes(5));
    }

    @Test
    void crossEncoderReadsWhatVectorsCannot() {
        double vector = vectorAccuracy();
        CrossEncoderRewardTrainer.Result result = CrossEncoderRewardTrainer.train(source, config(),
                new CrossEncoderRewardTrainer.Data(train, validation), TrainingMonitor.none());
        double firstLoss = result.history().get(0).get("train/loss");
        double lastLoss = result.history().get(result.history().size() - 1).get("train/loss");
        assertTrue(lastLoss < 0.7 * firstLoss, "training loss falls: " + firstLoss + " → " + lastLoss);
        double cross;
        try (CrossEncoderReward.Scorer scorer = result.model().open(source)) {
            double[] a = scorer.score(test.tickets(), test.first());
            double[] b = scorer.score(test.tickets(), test.second());
            cross = RewardMetrics.accuracy(a, b, test.kinds());
            // The scorer (tuned layers laid over the base in a fresh encoder) computes the rewards the trainer chose by.
            double[] va = scorer.score(validation.tickets(), validation.first());
            double[] vb = scorer.score(validation.tickets(), validation.second());
            assertEquals(result.metrics().get("eval/loss"), RewardMetrics.loss(va, vb, validation), 1e-3);
        }
        System.out.printf("held-out pairwise accuracy: vector %.3f, cross-encoder %.3f (%s)%n", vector, cross, result.metrics());
        assertTrue(vector < 0.7, "the frozen-vector model is near chance here: " + vector);
        assertTrue(cross >= 0.8 && cross > vector + 0.15, "cross-encoder " + cross + " vs vector " + vector);
        assertEquals(2, result.plan().trainableLayers());
        assertTrue(Double.isFinite(result.metrics().get("eval/accuracy")));
    }

    @Test
    void cancelledRunThrowsAndClosesCleanly() {
        // The cancel is asked for at the first report of training; counted in reports rather than seconds, so that a
        // loaded machine cannot fail it. The flag is read before every batch, and one report (an epoch's end) may
        // already be on its way: any more means training went on, and the run is stopped here instead of running 50 epochs.
        AtomicInteger afterCancel = new AtomicInteger(-1);
        TrainingMonitor monitor = TrainingMonitor.of(report -> {
            if (report.stage().equals("reward") && afterCancel.incrementAndGet() > 1) {
                throw new AssertionError("still training " + afterCancel.get() + " reports after the cancel: " + report);
            }
        }, () -> afterCancel.get() >= 0);
        TrainingCancelledException cancelled = assertThrows(TrainingCancelledException.class, () ->
                CrossEncoderRewardTrainer.train(source, config().withEpochs(50, 8), new CrossEncoderRewardTrainer.Data(train,
                        validation), monitor));
        assertTrue(cancelled.getMessage().contains("reward"), cancelled.getMessage());
        assertTrue(afterCancel.get() >= 0, "training reported progress before it was cancelled");
        // Its native objects were closed: the next run (validation carved from the training judgements) completes.
        CrossEncoderRewardTrainer.Result again = CrossEncoderRewardTrainer.train(source, config().withTrainableLayers(1)
                .withEpochs(1, 8), new CrossEncoderRewardTrainer.Data(train, train.select(new int[0])), TrainingMonitor.none());
        assertEquals("COMPLETED", again.stop());
        assertEquals(1, again.epochs());
    }

    @Test
    void pairInputsKeepTicketReplyAndTheReplysEnd() {
        long[] tokens = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertArrayEquals(new long[] {1, 2, 3, 4, 9, 10}, PairTokens.headAndTail(tokens, 6));
        String reply = "word ".repeat(100) + "— The support team";
        TokenizedTexts texts = PairTokens.tokenize(BUNDLED.tokenizer(), 32, List.of("where is my parcel"), List.of(reply));
        assertEquals(32, texts.length(0));
        TokenBatch batch = texts.batch(new int[] {0});
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(BUNDLED.tokenizer(), 512)) {
            long[] whole = tokenizer.encode("where is my parcel", "word word " + "— The support team").getIds();
            // [CLS] ticket [SEP] as the tokenizer's pair template gives it, the reply's last tokens before the final [SEP].
            assertArrayEquals(Arrays.copyOf(whole, 6), Arrays.copyOf(batch.ids(), 6));
            int tail = whole.length - 8;
            assertArrayEquals(Arrays.copyOfRange(whole, 8, whole.length),
                    Arrays.copyOfRange(batch.ids(), 32 - tail, 32));
        }
        assertEquals(0, batch.types()[5]);
        assertEquals(1, batch.types()[6]);
        assertEquals(1, batch.types()[31]);
    }

    @Test
    void planFitsTheBudgetOrTrainsWhatItCanWithoutTheCache() {
        int threadsBefore = TuningThreads.configured();
        TuningThreads.configure(1); // the plans below are one thread's; more threads plan deeper
        try {
            plansOnOneThread();
        } finally {
            TuningThreads.configure(threadsBefore);
        }
    }

    private static void plansOnOneThread() {
        BertConfig minilm = BertEncoder.readConfig(BUNDLED.model(), OptionalInt.empty());
        CrossEncoderRewardConfig defaults = CrossEncoderRewardConfig.defaults(1);
        assertEquals(120.0, FineTuneBudget.defaultRewardBudget(2000).toMillis() / 1000.0, 1e-9);
        // 200 short judgements (2 × 24 tokens each): deep tuning with the cache, several epochs, within the budget.
        FineTunePlan small = FineTuneBudget.reward(defaults, minilm, 200, 200 * 48, 60 * 24, 460 * 24, 460 * 24 * 384 * 4L);
        assertTrue(small.trainableLayers() >= 2 && small.epochs() >= 3 && small.cacheLowerLayers(), small.toString());
        assertTrue(small.estimatedSeconds() <= small.budgetSeconds(), small.toString());
        // 2,000 judgements of 96-token inputs: not one epoch fits, so no up-front cache; one layer, one (cut) epoch.
        FineTunePlan large = FineTuneBudget.reward(defaults, minilm, 2000, 2000 * 192, 600 * 96, 4600 * 96, 4600 * 96 * 384 * 4L);
        assertEquals(new FineTunePlan(1, 1, false, large.estimatedSeconds(), 120), large);
        assertTrue(large.estimatedSeconds() > 120, large.toString());
    }

    /** The product's vector reward model (frozen MiniLM vectors + slot signals, pair scorer) on the same judgements. */
    static double vectorAccuracy() {
        try (HuggingFaceTokenizer tokenizer = TokenBatch.tokenizer(BUNDLED.tokenizer(), 64);
             BertEncoder frozen = BertEncoder.load(BUNDLED.id, BUNDLED.model(), BertEncoder.Options.of(BUNDLED.pooling, 0), null)) {
            RewardPairs all = concat(train, validation);
            RewardTrainer.Result result = RewardTrainer.train(RewardTrainer.Config.defaults(7), features(frozen, tokenizer, all));
            return RewardEvaluation.of(result.model(), features(frozen, tokenizer, test)).accuracy();
        }
    }

    static RewardTrainer.Data features(BertEncoder encoder, HuggingFaceTokenizer tokenizer, RewardPairs pairs) {
        float[][] x = encoder.embed(TokenBatch.encode(tokenizer, pairs.tickets()));
        float[][] a = encoder.embed(TokenBatch.encode(tokenizer, pairs.first()));
        float[][] b = encoder.embed(TokenBatch.encode(tokenizer, pairs.second()));
        int n = pairs.size();
        for (int i = 0; i < n; i++) {
            x[i] = PolicyFeatures.ticket(x[i], pairs.tickets().get(i));
            a[i] = PolicyFeatures.reply(a[i], pairs.first().get(i));
            b[i] = PolicyFeatures.reply(b[i], pairs.second().get(i));
        }
        float[] kinds = new float[n];
        float[] weights = pairs.weights();
        return new RewardTrainer.Data(x, a, b, kinds, pairs.margins(), weights);
    }

    static RewardPairs concat(RewardPairs p, RewardPairs q) {
        List<String> t = new ArrayList<>(p.tickets());
        t.addAll(q.tickets());
        List<String> a = new ArrayList<>(p.first());
        a.addAll(q.first());
        List<String> b = new ArrayList<>(p.second());
        b.addAll(q.second());
        int[] k = IntStream.concat(Arrays.stream(p.kinds()), Arrays.stream(q.kinds())).toArray();
        float[] m = new float[k.length];
        float[] w = new float[k.length];
        Arrays.fill(w, 1f);
        return new RewardPairs(t, a, b, k, m, w);
    }
}
