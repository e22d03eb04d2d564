package dev.loopwise.review.history;

import dev.loopwise.review.JudgementView;
import dev.loopwise.review.item.Judgement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of a reviewer's own judgements with what they judged: the ticket and the two replies in the order they were shown,
 * masked as the judging page showed them, so that looking back never tells which side was the item's first reply.
 */
@Schema(name = "PastJudgement", description = "One of the caller's judgements, with the ticket and the replies as they were shown")
public record PastJudgement(
        @Schema(description = "The judgement's id; the next page is asked for with before set to the last one shown") long judgementId,
        @Schema(description = "The item judged") long itemId,
        @Schema(description = "When it was stored") OffsetDateTime judgedAt,
        @Schema(description = "The customer's ticket, masked as on the judging page") String ticket,
        @Schema(description = "The reply shown as A, masked as on the judging page") String replyA,
        @Schema(description = "The reply shown as B, masked as on the judging page") String replyB,
        @Schema(description = "A, B, tie, both_bad, out_of_scope or skip, as the reviewer chose", enumeration = {"A", "B", "tie",
                "both_bad", "out_of_scope", "skip"}) String choice,
        @Schema(description = "The stars given to A and B, such as {\"A\": 4, \"B\": 2}; a side not rated is left out")
        Map<String, Integer> ratings,
        @Schema(description = "The better reply the reviewer wrote; null when none") String rewrite,
        @Schema(description = "Why the item was skipped; null unless skipped") String reason) {

    /** {@code reply1} and {@code reply2} in the item's own order; A and B come out as the reviewer saw them. */
    static PastJudgement of(Judgement judgement, String ticket, String reply1, String reply2, UnaryOperator<String> mask) {
        JudgementView view = JudgementView.of(judgement);
        String a = judgement.swapped ? reply2 : reply1;
        String b = judgement.swapped ? reply1 : reply2;
        return new PastJudgement(view.judgementId(), view.itemId(), view.judgedAt(), mask.apply(ticket), mask.apply(a), mask.apply(b),
                view.choice(), view.ratings(), view.rewrite(), view.reason());
    }
}
