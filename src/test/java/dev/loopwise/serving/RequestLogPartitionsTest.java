package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request log's monthly partitions: made ahead, filled from the default partition, dropped past retention with their feedback. */
@QuarkusTest
class RequestLogPartitionsTest {
    @Inject
    RequestLogPartitions partitions;
    @Inject
    ServingConfig config;
    @Inject
    EntityManager em;

    @Test
    void monthsAreMadeAheadAndDroppedPastRetention() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A request from a month without a partition waits in the default one...
        OffsetDateTime later = now.plusMonths(config.partitionsAhead() + 3);
        UUID waiting = insert(later);
        assertEquals(RequestLogPartitions.DEFAULT, partitionOf(waiting));
        // ...and moves into its month's partition when the job, run that much later, makes it.
        partitions.maintain(later.minusMonths(1));
        assertEquals(RequestLogPartitions.name(YearMonth.from(later)), partitionOf(waiting));
        for (int ahead = 0; ahead <= config.partitionsAhead(); ahead++) {
            String month = RequestLogPartitions.name(YearMonth.from(now.plusMonths(ahead)));
            assertTrue(exists(month), month + " exists");
        }

        // A month past retention goes whole, with the feedback on its requests; a recent one stays.
        OffsetDateTime old = now.minusMonths(config.retentionMonths() + 2);
        partitions.maintain(old); // makes the old month's partition, as the job did back then
        UUID expired = insert(old);
        UUID recent = insert(now);
        feedback(expired);
        feedback(recent);
        RequestLogPartitions.Changes changes = partitions.maintain(now);
        assertTrue(changes.dropped().contains(RequestLogPartitions.name(YearMonth.from(old))), changes.toString());
        assertEquals(0, count("select count(*) from served_requests where id = ?1", expired));
        assertEquals(0, count("select count(*) from feedback where request_id = ?1", expired));
        assertEquals(1, count("select count(*) from served_requests where id = ?1", recent));
        assertEquals(1, count("select count(*) from feedback where request_id = ?1", recent));
    }

    @Test
    void textsPastTheirRetentionAreBlankedAndNoLongerRead() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID old = insert(now.minusDays(40));
        UUID fresh = insert(now.minusDays(2));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update served_requests set reply_text = 'Your order ORD-4242 ...' "
                + "where id in (?1, ?2)").setParameter(1, old).setParameter(2, fresh).executeUpdate());
        assertTrue(partitions.forgetTexts(now.minusDays(30)) >= 1);
        assertEquals(1, count("select count(*) from served_requests where id = ?1 and text = '' and reply_text is null", old),
                "text and reply of the old request are gone, the row stays");
        assertEquals(1, count("select count(*) from served_requests where id = ?1 and text = 'partition test' and reply_text is not null",
                fresh), "a recent request keeps both");
        assertEquals(0, partitions.forgetTexts(now.minusDays(30)), "nothing left to forget: the second pass finds none");
    }

    private UUID insert(OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into served_requests (id, endpoint, text, text_hash, out_of_scope, latency_ms, created_at)
                values (?1, 'respond', 'partition test', 'partition-test', false, 1, ?2)""").setParameter(1, id).setParameter(2, at)
                .executeUpdate());
        return id;
    }

    private void feedback(UUID request) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into feedback (request_id, rating, caller) values (?1, 'up', 'partition-test')").setParameter(1, request)
                .executeUpdate());
    }

    private String partitionOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select tableoid::regclass::text from served_requests where id = ?1").setParameter(1, id).getSingleResult());
    }

    private boolean exists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select to_regclass(?1)::text").setParameter(1, table)
                .getSingleResult() != null);
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult())
                .longValue());
    }
}
