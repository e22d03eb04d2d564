package dev.loopwise.model.intent;

import java.util.List;
import java.util.Locale;

/**
 * The ways Loopwise can fit the intent classifier, as a support lead and the command line name them:
 * {@code zero-shot} (intent descriptions only), {@code prototypes} (the mean of each intent's examples),
 * {@code linear} (a softmax head trained on the frozen encoder's vectors), {@code finetune} (the encoder's own
 * top layers trained with the head), and {@code auto}, which picks by data size and time budget.
 */
public final class IntentRegime {
    public static final String AUTO = "auto";
    public static final String ZERO_SHOT = "zero-shot";
    public static final String PROTOTYPES = "prototypes";
    public static final String LINEAR = "linear";
    public static final String FINETUNE = "finetune";
    public static final List<String> CHOICES = List.of(AUTO, ZERO_SHOT, PROTOTYPES, LINEAR, FINETUNE);
    /**
     * Examples of every intent from which {@code auto} fine-tunes, where it is allowed to (it is not by default:
     * measured in BENCHMARKS.md, fine-tuning bge-small-en-v1.5 gained on full CLINC150 but lost on full Bitext, and
     * contrastive tuning with 5 or 10 examples per intent did not beat the frozen encoder's linear head).
     */
    public static final int MIN_FINE_TUNE_EXAMPLES = 50;

    private IntentRegime() {
    }

    /** The canonical name of {@code value}; the names heads are stored under (zero_shot, few_shot, trained) are accepted too. */
    public static String parse(String value) {
        String v = value == null ? AUTO : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case AUTO -> AUTO;
            case ZERO_SHOT, IntentHead.ZERO_SHOT -> ZERO_SHOT;
            case PROTOTYPES, IntentHead.FEW_SHOT, "few-shot" -> PROTOTYPES;
            case LINEAR, IntentHead.TRAINED -> LINEAR;
            case FINETUNE, "fine-tune" -> FINETUNE;
            default -> throw new IllegalArgumentException("regime must be one of " + String.join(", ", CHOICES) + ", not '" + value + "'");
        };
    }

    /**
     * A stored version's regime under the name the Train button and {@code eval-intents} use: versions keep their head's
     * name (zero_shot, few_shot, trained), which no one can ask for by that name. A name neither knows stays as stored.
     */
    public static String named(String stored) {
        try {
            return stored == null ? null : parse(stored);
        } catch (IllegalArgumentException unknown) {
            return stored;
        }
    }

    /** The {@link IntentTrainer} regime of a regime on frozen vectors ({@code auto} stays auto). */
    static String headRegime(String regime) {
        return switch (parse(regime)) {
            case ZERO_SHOT -> IntentHead.ZERO_SHOT;
            case PROTOTYPES -> IntentHead.FEW_SHOT;
            case LINEAR -> IntentHead.TRAINED;
            case FINETUNE -> throw new IllegalArgumentException("finetune changes the encoder; it is not a regime on frozen vectors");
            default -> IntentTrainingConfig.AUTO;
        };
    }

    /**
     * What {@code auto} does: nothing labelled → zero-shot; fine-tuning allowed (a time budget is set and the
     * encoder can be tuned) and at least {@code minFineTuneExamples} examples of every intent → finetune;
     * else a linear head when the typical (median) intent has {@code minTrainedExamples}, prototypes below that.
     * The median, not the fewest: one new intent with three examples used to turn the whole model to prototypes,
     * which answered 82% of held-out tickets right where the linear head on the same data answered 89%.
     */
    public static String choose(int trainingTexts, int fewestPerIntent, int medianPerIntent, boolean fineTuneAllowed,
                                int minTrainedExamples, int minFineTuneExamples) {
        if (trainingTexts == 0) {
            return ZERO_SHOT;
        }
        if (fineTuneAllowed && fewestPerIntent >= Math.max(2, minFineTuneExamples)) {
            return FINETUNE;
        }
        return medianPerIntent >= minTrainedExamples ? LINEAR : PROTOTYPES;
    }

    /** The median of examples per intent (the lower middle for an even count); 0 without intents. */
    public static int median(java.util.List<Integer> perIntent) {
        if (perIntent.isEmpty()) {
            return 0;
        }
        java.util.List<Integer> sorted = perIntent.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
