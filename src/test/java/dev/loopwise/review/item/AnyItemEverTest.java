package dev.loopwise.review.item;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * When a refill finds nothing to make items from, it asks whether any item was ever made, to tell "no tickets yet" from
 * "all reviewed". The question reads one item however many there are: PostgreSQL's own account of the query (EXPLAIN
 * ANALYZE) returns no more than one row from any step, with hundreds of items in the table. Counted, it read every item of
 * the history. Written in one transaction that is rolled back, so nothing stays.
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
            assertTrue(ReviewItem.anyEver());

            String plan = (String) em.createNativeQuery("explain (analyze, format json) " + ReviewItem.ANY_EVER).getSingleResult();
            JsonNode root = new ObjectMapper().readTree(plan).get(0).get("Plan");
            long most = mostRows(root);
            assertTrue(most <= 1, "a step of the query returned " + most + " rows of " + ITEMS + "+: " + plan);
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
