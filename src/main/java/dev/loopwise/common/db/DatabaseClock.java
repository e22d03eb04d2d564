package dev.loopwise.common.db;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.OffsetDateTime;

/**
 * The database's clock. Heartbeats are written and judged stale with it, so a page that tells how long ago one was written
 * reads the same clock: the clocks of two application instances may differ, the database's is the one they share.
 */
public final class DatabaseClock {
    private DatabaseClock() {
    }

    /** The database's now() (the start of the reading transaction), one query reading no table. */
    public static OffsetDateTime now() {
        return (OffsetDateTime) Panache.getEntityManager().createNativeQuery("select now()", OffsetDateTime.class).getSingleResult();
    }
}
