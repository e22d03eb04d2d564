package dev.loopwise.review.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a reviewer sees of an item: the ticket, the two replies in the order shown (A first), and, for an item with
 * LLM drafts, the knowledge-base passages the drafts were grounded on (left out when there are none).
 */
public record ReviewView(long itemId, Ticket ticket, String predictedIntent, List<Candidate> candidates,
                         OffsetDateTime leaseExpiresAt, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Passage> sources) {
    public record Ticket(String text) {
    }

    /** {@code id}: the library reply's; null for an LLM draft (the page does not show it, so judging stays blind). */
    public record Candidate(Long id, String text) {
    }

    /** A knowledge-base passage: {@code source} is the article's title, with its address in parentheses when it has one. */
    public record Passage(String source, String text) {
        /** Masked like every text a reviewer sees, so a draft and the passage it quotes read alike. */
        public static List<Passage> masked(List<Passage> stored, UnaryOperator<String> mask) {
            return stored == null ? List.of() : stored.stream().map(p -> new Passage(mask.apply(p.source()), mask.apply(p.text()))).toList();
        }
    }
}
