package dev.loopwise.common.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A replay or knowledge import whose instance died (its heartbeat two minutes old) is failed by any instance's upkeep,
 * with the sentence its kind gives and its stored file dropped; one whose heartbeat is fresh is left running.
 */
@QuarkusTest
class QueuedJobUpkeepTest {
    @Inject
    QueuedJobUpkeep upkeep;
    @Inject
    EntityManager em;

    @Test
    void jobsOfDeadInstancesAreFailedAndLiveOnesLeftAlone() {
        long dead = insert("now() - interval '3 minutes'", "running");
        long alive = insert("now()", "queued"); // only one may run; a queued one with a fresh heartbeat is never touched
        long deadImport = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into knowledge_imports (status, file_name, content, passages, started_by, heartbeat_at)
                values ('running', 'gone.md', 'x'::bytea, 3, 'admin', now() - interval '3 minutes') returning id""")
                .getSingleResult()).longValue());
        upkeep.reclaim();
        assertArrayEquals(new Object[] {"failed", true, true}, row("select status, error like 'Interrupted: the service stopped during the"
                + " replay.%', texts is null from drift_replays where id = ?1", dead));
        assertArrayEquals(new Object[] {"queued", false}, row("select status, texts is null from drift_replays where id = ?1", alive));
        assertArrayEquals(new Object[] {"failed", true, true}, row("select status, error like 'Interrupted: the service stopped during the"
                + " import.%', content is null from knowledge_imports where id = ?1", deadImport));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_replays where id = ?1")
                .setParameter(1, alive).executeUpdate());
    }

    private long insert(String heartbeat, String status) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_replays (status, source,"
                + " texts, total, started_by, heartbeat_at) values ('" + status + "', 'test.csv', '[\"where is my parcel\"]'::jsonb, 1,"
                + " 'admin', " + heartbeat + ") returning id").getSingleResult()).longValue());
    }

    private Object[] row(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }
}
