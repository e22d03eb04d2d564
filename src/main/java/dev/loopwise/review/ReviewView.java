package dev.loopwise.review;

import java.time.OffsetDateTime;
import java.util.List;

/** What a reviewer sees of an item: the ticket and the two replies in the order shown (A first). */
public record ReviewView(long itemId, Ticket ticket, String predictedIntent, List<Candidate> candidates,
                         OffsetDateTime leaseExpiresAt) {
    public record Ticket(String text) {
    }

    /** {@code id}: the library reply's; null for an LLM draft (the page does not show it, so judging stays blind). */
    public record Candidate(Long id, String text) {
    }
}
