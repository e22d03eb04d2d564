package dev.loopwise.alignment;

import dev.loopwise.common.config.DecimalRange;
import dev.loopwise.common.config.OneOf;
import dev.loopwise.common.config.PositiveDuration;
import dev.loopwise.common.config.SettingRange;
import dev.loopwise.common.config.Share;
import dev.loopwise.common.config.Switch;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Defaults of alignment rounds ({@code LOOPWISE_ALIGNMENT_BETA}, ...); a round's request may override most. */
@ConfigMapping(prefix = "loopwise.alignment")
public interface AlignmentConfig {
    /** reward_weighted or dpo. */
    @WithDefault("reward_weighted")
    @WithConverter(Method.class)
    String method();

    /** KL strength: π* ∝ π_ref·exp(r/β). Smaller follows the reward more. */
    @WithDefault("0.5")
    @WithConverter(DecimalRange.AboveZero.class)
    double beta();

    /** Seed of every random choice in a round (held-out split, sampling, training), so the same data gives the same round. */
    @WithDefault("42")
    long seed();

    /** Passes over the judgements when training the vector reward model. */
    @WithDefault("30")
    @WithConverter(SettingRange.Count.class)
    int rewardEpochs();

    /** Hidden units of the vector reward model's pair scorer. */
    @WithDefault("32")
    @WithConverter(SettingRange.Count.class)
    int rewardHidden();

    /**
     * Epochs of the policy update that trains the candidate's policy (reward-weighted distillation over the tickets, or
     * DPO over the judged pairs).
     */
    @WithDefault("8")
    @WithConverter(SettingRange.Count.class)
    int policyEpochs();

    /**
     * Which reward model a round trains: auto (the cross-encoder, which reads ticket and reply together, from 200
     * judgements on, kept only where it is clearly more accurate than the vector model), vector or cross.
     */
    @WithDefault("auto")
    @WithConverter(RewardModel.class)
    String rewardModel();

    /** How long tuning the cross-encoder may take; unset: by the number of judgements (about 2 minutes for 2,000). */
    Optional<@WithConverter(PositiveDuration.class) Duration> crossEncoderBudget();

    /**
     * Older judgements a round replays beside the ones new since its base version's round, sampled from the
     * database so that a round's cost follows what it trains on, not the length of the history. A round
     * request may ask for another number ({@code replaySample}).
     */
    @WithDefault("5000")
    @WithConverter(SettingRange.CountOrZero.class)
    int replaySample();

    /**
     * Most new judgements one round reads (the newest ones); older new ones count as history and may be
     * replayed. Keeps the first round on a long history within memory.
     */
    @WithDefault("20000")
    @WithConverter(SettingRange.Count.class)
    int maxNewJudgements();

    /**
     * Tickets the reward-weighted update distils the policy on, besides the judged ones: the newest served
     * requests and a fixed, text-hashed sample of the workspace's tickets, half each when both have enough.
     */
    @WithDefault("10000")
    @WithConverter(SettingRange.CountOrZero.class)
    int policyTickets();

    /** Share of judged tickets kept aside to measure the reward model and compare the versions. */
    @WithDefault("0.2")
    @WithConverter(Share.HeldOut.class)
    double heldOutShare();

    /** Gate: held-out reward-model accuracy floor. */
    @WithDefault("0.55")
    @WithConverter(Share.Any.class)
    double minRewardAccuracy();

    /**
     * Gate: largest allowed drop in the share of held-out labelled tickets whose first reply fits the ticket's intent
     * (the non-inferiority margin). A round does not retrain the intent head, so intent accuracy itself cannot change.
     */
    @WithDefault("0.02")
    @WithConverter(Share.Any.class)
    double maxIntentDrop();

    /** Gate: bound on the mean KL(π‖π_ref). */
    @WithDefault("2.0")
    @WithConverter(DecimalRange.ZeroOrMore.class)
    double maxKl();

    /** Promote a candidate whose gates all pass (otherwise it waits for an admin). */
    @WithDefault("true")
    @WithConverter(Switch.class)
    boolean autoPromote();

    /**
     * A running round whose instance has not refreshed its heartbeat for this long is failed by any instance: its
     * process died. Instances refresh it every 10 seconds, so keep it well above that.
     */
    @WithDefault("2m")
    @WithConverter(PositiveDuration.class)
    Duration heartbeatStaleness();

    /**
     * The system message of conversational preference exports (formats trl-chat and kto-chat), before the ticket's
     * knowledge-base passages: what the team's own LLM is told when it is trained on the rows.
     */
    @WithDefault("You are the customer-support assistant of our team. Answer the customer's ticket in the team's voice. "
            + "When the knowledge-base passages below answer the question, follow them; never invent a policy, a price or a date.")
    String exportInstructions();

    /** Knowledge-base passages at most in each conversational export row's system message. */
    @WithDefault("3")
    @WithConverter(SettingRange.CountOrZero.class)
    int exportPassages();

    /** The words {@link #method()} takes (a round's own request is checked by its settings). */
    final class Method extends OneOf {
        public Method() {
            super("reward_weighted", "dpo");
        }
    }

    /** The words {@link #rewardModel()} takes. */
    final class RewardModel extends OneOf {
        public RewardModel() {
            super("auto", "vector", "cross");
        }
    }
}
