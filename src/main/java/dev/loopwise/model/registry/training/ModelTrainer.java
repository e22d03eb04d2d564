package dev.loopwise.model.registry.training;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.OutOfScopeThreshold;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.intent.IntentEvaluation;
import dev.loopwise.model.intent.IntentFineTuning;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.intent.IntentTrainer;
import dev.loopwise.model.intent.IntentTrainingConfig;
import dev.loopwise.model.intent.IntentTrainingData;
import dev.loopwise.model.intent.IntentTrainingResult;
import dev.loopwise.model.intent.LabelledVectors;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.transformer.tuning.FineTuneResult;
import dev.loopwise.ticket.Intent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains a complete model version from a workspace snapshot: the intent classifier (in the regime the
 * data allows) and the reply policy π_ref by supervised fine-tuning on agents' historical replies.
 * Metrics are computed on the held-out tickets only ({@code split = test}).
 */
public final class ModelTrainer {
    /** Label of workspace tickets that are examples of requests the desk does not handle. */
    public static final String OUT_OF_SCOPE_LABEL = Intent.OUT_OF_SCOPE;
    /** Labelled tickets a new intent should have before a version is trained to learn it (the pages ask for as many). */
    public static final int TICKETS_PER_NEW_INTENT = Intent.TICKETS_PER_NEW_INTENT;
    /** Fewer tickets of an intent on the training side than this, and its held-out ones are learned from too. */
    static final int MIN_TRAIN_PER_INTENT = 2;

    /**
     * @param regime         one of {@link IntentRegime#CHOICES}
     * @param fineTuneBudget how long a fine-tune may take; null: by data size
     * @param autoFineTune   whether {@code auto} may choose to fine-tune
     */
    public record Settings(String regime, long seed, int minTrainedExamples, double retention, double oosWeight,
                           int policyHidden, int policyEpochs, int minFineTuneExamples, Duration fineTuneBudget,
                           boolean autoFineTune) {
        public Settings {
            regime = IntentRegime.parse(regime);
        }

        /** Settings of a run on frozen vectors only. */
        public Settings(String regime, long seed, int minTrainedExamples, double retention, double oosWeight, int policyHidden,
                        int policyEpochs) {
            this(regime, seed, minTrainedExamples, retention, oosWeight, policyHidden, policyEpochs, IntentRegime.MIN_FINE_TUNE_EXAMPLES,
                    null, false);
        }

        boolean mayFineTune() {
            return autoFineTune && (fineTuneBudget == null || !fineTuneBudget.isZero());
        }
    }

    /** Told what training does, and asked between steps whether to stop. */
    public interface Listener {
        void step(String message, double progress);

        default boolean cancelled() {
            return false;
        }
    }

    private ModelTrainer() {
    }

    /** On frozen vectors only, from an embedding function (simulations, tests). */
    public static TrainedModel train(Settings settings, WorkspaceSnapshot workspace, Function<List<String>, float[][]> embed,
                                     String encoderId, Listener listener) {
        return train(settings, workspace, (encoder, texts) -> embed.apply(texts), new EncoderRef(encoderId, null), listener);
    }

    public static TrainedModel train(Settings settings, WorkspaceSnapshot workspace, TrainingEncoders encoders, EncoderRef base,
                                     Listener listener) {
        List<String> labels = workspace.intents().stream().map(WorkspaceSnapshot.IntentInfo::name).sorted().toList();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("The workspace has no intents yet: add intents or import labelled tickets first.");
        }
        List<WorkspaceSnapshot.TicketInfo> labelled = workspace.tickets().stream()
                .filter(t -> t.intent() != null && labels.contains(t.intent())).toList();
        WorkspaceSnapshot.Split split = WorkspaceSnapshot.split(labelled, MIN_TRAIN_PER_INTENT);
        List<WorkspaceSnapshot.TicketInfo> train = split.train();
        List<WorkspaceSnapshot.TicketInfo> test = split.test();

        String oos = labels.contains(OUT_OF_SCOPE_LABEL) ? OUT_OF_SCOPE_LABEL : null;
        String regime = settings.regime().equals(IntentRegime.AUTO)
                ? IntentRegime.choose(train.size(), WorkspaceFineTune.fewestPerIntent(train, labels, oos),
                        IntentRegime.median(WorkspaceFineTune.perIntent(train, labels, oos)), settings.mayFineTune() && encoders.source(base) != null,
                        settings.minTrainedExamples(), settings.minFineTuneExamples())
                : settings.regime();
        EncoderRef encoder = base;
        FineTuneResult tuned = null;
        if (regime.equals(IntentRegime.FINETUNE)) {
            tuned = WorkspaceFineTune.run(settings, train, labels, oos, encoders, base, listener);
            // The fine-tune took nine tenths of the run's time: what follows shares the last tenth, so that the
            // progress bar, and the time left the page works out from its pace, stay in step with the clock.
            Listener whole = listener;
            listener = new Listener() {
                @Override
                public void step(String message, double progress) {
                    whole.step(message, WorkspaceFineTune.SHARE + (1 - WorkspaceFineTune.SHARE) * progress);
                }

                @Override
                public boolean cancelled() {
                    return whole.cancelled();
                }
            };
            listener.step("Keeping the tuned encoder", 0);
            encoder = encoders.storeTuned(base, tuned.weights());
        }
        EncoderRef reader = encoder;
        Function<List<String>, float[][]> embed = texts -> encoders.embed(reader, texts);
        String encoderId = encoder.id();
        listener.step("Encoding tickets, replies and intent descriptions", tuned == null ? 0.05 : 0.1);
        EncodedWorkspace encoded = EncodedWorkspace.of(workspace, train, test, labels, embed);
        float[][] vectors = encoded.vectors();

