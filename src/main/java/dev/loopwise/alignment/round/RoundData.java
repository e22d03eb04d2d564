package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import java.util.List;
import java.util.Set;

/**
 * Everything a round reads, captured once: the active bundle, the reference policy π_ref, the human
 * comparisons, the tickets the policy is distilled on, the reply library, the held-out labelled
 * tickets on which intent accuracy is checked, the reward model training may continue from (null: afresh), and
 * those labelled tickets, and the held-out judgements' tickets, that reward model learned look-alikes of in earlier rounds
 * (their words, case and spacing aside; {@link WarmLessons}), each as {@link dev.loopwise.ticket.HeldOutRows#key} gives it.
 */
public record RoundData(ModelBundle active, ReplyPolicy reference, List<PreferencePair> pairs, List<String> tickets,
                        List<WorkspaceSnapshot.ReplyInfo> replies, List<WorkspaceSnapshot.TicketInfo> intentTest,
                        ReplyPolicy warmReward, Set<String> warmTaught, Set<String> warmTaughtTexts) {

    public RoundData {
        warmTaught = warmTaught == null ? Set.of() : Set.copyOf(warmTaught);
        warmTaughtTexts = warmTaughtTexts == null ? Set.of() : Set.copyOf(warmTaughtTexts);
    }

    /** Data whose reward model is trained afresh. */
    public RoundData(ModelBundle active, ReplyPolicy reference, List<PreferencePair> pairs, List<String> tickets,
                     List<WorkspaceSnapshot.ReplyInfo> replies, List<WorkspaceSnapshot.TicketInfo> intentTest) {
        this(active, reference, pairs, tickets, replies, intentTest, null, Set.of(), Set.of());
    }
}
