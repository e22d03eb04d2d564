package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fifty reviewers at once through the API, each sending every judgement twice (a double click):
 * every judgement is stored exactly once, no item gets more judgements than it needs, nothing fails.
 */
@QuarkusTest
class ReviewLoadTest extends ReviewerTest {
    static final int REVIEWERS = 50;

    @Test
    void fiftyConcurrentReviewers() throws Exception {
        List<Long> items = new ArrayList<>(ReviewItems.fresh(em, 60, 1, ReviewItem.REGULAR));
        List<Long> overlap = createOverlap(30);
        try {
            workTheQueue(overlap);
        } finally {
            items.addAll(overlap);
            ScratchReviewers.remove(List.of(), items);
        }
    }

    private void workTheQueue(List<Long> overlap) throws Exception {
        List<Caller> reviewers = new ArrayList<>();
        for (int i = 0; i < REVIEWERS; i++) {
            reviewers.add(reviewer());
        }
        List<String> secrets = reviewers.stream().map(Caller::apiKey).toList();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger stored = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String secret : secrets) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 6; round++) {
                        Response next = RestAssured.given().header("Authorization", "Bearer " + secret).get("/api/v1/review/next");
                        statuses.merge("next " + next.statusCode(), 1, Integer::sum);
                        if (next.statusCode() != 200) {
                            return null;
                        }
                        long id = ((Number) next.path("itemId")).longValue();
                        for (int click = 0; click < 2; click++) {
                            Response judged = RestAssured.given().header("Authorization", "Bearer " + secret)
                                    .contentType("application/json").body("{\"choice\":\"" + (round % 2 == 0 ? "A" : "tie") + "\"}")
                                    .post("/api/v1/review/" + id);
                            statuses.merge("judge " + judged.statusCode(), 1, Integer::sum);
                            if (judged.statusCode() == 201) {
                                stored.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(statuses.keySet().stream().noneMatch(s -> s.endsWith(" 500") || s.matches(".* 5\\d\\d")), statuses.toString());
        assertEquals(statuses.getOrDefault("judge 201", 0), statuses.getOrDefault("judge 200", 0), "each double click: one stored, one duplicate");
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from judgements j join users u on u.id = j.reviewer_id where u.username = any(?1)")
                .setParameter(1, reviewers.stream().map(r -> r.username).toArray(String[]::new)).getSingleResult()).longValue());
        assertEquals(stored.get(), rows, "every stored judgement exactly once");
        long overfilled = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from review_items i where i.kind <> 'gold'
                  and (select count(*) from judgements j where j.item_id = i.id and j.choice <> 'skip') > i.required_judgements""")
                .getSingleResult()).longValue());
        assertEquals(0, overfilled, "no item judged by more reviewers than it needs");
        long miscounted = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from review_items i
                where i.judgements <> (select count(*) from judgements j where j.item_id = i.id and j.choice <> 'skip')""")
                .getSingleResult()).longValue());
        assertEquals(0, miscounted);
        assertTrue(stored.get() >= 60 + 30 * 3 - 5, "the queue was worked through: " + stored.get() + " " + statuses);
        assertTrue(overlap.size() == 30);
    }

    private List<Long> createOverlap(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReviewItem> template = ReviewItem.list("status = ?1 order by id", ReviewItem.OPEN);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ReviewItem base = template.get(i % template.size());
                ReviewItem item = new ReviewItem();
                item.ticketText = "overlap " + i + " " + UUID.randomUUID();
                item.ticketHash = UUID.randomUUID().toString();
                item.source = "traffic";
                item.reply1Id = base.reply1Id;
                item.reply2Id = base.reply2Id;
                item.reply1Text = base.reply1Text;
                item.reply2Text = base.reply2Text;
                item.strategy = "top2";
                item.kind = ReviewItem.OVERLAP;
                item.requiredJudgements = 3;
                item.persist();
                ids.add(item.id);
            }
            return ids;
        });
    }
}
