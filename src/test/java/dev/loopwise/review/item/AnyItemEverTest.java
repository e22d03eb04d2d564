package dev.loopwise.review.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a refill finds nothing to make items from, it asks {@link ReviewItem#anyEver()} whether any item was ever made, to
 * tell "no tickets yet" from "all reviewed". The question reads one item however many there are: the statement the call
 * sends, as recorded on its way to PostgreSQL, returns no more than one row from any step of its plan (EXPLAIN ANALYZE)
 * with hundreds of items in the table. Counted, it read every item of the history. Each case runs in one transaction that
 * is rolled back, so nothing stays.
 */
@QuarkusTest
class AnyItemEverTest {
    private static final int ITEMS = 300;

    @Inject
    EntityManager em;

    @Test
    void whetherAnyItemWasEverMadeReadsOneItem() throws Exception {
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("""
                    insert into review_items (ticket_text, ticket_hash, source, reply1_text, reply2_text, strategy,
                                              reply1_kind, reply2_kind, required_judgements, status, kind)
                    select 'any item ever', md5(random()::text || g), 'traffic', 'one', 'two', 'drafts', 'draft', 'draft',
                           2, 'complete', 'regular' from generate_series(1, ?1) g""").setParameter(1, ITEMS).executeUpdate();
            boolean[] answer = new boolean[1];
            List<String> sent = RecordedStatements.of(() -> answer[0] = ReviewItem.anyEver());
            assertTrue(answer[0]);
            assertEquals(1, sent.size(), "one statement: " + sent);

            String plan = (String) em.createNativeQuery("explain (analyze, format json) " + sent.get(0)).getSingleResult();
            JsonNode root = new ObjectMapper().readTree(plan).get(0).get("Plan");
            long most = mostRows(root);
            assertTrue(most <= 1, "a step of the query returned " + most + " rows of " + ITEMS + "+: " + plan);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void withNoItemTheAnswerIsNo() {
        QuarkusTransaction.begin();
        try {
            // Emptied only inside this transaction: the rollback brings every item (and what refers to them) back. The truncate
            // waits for no one for long: a transaction left open elsewhere fails this test rather than hanging the run.
            em.createNativeQuery("set local lock_timeout = '5s'").executeUpdate();
            em.createNativeQuery("truncate review_items cascade").executeUpdate();
            assertFalse(ReviewItem.anyEver());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static long mostRows(JsonNode node) {
        long most = node.get("Actual Rows").asLong();
        JsonNode children = node.get("Plans");
        if (children != null) {
            for (JsonNode child : children) {
                most = Math.max(most, mostRows(child));
            }
        }
        return most;
    }
}
