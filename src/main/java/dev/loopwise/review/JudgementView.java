package dev.loopwise.review;

import dev.loopwise.review.item.Judgement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One judgement as its reviewer gave it, read at the address its 201 named: A and B as the replies were shown to them,
 * not in the item's own order, which would tell a reviewer which side was swapped.
 */
@Schema(name = "Judgement", description = "A reviewer's judgement of an item, as they gave it")
public record JudgementView(
        @Schema(description = "The judgement's id") long judgementId,
        @Schema(description = "The item judged") long itemId,
        @Schema(description = "A, B, tie, both_bad, out_of_scope or skip, as the reviewer chose", enumeration = {"A", "B", "tie",
                "both_bad", "out_of_scope", "skip"}) String choice,
        @Schema(description = "The stars given to A and B, such as {\"A\": 4, \"B\": 2}; a side not rated is left out") Map<String, Integer> ratings,
        @Schema(description = "The better reply the reviewer wrote; null when none") String rewrite,
        @Schema(description = "Why the item was skipped; null unless skipped") String reason,
        @Schema(description = "Milliseconds spent on the item") Integer durationMs,
        @Schema(description = "When it was stored") OffsetDateTime judgedAt) {

    public static JudgementView of(Judgement judgement) {
        String choice = judgement.shownAs != null ? judgement.shownAs : shown(judgement.choice, judgement.swapped);
        Short a = judgement.swapped ? judgement.rating2 : judgement.rating1;
        Short b = judgement.swapped ? judgement.rating1 : judgement.rating2;
        Map<String, Integer> ratings = new LinkedHashMap<>();
        if (a != null) {
            ratings.put("A", a.intValue());
        }
        if (b != null) {
            ratings.put("B", b.intValue());
        }
        return new JudgementView(judgement.id, judgement.itemId, choice, ratings, judgement.rewrite, judgement.skipReason,
                judgement.durationMs, judgement.createdAt);
    }

    /**
     * A judgement stored without the side as shown (imported history, older rows) keeps the item's own reply 1 or 2:
     * read back through the reviewer's order, or "1" would tell them which side was swapped.
     */
    static String shown(String choice, boolean swapped) {
        return switch (choice) {
            case "1" -> swapped ? "B" : "A";
            case "2" -> swapped ? "A" : "B";
            default -> choice;
        };
    }
}
