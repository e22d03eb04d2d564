package dev.loopwise.alignment.round;

import dev.loopwise.alignment.policy.PolicyUpdate;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.Vectors;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.HeldOutRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A round's reply-intent check: on held-out labelled tickets the round learned nothing about, does the candidate's first
 * reply belong to the ticket's intent as often as the active version's?
 */
final class ReplyIntentCheck {
    private ReplyIntentCheck() {
    }

    /**
     * The check's figures: {@code paired} over all the tickets, candidate first, and {@code perIntent}, each intent's share of
     * them as the round stores it under {@link #PER_INTENT} — one share over all intents hides the intent whose customers now
     * get a reply about something else.
     */
    record Measured(GateStatistics.Paired paired, List<Map<String, Object>> perIntent) {
    }

    /** Per intent: {@code intent}, its held-out {@code tickets}, those the {@code candidate}'s and the {@code active} version's first reply fits. */
    static final String PER_INTENT = "eval/reply_intent_per_intent";

    /**
     * On held-out labelled tickets whose intent has replies: does each version's first reply belong to
     * the ticket's intent?
     */
    static Measured measure(RoundFeatures features, RoundData data, List<WorkspaceSnapshot.TicketInfo> intentTest,
                                         ReplyPolicy candidate) {
        List<String> replyIntents = data.replies().stream().map(r -> r.intent()).toList();
        List<WorkspaceSnapshot.TicketInfo> answerable = intentTest.stream()
                .filter(ticket -> replyIntents.contains(ticket.intent())).toList();
        PolicyUpdate.Tickets tickets = features.tickets(answerable.stream().map(WorkspaceSnapshot.TicketInfo::text).toList());
        float[][] replies = features.replies();
        float[][] candidateLogits = PolicyUpdate.logits(candidate, tickets, replies);
        float[][] activeLogits = PolicyUpdate.logits(data.active().policy(), tickets, replies);
        boolean[] candidateFits = new boolean[answerable.size()];
        boolean[] activeFits = new boolean[answerable.size()];
        for (int i = 0; i < answerable.size(); i++) {
            String intent = answerable.get(i).intent();
            candidateFits[i] = replyIntents.get(Vectors.argmax(candidateLogits[i])).equals(intent);
            activeFits[i] = replyIntents.get(Vectors.argmax(activeLogits[i])).equals(intent);
        }
        return new Measured(GateStatistics.Paired.of(candidateFits, activeFits), perIntent(answerable, candidateFits, activeFits));
    }

    static List<Map<String, Object>> perIntent(List<WorkspaceSnapshot.TicketInfo> tickets, boolean[] candidateFits, boolean[] activeFits) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < tickets.size(); i++) {
            int[] c = counts.computeIfAbsent(tickets.get(i).intent(), k -> new int[3]);
            c[0]++;
            c[1] += candidateFits[i] ? 1 : 0;
            c[2] += activeFits[i] ? 1 : 0;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((intent, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("intent", intent);
            row.put("tickets", c[0]);
            row.put("candidate", c[1]);
            row.put("active", c[2]);
            out.add(row);
        });
        return out;
    }

    /** The labelled tickets a check may be measured on, and how many were left out as seen in training. */
    record Unseen(List<WorkspaceSnapshot.TicketInfo> tickets, int seen) {
    }

    /**
     * The held-out labelled tickets whose text no comparison the round trained on is about (by the ticket's hash, as
     * judgements are grouped, or by its words, case and spacing aside). A ticket reviewers judged replies to — imported
     * unlabelled and labelled later, or a served request in the same words — taught the candidate which reply suits it.
     *
     * @param earlier the tickets, as {@link HeldOutRows#key} gives them, that the reward model the round continued from learned
     *                look-alikes of in earlier rounds
     */
    static Unseen unseen(List<WorkspaceSnapshot.TicketInfo> intentTest, AlignmentEngine.Trained trained, Set<String> earlier) {
        List<WorkspaceSnapshot.TicketInfo> kept = intentTest.stream()
                .filter(t -> !trained.groups().contains(Hashing.sha256Hex(t.text())) && !trained.texts().contains(HeldOutRows.key(t.text()))
                        && !earlier.contains(HeldOutRows.key(t.text())))
                .toList();
        return new Unseen(kept, intentTest.size() - kept.size());
    }
}
