package dev.loopwise.alignment;

import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.ModelBundle;
import dev.loopwise.model.registry.WorkspaceSnapshot;
import java.util.List;

/**
 * Everything a round reads, captured once: the active bundle, the reference policy π_ref, the human
 * comparisons, every known ticket (for distillation), the reply library, and the held-out labelled
 * tickets on which intent accuracy is checked.
 */
public record RoundData(ModelBundle active, ReplyPolicy reference, List<PreferencePair> pairs, List<String> tickets,
                        List<WorkspaceSnapshot.ReplyInfo> replies, List<WorkspaceSnapshot.TicketInfo> intentTest) {
}
