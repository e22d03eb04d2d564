package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.queue.Refill;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Review items written at the same moment (two admins, a double click, a reviewer's refill beside an admin's, a drift
 * action): every ticket still gets one item, never two with different pairs of replies. Each test looks only at the
 * tickets it made up, or at the items its own refills made, and removes them again.
 */
@QuarkusTest
class ConcurrentRefillTest {
    static final int TICKETS = 30;

    @Inject
    ReviewItemGenerator generator;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void writesAtTheSameMomentGiveEachTicketOneItem() throws Exception {
        ActiveModel.await();
        String tag = tag();
        List<String> texts = IntStream.range(0, TICKETS).mapToObj(i -> "refill race " + tag + ": my parcel " + words(i) + " never came").toList();
        List<String> hashes = IntStream.range(0, TICKETS).mapToObj(i -> "race-" + tag + "-" + words(i)).toList();
        try {
            // Half the pairs are the first choice against a sample, so four writers would mostly write different pairs.
            List<Integer> made = AtOnce.times(4, () -> generator.fromRequests(texts, hashes));
            assertEquals(TICKETS, made.stream().mapToInt(Integer::intValue).sum(), "one item per ticket across the writers: " + made);
            assertEquals(TICKETS, count("select count(*) from review_items where ticket_hash like ?1", "race-" + tag + "-%"));
            assertEquals(TICKETS, count("select count(distinct ticket_hash) from review_items where ticket_hash like ?1", "race-" + tag + "-%"));
        } finally {
            write("delete from review_items where ticket_hash like ?1", "race-" + tag + "-%");
        }
    }

    @Test
    void requestsChosenOnDriftPassOverTicketsThatHaveAnItem() {
        ActiveModel.await();
        String tag = tag();
        String reviewed = "drift pick " + tag + ": the solar panel will not charge";
        String fresh = "drift pick " + tag + ": the solar lamp arrived broken";
        try {
            assertEquals(1, generator.fromRequests(List.of(reviewed), List.of("drift-" + tag + "-a")));
            // Its pair turned round: whatever pair the policy drafts next differs from it, so only the check for an item can stop a second.
            write("update review_items set reply1_id = reply2_id, reply2_id = reply1_id, reply1_text = reply2_text,"
                    + " reply2_text = reply1_text where ticket_hash like ?1", "drift-" + tag + "-a");
            int made = generator.fromRequests(List.of(reviewed, fresh, fresh), List.of("drift-" + tag + "-a", "drift-" + tag + "-b", "drift-" + tag + "-b"));
            assertEquals(1, made, "only the request without an item, once although chosen twice");
            assertEquals(1, count("select count(*) from review_items where ticket_hash like ?1", "drift-" + tag + "-a"));
            assertEquals(1, count("select count(*) from review_items where ticket_hash like ?1", "drift-" + tag + "-b"));
        } finally {
            write("delete from review_items where ticket_hash like ?1", "drift-" + tag + "-%");
        }
    }

    @Test
    void refillsAtTheSameMomentGiveEachTicketOneItem() throws Exception {
        ActiveModel.await();
        String tag = tag();
        long mark = count("select coalesce(max(id), 0) from review_items");
        try {
            Caller api = Caller.apiKey(keys, "admin");
            for (int i = 0; i < TICKETS; i++) {
                api.request().contentType("application/json")
                        .body("{\"text\":\"refill race " + tag + ": my parcel " + words(i) + " never came\"}")
                        .post("/api/v1/respond").then().statusCode(200);
            }
            // The refills draw from every ticket without an item, these and any others: none may get two.
            List<Refill> refills = AtOnce.times(4, () -> generator.refill(TICKETS));
            long made = refills.stream().mapToInt(Refill::made).sum();
            assertTrue(made > 0, "the served tickets were there to draw from: " + refills);
            assertEquals(made, count("select count(*) from review_items where id > ?1", mark));
            assertEquals(0, count("select count(*) from review_items i where i.id > ?1 and exists"
                    + " (select 1 from review_items o where o.ticket_hash = i.ticket_hash and o.id <> i.id)", mark), "a ticket with two items");
            assertEquals(count("select count(*) from review_items where ticket_text like ?1", "refill race " + tag + "%"),
                    count("select count(distinct ticket_hash) from review_items where ticket_text like ?1", "refill race " + tag + "%"));
            assertTrue(refills.stream().allMatch(r -> r.made() == r.asked() || r.shortfall() != Refill.Shortfall.NONE),
                    "a refill that made fewer says why: " + refills);
        } finally {
            // What these refills made (nothing else makes items while a test runs: keep-ahead is off) and the requests served here.
            write("delete from review_items where id > ?1", mark);
            write("delete from served_requests where text like ?1", "refill race " + tag + "%");
        }
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) query(sql, parameters).getSingleResult()).longValue());
    }

    private void write(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> query(sql, parameters).executeUpdate());
    }

    private Query query(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private static String tag() {
        return UUID.randomUUID().toString().replaceAll("[0-9-]", "");
    }

    /** A distinct text per request, in letters: served texts mask digit runs. */
    private static String words(int i) {
        return "ab" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }
}
