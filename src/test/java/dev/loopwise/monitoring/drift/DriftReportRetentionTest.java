package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.db.BatchedRemoval;
import dev.loopwise.common.db.RowCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Drift checks past the retention are removed in batches, except those an alert points at; the newer ones stay. */
@QuarkusTest
class DriftReportRetentionTest {
    @Inject
    DriftReportRetention retention;
    @Inject
    EntityManager em;

    @Test
    void checksOlderThanTheRetentionGoUnlessTheyRaisedAnAlert() {
        int version = 900_000 + new Random().nextInt(90_000); // no real version: its checks are only these
        try {
            // More old checks than one batch holds, so that the removal has to go on past its first batch.
            sql("insert into drift_reports (model_version, requests, signals, created_at) select " + version
                    + ", n, '{}', now() - interval '14 months' - n * interval '1 second' from generate_series(1, " + (BatchedRemoval.BATCH + 3) + ") n");
            sql("insert into drift_reports (model_version, requests, signals, created_at) values (" + version + ", -1, '{}', now() - interval '11 months')");
            sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message) select id, " + version
                    + ", 'input/mmd', 1, 1, 'kept' from drift_reports where model_version = " + version + " and requests = 1");

            long removed = retention.removeOlderThan(OffsetDateTime.now().minusMonths(13));

            assertEquals(BatchedRemoval.BATCH + 2, removed);
            assertEquals(List.of(-1, 1), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select requests from drift_reports where model_version = ?1 order by requests").setParameter(1, version).getResultList()),
                    "the newer check and the one with an alert stay");
            QuarkusTransaction.requiringNew().run(() -> assertEquals(2L, RowCounts.of(RowCounts.DRIFT_REPORTS, version)));
            assertEquals(0, retention.removeOlderThan(OffsetDateTime.now().minusMonths(13)), "nothing more to remove");
        } finally {
            sql("delete from drift_alerts where model_version = " + version);
            sql("delete from drift_reports where model_version = " + version);
        }
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
