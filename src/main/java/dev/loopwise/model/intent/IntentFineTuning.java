package dev.loopwise.model.intent;


import dev.loopwise.model.transformer.tuning.ClassifierFineTuneConfig;
import dev.loopwise.model.transformer.tuning.ClassifierFineTuner;
import dev.loopwise.model.transformer.tuning.ContrastiveFineTuneConfig;
import dev.loopwise.model.transformer.tuning.ContrastiveFineTuner;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.tuning.FineTuneData;
import dev.loopwise.model.transformer.tuning.FineTuneResult;
import dev.loopwise.model.training.TrainingMonitor;
import dev.loopwise.model.training.TrainingProgress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The {@code finetune} regime for the product and the command line: with enough examples of every intent,
 * end-to-end cross-entropy ({@link ClassifierFineTuner}); with fewer, SetFit-style contrastive tuning on pairs
 * of examples, then the head ({@link ContrastiveFineTuner}). Both plan their depth and epochs to fit the time
 * budget, report progress and stop when cancelled.
 *
 * @see IntentRegime
 */
public final class IntentFineTuning {
    /**
     * @param minTrainedExamples fewest examples per intent for end-to-end tuning; fewer: contrastive
     * @param retention          the threshold rule without out-of-scope examples (see {@link IntentTrainingConfig})
     * @param outOfScopeWeight   the threshold rule with them
     * @param budget             stop after this long; null: by data size (about 3 min per 1,000 tickets on 2 cores)
     */
    public record Settings(int minTrainedExamples, double retention, double outOfScopeWeight, Duration budget, long seed) {
        public Settings {
            if (minTrainedExamples < 2) {
                throw new IllegalArgumentException("minTrainedExamples must be at least 2");
            }
            if (budget != null && (budget.isZero() || budget.isNegative())) {
                throw new IllegalArgumentException("the fine-tuning time budget must be positive");
            }
        }
    }

    private IntentFineTuning() {
    }

    /** @param progress told what the run does and how far it is, in [0, 1] */
    public static FineTuneResult run(EncoderSource encoder, FineTuneData data, Settings settings, BiConsumer<String, Double> progress,
                                     BooleanSupplier cancelled) {
        if (data.fewestPerLabel() < 2) {
            throw new IllegalArgumentException("Fine-tuning needs at least 2 examples of every intent; the fewest has "
                    + data.fewestPerLabel() + ". Label more tickets, or train with \"few examples\" under How to learn.");
        }
        TrainingMonitor monitor = TrainingMonitor.of(p -> progress.accept(describe(p), overall(p)), cancelled);
        if (data.fewestPerLabel() >= settings.minTrainedExamples()) {
            return ClassifierFineTuner.train(encoder, ClassifierFineTuneConfig.defaults(settings.seed())
                    .withTimeBudget(settings.budget()).withThresholdRule(settings.retention(), settings.outOfScopeWeight()), data, monitor);
        }
        return ContrastiveFineTuner.train(encoder, ContrastiveFineTuneConfig.defaults(settings.seed())
                .withTimeBudget(settings.budget()).withThresholdRule(settings.retention(), settings.outOfScopeWeight()), data, monitor);
    }

    /** What a version records of its fine-tune, named like TRL's logs. */
    public static Map<String, Object> metrics(FineTuneResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finetune/method", result.regime().equals(FineTuneResult.FINETUNE) ? "cross_entropy" : "contrastive");
        m.put("finetune/trainable_layers", result.plan().trainableLayers());
        m.put("finetune/epochs", result.epochs());
        m.put("finetune/best_epoch", result.bestEpoch());
        m.put("finetune/stop", result.stop());
        m.put("finetune/budget_s", result.plan().budgetSeconds());
        Double refitted = result.metrics().get("refit/kept");
        if (refitted != null) {
            m.put("finetune/head_refitted", refitted > 0);
        }
        Double seen = result.metrics().get("eval/seen_rows");
        if (seen != null) {
            m.put("finetune/held_out_seen_tickets", seen.intValue());
        }
        Double seconds = result.metrics().get("time/total_s");
        if (seconds != null) {
            m.put("finetune/seconds", seconds);
        }
        return m;
    }

    private static String describe(TrainingProgress p) {
        String stage = switch (p.stage()) {
            case "plan" -> "Planning how much to adjust in the time allowed";
            case "tokenize" -> "Reading the tickets";
            case "cache" -> "Reading every ticket once through the reading model";
            case "probe" -> "A quick first pass: learning your intents with the reading model as it is";
            case "finetune", "contrastive" -> "Adjusting the reading model to your tickets";
            case "head", "refit" -> "Learning your intents on the adjusted reading model";
            default -> "Choosing when a ticket goes to a person instead";
        };
        // The first pass counts its many short steps; only the tuning's passes over the tickets are worth a number.
        boolean countPasses = p.stage().equals("finetune") || p.stage().equals("contrastive") || p.stage().equals("head");
        return countPasses && p.epochs() > 0 && p.epoch() > 0 ? stage + ": pass " + p.epoch() + " of " + p.epochs() : stage;
    }

    /** The tuning stages take most of a run; the rest are short. */
    private static double overall(TrainingProgress p) {
        double within = p.epochs() > 0 && p.epoch() > 0 ? ((p.epoch() - 1) + p.fraction()) / p.epochs() : p.fraction();
        return switch (p.stage()) {
            case "plan", "tokenize" -> 0.0;
            // Measured on 310 tickets: the first pass took about a third of the run, the tuning most of the rest.
            case "cache" -> 0.05 * within;
            case "probe" -> 0.05 + 0.25 * within;
            case "finetune", "contrastive" -> 0.3 + 0.6 * within;
            default -> 0.9 + 0.1 * within;
        };
    }
}
