package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * The window's read stays the size of the window: PostgreSQL's own account of the query (EXPLAIN ANALYZE) reads no
     * more judgements than the window's items have, with many more judgements on other items beside them. Read as a plain
     * join, it scanned the whole table, which grows with every judgement ever made.
     */
    @Test
    void readsOnlyTheWindowsJudgements() throws Exception {
        QuarkusTransaction.begin();
        try {
            // Other overlap items stay as they are (locking them all would stall the queue's jobs): the window counted
            // below is taken in the same state the query reads.
            long first = reviewer();
            long second = reviewer();
            for (int i = 0; i < 300; i++) {
                item("overlap", first, i % 2 == 0 ? "1" : "2", second, "1");
            }
            // Older history: many more judgements, none of them in the window.
            em.createNativeQuery("""
                    with made as (insert into review_items (ticket_text, ticket_hash, source, reply1_text, reply2_text, strategy,
                                      reply1_kind, reply2_kind, required_judgements, status, kind)
                                  select 'older ticket', md5(random()::text || g), 'traffic', 'one', 'two', 'drafts', 'draft', 'draft',
                                      2, 'complete', 'regular' from generate_series(1, 3000) g returning id)
                    insert into judgements (item_id, reviewer_id, choice, swapped)
                    select made.id, r.reviewer, '1', false from made, (values (cast(?1 as bigint)), (cast(?2 as bigint))) r(reviewer)""")
                    .setParameter(1, first).setParameter(2, second).executeUpdate();
            em.createNativeQuery("analyze judgements").executeUpdate(); // the figures a grown table would have
            em.createNativeQuery("analyze review_items").executeUpdate();
            long window = ((Number) em.createNativeQuery("""
                    select count(*) from judgements where item_id in
                        (select id from review_items where kind = 'overlap' order by id desc limit ?1)""")
                    .setParameter(1, AlphaInterval.NEWEST_ITEMS).getSingleResult()).longValue();
            String plan = (String) em.createNativeQuery("explain (analyze, format json) " + AlphaInterval.PATTERNS)
                    .setParameter("newest", AlphaInterval.NEWEST_ITEMS).getSingleResult().toString();
            long read = judgementsRead(new ObjectMapper().readTree(plan));
            assertTrue(read > 0 && read <= window, "the window's items have " + window + " judgements; the query read " + read
                    + ":\n" + plan);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Rows the plan's nodes on judgements read: those returned and those a filter threw away, in every loop. */
    private static long judgementsRead(JsonNode plan) {
        AtomicLong read = new AtomicLong();
        walk(plan.isArray() ? plan.get(0).get("Plan") : plan.get("Plan"), read);
        return read.get();
    }

    private static void walk(JsonNode node, AtomicLong read) {
        if ("judgements".equals(node.path("Relation Name").asText())) {
            long perLoop = node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong();
            read.addAndGet(perLoop * Math.max(1, node.path("Actual Loops").asLong()));
        }
        node.path("Plans").forEach(child -> walk(child, read));
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
