package dev.loopwise.review;

import java.time.OffsetDateTime;
import java.util.List;

/** What a reviewer sees of an item: the ticket and the two replies in the order shown (A first). */
public record ReviewView(long itemId, Ticket ticket, String predictedIntent, List<Candidate> candidates,
                         OffsetDateTime leaseExpiresAt) {
    public record Ticket(String text) {
    }

    public record Candidate(long id, String text) {
    }
}
