package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A thumb's time reads the same whichever type the driver hands the column as; a java.sql.Timestamp was a 500. */
class FeedbackViewTest {
    @Test
    void theTimeIsReadAsAnyTimestampTypeArrives() {
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        UUID request = UUID.randomUUID();
        for (Object value : new Object[] {at, at.atOffset(ZoneOffset.UTC), Timestamp.from(at)}) {
            FeedbackView view = FeedbackView.of(new Object[] {7L, request, "up", null, "helpdesk", value});
            assertEquals(OffsetDateTime.of(2026, 3, 1, 10, 15, 30, 0, ZoneOffset.UTC), view.sentAt(), value.getClass().getName());
            assertEquals(request, view.requestId());
        }
    }
}
