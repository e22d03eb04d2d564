package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.queue.Refill;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Make review items" makes what was asked for from tickets without an item, however many items wait already, never
 * more than asked, and says exactly how many it made and why fewer.
 */
@QuarkusTest
class MakeItemsTest {
    static final int SERVED = 50;

    @Inject
    ReviewItemGenerator generator;
    @Inject
    ReviewConfig config;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void askingForItemsMakesThemFromRecentRequestsWithoutOneAndSaysHowManyAndWhy() {
        ActiveModel.await();
        try {
            // Whatever earlier tests left without an item gets one first, so that only this test's requests are left.
            Refill drained = null;
            for (int i = 0; i < 20 && (drained == null || drained.made() == drained.asked()); i++) {
                drained = generator.refill(ReviewAdminPage.MAX_GENERATE);
                assertTrue(drained.made() <= drained.asked(), "never more than asked: " + drained);
            }
            assertEquals(Refill.Shortfall.NOTHING_LEFT, drained.shortfall(), drained.toString());
            String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
            Caller api = Caller.apiKey(keys, "admin");
            for (int i = 0; i < SERVED; i++) {
                api.request().contentType("application/json")
                        .body("{\"text\":\"make items test " + tag + ": where is parcel " + words(i) + "?\"}")
                        .post("/api/v1/respond").then().statusCode(200);
            }
            ReviewItems.fresh(em, 70, 1, ReviewItem.REGULAR);
            assertEquals(70, QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting), "70 items wait for reviewers");

            Caller admin = Caller.session("admin");
            assertEquals("/admin/review?made=40&asked=40", ask(admin, 40), "40 asked for while 70 wait: 40 made");
            assertEquals(40, fromThisTest(tag));
            assertEquals(110, QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting));

            String fewer = ask(admin, 100);
            assertEquals("/admin/review?made=10&asked=100&short=NOTHING_LEFT", fewer, "only the 10 requests left, exactly");
            assertEquals(SERVED, fromThisTest(tag));
            String notice = admin.pageRequest().accept("text/html").get(fewer).then().statusCode(200).extract().asString();
            assertTrue(notice.contains("Made 10 new items of the 100 asked for: every other ticket within reach already has an item:"
                    + " the newest 5,000 served requests (and a sample of older ones)"), notice);
            assertEquals(ReviewAdminMessages.itemsMade(10, 100, "NOTHING_LEFT", config.refillWindow()).replace("'", "&#39;"),
                    notice.replaceAll("(?s).*(Made 10 new items[^<]*).*", "$1"));

            String none = ask(admin, 5);
            assertEquals("/admin/review?made=0&asked=5&short=NOTHING_LEFT", none);
            assertTrue(admin.pageRequest().accept("text/html").get(none).then().statusCode(200).extract().asString()
                    .contains("No new items: every other ticket within reach already has an item"));
            assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from audit_events where action = 'review.make_items' and target = '10 of the 100 asked for'")
                    .getSingleResult()).longValue()) >= 1);
        } finally {
            // The 120 or so open items made here would otherwise wait for later tests' reviewers, even after a failed check.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update review_items set status = 'complete' where status = 'open'").executeUpdate());
        }
    }

    private static String ask(Caller admin, int count) {
        String location = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("count=" + count + "&csrf-token=" + admin.csrfToken()).post("/admin/review/generate")
                .then().statusCode(303).extract().header("Location");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private long fromThisTest(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from review_items where source = 'request' and ticket_text like ?1")
                .setParameter(1, "make items test " + tag + "%").getSingleResult()).longValue());
    }

    /** A distinct text per request, in letters: served texts mask digit runs. */
    private static String words(int i) {
        return "ab" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }
}
