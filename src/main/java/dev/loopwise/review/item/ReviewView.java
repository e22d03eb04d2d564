package dev.loopwise.review.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reviewer sees of an item: the ticket, the two replies in the order shown (A first), and, for an item with
 * LLM drafts, the knowledge-base passages the drafts were grounded on (left out when there are none).
 */
@Schema(name = "ReviewItem", description = "An item to judge: which of two replies answers the ticket better")
public record ReviewView(@Schema(description = "The item's id: send the judgement to POST /api/v1/review/{itemId}", example = "812") long itemId,
                         @Schema(description = "The customer's ticket, personal data masked") Ticket ticket,
                         @Schema(description = "The intent the active version predicted for it", example = "track_order") String predictedIntent,
                         @Schema(description = "The two replies in the order shown: the first is A, the second B") List<Candidate> candidates,
                         @Schema(description = "Until when the item is held for the caller; after it, it may go to another reviewer")
                         OffsetDateTime leaseExpiresAt,
                         @Schema(description = "For an item with LLM drafts: the knowledge-base passages they were written from, best first;"
                                 + " left out when there are none")
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Passage> sources) {
    @Schema(name = "ReviewTicket")
    public record Ticket(@Schema(description = "What the customer wrote, e-mail addresses, card numbers, phone numbers and the like masked")
                         String text) {
    }

    /** {@code id}: the library reply's; null for an LLM draft (the page does not show it, so judging stays blind). */
    @Schema(name = "ReviewCandidate")
    public record Candidate(@Schema(description = "The library reply's id; null for a draft the team's LLM wrote") Long id,
                            @Schema(description = "The reply, personal data masked") String text) {
    }

    /** A knowledge-base passage: {@code source} is the article's title, with its address in parentheses when it has one. */
    @Schema(name = "ReviewSource")
    public record Passage(@Schema(description = "The article's title, its address in parentheses when it has one") String source,
                          @Schema(description = "The passage's text") String text) {
        /** Masked like every text a reviewer sees, so a draft and the passage it quotes read alike. */
        public static List<Passage> masked(List<Passage> stored, UnaryOperator<String> mask) {
            return stored == null ? List.of() : stored.stream().map(p -> new Passage(mask.apply(p.source()), mask.apply(p.text()))).toList();
        }
    }
}
