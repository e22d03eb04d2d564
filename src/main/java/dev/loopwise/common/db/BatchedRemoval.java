package dev.loopwise.common.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/**
 * Retention of a table that grows with use: the rows past the cutoff go a batch per transaction, so that no transaction
 * holds many rows or locks for long while requests write beside it.
 */
public final class BatchedRemoval {
    public static final int BATCH = 5000;

    private BatchedRemoval() {
    }

    /**
     * Runs {@code delete} (a native statement with the cutoff as ?1 and the batch size as ?2, removing at most that many
     * rows, oldest first) until a batch comes back short; answers how many rows went.
     */
    public static long olderThan(EntityManager em, String delete, OffsetDateTime cutoff) {
        long removed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }
}
