package dev.loopwise.common.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A timestamp column read by a native query: which Java type it arrives as depends on the column type and the driver
 * (Instant, OffsetDateTime or java.sql.Timestamp), and a cast to one of them fails with a 500 on the others.
 */
public final class DatabaseTimes {
    private DatabaseTimes() {
    }

    /** The value as an offset time in UTC, whichever of those types it is; null stays null. */
    public static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