        IntentHead intent;
        int oosHeldOut;
        int heldOutSeen = 0;
        if (tuned != null) {
            intent = IntentHead.of(tuned.head(), IntentHead.FINETUNE);
            oosHeldOut = tuned.metrics().getOrDefault("eval/oos_examples", 0.0).intValue();
        } else {
            listener.step("Training the intent classifier on " + train.size() + " tickets", 0.35);
            IntentTrainingConfig defaults = IntentTrainingConfig.defaults(settings.seed());
            IntentTrainingConfig intentConfig = new IntentTrainingConfig(regime, settings.minTrainedExamples(), defaults.maxEpochs(),
                    defaults.learningRate(), defaults.batchSize(), defaults.patience(), defaults.heldOutShare(),
                    defaults.outOfScopeAsClass(), settings.retention(), settings.oosWeight(), defaults.defaultThreshold(),
                    settings.seed());
            LabelledVectors trainVectors = new LabelledVectors(TextTable.pick(vectors, encoded.trainRows()),
                    train.stream().mapToInt(t -> labels.indexOf(t.intent())).toArray());
            IntentTrainingResult fitted = IntentTrainer.train(intentConfig, new IntentTrainingData(labels, trainVectors,
                    new LabelledVectors(new float[0][], new int[0]), TextTable.pick(vectors, encoded.descriptionRows()), oos,
                    train.stream().map(WorkspaceSnapshot.TicketInfo::text).toList()));
            intent = fitted.head();
            oosHeldOut = fitted.outOfScopeHeldOut();
            heldOutSeen = fitted.heldOutSeen();
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("intent/regime", intent.regime());
        if (tuned != null) {
            metrics.putAll(IntentFineTuning.metrics(tuned));
        }
        if (heldOutSeen > 0) {
            metrics.put(IntentTrainer.HELD_OUT_SEEN, heldOutSeen);
        }
        metrics.put("intent/threshold", intent.threshold());
        if (oos != null) {
            metrics.put("intent/threshold_oos_examples", oosHeldOut);
            metrics.put("data/oos_train_tickets", train.stream().filter(t -> oos.equals(t.intent())).count());
            metrics.put("data/oos_test_tickets", test.stream().filter(t -> oos.equals(t.intent())).count());
        }
        if (oos == null || !OutOfScopeThreshold.enoughToWeigh(oosHeldOut)) {
            metrics.put("intent/threshold_kept_share", settings.retention());
        }
        metrics.put("data/train_tickets", train.size());
        metrics.put("data/test_tickets", test.size());
        if (split.seen() > 0) {
            metrics.put("data/test_seen_tickets", split.seen());
        }
        if (!test.isEmpty()) {
            listener.step("Evaluating on " + test.size() + " tickets kept aside for measuring", 0.5);
            IntentEvaluation evaluation = IntentEvaluation.of(intent, TextTable.pick(vectors, encoded.testRows()),
                    test.stream().map(WorkspaceSnapshot.TicketInfo::intent).toList(), oos);
            metrics.put("intent/accuracy", evaluation.accuracy());
            metrics.put("intent/macro_f1", evaluation.macroF1());
            metrics.put("intent/in_scope_accuracy", evaluation.inScopeAccuracy());
            metrics.put("intent/top_intent_accuracy", evaluation.topIntentAccuracy());
            metrics.put("intent/handover_rate", evaluation.handoverRate());
            if (evaluation.outOfScopeRecall() != null) {
                metrics.put("intent/oos_recall", evaluation.outOfScopeRecall());
            }
            metrics.put("intent/confusions", evaluation.topConfusions());
            metrics.put("intent/per_intent", evaluation.perIntent().stream()
                    .map(share -> Map.of("intent", share.intent(), "tickets", share.rows(), "right", share.right())).toList());
        }

        ReplyPolicy policy = PolicySft.train(settings, workspace, intent, train, test, encoded, listener, metrics);
        listener.step("Saving the model", 0.95);
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("encoder", encoderId);
        lineage.put("baseEncoder", base.id());
        lineage.put("seed", settings.seed());
        lineage.put("settings", settings);
        lineage.put("intents", labels);
        lineage.put("trainTicketIds", train.stream().map(WorkspaceSnapshot.TicketInfo::id).toList());
        lineage.put("testTicketIds", test.stream().map(WorkspaceSnapshot.TicketInfo::id).toList());
        lineage.put("replyIds", workspace.replies().stream().map(WorkspaceSnapshot.ReplyInfo::id).toList());
        lineage.put("dataDigest", digest(train, workspace.replies()));
        return new TrainedModel(new ModelBundle(encoderId, intent, policy), metrics, lineage, encoder);
    }

    private static String digest(List<WorkspaceSnapshot.TicketInfo> train, List<WorkspaceSnapshot.ReplyInfo> replies) {
        StringBuilder all = new StringBuilder();
        train.forEach(t -> all.append(t.id()).append('|').append(t.intent()).append('|').append(t.text()).append('|')
                .append(t.response()).append('\n'));
        replies.forEach(r -> all.append(r.id()).append('|').append(r.intent()).append('|').append(r.text()).append('\n'));
        return Hashing.sha256Hex(all.toString());
    }
}
