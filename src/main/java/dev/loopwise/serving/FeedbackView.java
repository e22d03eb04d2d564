package dev.loopwise.serving;

import dev.loopwise.common.db.DatabaseTimes;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thumb as it was recorded, read at the address its 201 named. */
@Schema(name = "Feedback", description = "A thumb on a served reply, as recorded")
public record FeedbackView(
        @Schema(description = "The feedback's id") long feedbackId,
        @Schema(description = "The request it rates: the requestId of a /api/v1/respond answer, or the loopwise.requestId of a"
                + " /v1/chat/completions answer") UUID requestId,
        @Schema(description = "up or down", enumeration = {"up", "down"}) String rating,
        @Schema(description = "What the customer said; null when nothing was") String comment,
        @Schema(description = "The account that sent it, with any of its keys or its browser session") String caller,
        @Schema(description = "When it was last sent: sending it again changes the verdict and moves this time") OffsetDateTime sentAt) {

    /** A row of {@code id, request_id, rating, comment, caller, created_at}. */
    static FeedbackView of(Object[] row) {
        UUID requestId = row[1] instanceof UUID uuid ? uuid : UUID.fromString(String.valueOf(row[1]));
        return new FeedbackView(((Number) row[0]).longValue(), requestId, (String) row[2], (String) row[3], (String) row[4],
                DatabaseTimes.toOffset(row[5]));
    }
}
