package dev.loopwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.db.BatchedRemoval;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** With no retention set every entry stays; with one, entries past it are removed in batches and the newer ones stay. */
@QuarkusTest
class AuditRetentionTest {
    @Inject
    AuditRetention retention;
    @Inject
    AuditConfig config;
    @Inject
    EntityManager em;

    @Test
    void entriesOlderThanTheRetentionGoOnlyWhenARetentionIsSet() {
        String actor = "retention-" + new Random().nextInt(1_000_000); // only this test's entries have it
        try {
            // More old entries than one batch holds, so that the removal has to go on past its first batch.
            sql("insert into audit_events (occurred_at, actor, action, target) select now() - interval '14 months' - n * interval '1 second', '"
                    + actor + "', 'test.old', 'entry ' || n from generate_series(1, " + (BatchedRemoval.BATCH + 3) + ") n");
            sql("insert into audit_events (occurred_at, actor, action, target) values (now() - interval '11 months', '" + actor + "', 'test.new', 'kept')");

            assertEquals(0, config.retentionMonths(), "the trail is kept whole unless a retention is set");
            retention.scheduled();
            assertEquals(BatchedRemoval.BATCH + 4, entries(actor).size(), "with no retention nothing goes");

            long removed = retention.removeOlderThan(OffsetDateTime.now().minusMonths(13));

            assertEquals(BatchedRemoval.BATCH + 3, removed);
            assertEquals(List.of("test.new"), entries(actor), "the newer entry stays");
            assertEquals(0, retention.removeOlderThan(OffsetDateTime.now().minusMonths(13)), "nothing more to remove");
            assertEquals(List.of("test.new"), entries(actor));
        } finally {
            sql("delete from audit_events where actor = '" + actor + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> entries(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select action from audit_events where actor = ?1 order by occurred_at").setParameter(1, actor).getResultList());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
