package dev.loopwise.serving;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thumb as it was recorded, read at the address its 201 named. */
@Schema(name = "Feedback", description = "A thumb on a served reply, as recorded")
public record FeedbackView(
        @Schema(description = "The feedback's id") long feedbackId,
        @Schema(description = "The requestId of the /api/v1/respond call it rates") UUID requestId,
        @Schema(description = "up or down", enumeration = {"up", "down"}) String rating,
        @Schema(description = "What the customer said; null when nothing was") String comment,
        @Schema(description = "The user or service account whose key sent it") String caller,
        @Schema(description = "When it was sent (last, when sent again)") OffsetDateTime createdAt) {

    /** A row of {@code id, request_id, rating, comment, caller, created_at}. */
    static FeedbackView of(Object[] row) {
        Object at = row[5];
        OffsetDateTime createdAt = at instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : (OffsetDateTime) at;
        UUID requestId = row[1] instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(row[1]));
        return new FeedbackView(((Number) row[0]).longValue(), requestId, (String) row[2], (String) row[3], (String) row[4],
                createdAt);
    }
}
