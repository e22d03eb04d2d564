package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The interval reads each overlap item's counted values from the judgements: skips and lone values left out, other kinds of
 * item too. Written in one transaction that is rolled back, with the other overlap items hidden in it, so nothing stays.
 */
@QuarkusTest
class AlphaIntervalReadTest {
    @Inject
    EntityManager em;

    @Test
    void readsTheOverlapItemsAsAlphaCountsThem() {
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("update review_items set kind = 'regular' where kind = 'overlap'").executeUpdate();
            long first = reviewer();
            long second = reviewer();
            assertNull(AlphaInterval.read(em), "no overlap items: alpha is undefined");
            item("overlap", first, "1", second, "1");
            assertNull(AlphaInterval.read(em), "one item: alpha is undefined");
            item("overlap", first, "2", second, "2");
            item("overlap", first, "1", second, "2");
            item("overlap", first, "2", second, "1");
            item("overlap", first, "1", second, "skip"); // one counted value pairs nothing
            item("regular", first, "1", second, "2"); // not shared to measure agreement
            // Both-1, both-2 and two split: N = 4, n1 = n2 = 4, alpha = 1 − 7·2/16 = 0.125.
            AlphaInterval.Interval interval = AlphaInterval.read(em);
            assertEquals(4, interval.units());
            assertEquals(0.125, interval.alpha(), 1e-12);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long reviewer() {
        return ((Number) em.createNativeQuery("insert into users (username, password_hash, roles) values (?1, 'x', 'reviewer') returning id")
                .setParameter(1, "alpha" + UUID.randomUUID().toString().substring(0, 8)).getSingleResult()).longValue();
    }

    private void item(String kind, long first, String firstChoice, long second, String secondChoice) {
        long item = ((Number) em.createNativeQuery("""
                insert into review_items (ticket_text, ticket_hash, source, reply1_text, reply2_text, strategy, reply1_kind,
                                          reply2_kind, required_judgements, status, kind)
                values ('where is my parcel', ?1, 'traffic', 'one', 'two', 'drafts', 'draft', 'draft', 2, 'complete', ?2) returning id""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, kind).getSingleResult()).longValue();
        for (Object[] vote : new Object[][] {{first, firstChoice}, {second, secondChoice}}) {
            em.createNativeQuery("insert into judgements (item_id, reviewer_id, choice, swapped) values (?1, ?2, ?3, false)")
                    .setParameter(1, item).setParameter(2, vote[0]).setParameter(3, vote[1]).executeUpdate();
        }
    }
}
