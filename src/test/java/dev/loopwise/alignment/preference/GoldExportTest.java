package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reviewer's miss on a gold item is a preference known to be wrong: the exports leave it out, a hit stays in. */
@QuarkusTest
class GoldExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    ReviewerPrivacy privacy;
    @Inject
    EntityManager em;

    @Test
    void aMissOnAGoldItemIsNotExported() throws Exception {
        ActiveModel.await();
        // Two items of this test's own, with tickets no other item shows, so neither the rows other tests keep nor the
        // queue's order can decide what the file holds: one becomes a gold hit, the other a gold miss.
        List<Long> items = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        User reviewer = ScratchAccounts.user(users.create("gold" + UUID.randomUUID().toString().substring(0, 8),
                "long-enough-pw", "reviewer", null));
        for (int n = 0; n < 2; n++) {
            ReviewView view = review.next(reviewer.id).orElseThrow();
            review.submit(reviewer.id, reviewer.username, view.itemId(), new Submission("A", null, null, null, 3000));
        }
        List<Object[]> judged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select i.id, j.choice, i.ticket_text from judgements j join review_items i on i.id = j.item_id
                where i.id in (?1, ?2) order by i.id""").setParameter(1, items.get(0)).setParameter(2, items.get(1))
                .getResultList());
        assertEquals(2, judged.size());
        Object[] hit = judged.get(0);
        Object[] miss = judged.get(1);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                gold(hit[0], (String) hit[1]);
                gold(miss[0], "1".equals(miss[1]) ? "2" : "1");
            });
            for (String format : List.of("trl", "trl-chat")) {
                String body = Caller.apiKey(keys, "admin").request().get("/api/v1/export/preferences?format=" + format)
                        .then().statusCode(200).extract().asString();
                assertTrue(hasPrompt(body, privacy.mask((String) hit[2])), format + ": the gold hit is exported");
                assertTrue(!hasPrompt(body, privacy.mask((String) miss[2])), format + ": the gold miss is left out");
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update review_items set kind = 'regular', gold_choice = null where id in (?1, ?2)")
                    .setParameter(1, items.get(0)).setParameter(2, items.get(1)).executeUpdate());
        }
    }

    private void gold(Object itemId, String answer) {
        em.createNativeQuery("update review_items set kind = 'gold', gold_choice = ?2 where id = ?1")
                .setParameter(1, itemId).setParameter(2, answer).executeUpdate();
    }

    /** Whether a row's ticket is this text: the prompt itself (trl) or its user message (trl-chat). */
    private static boolean hasPrompt(String body, String ticket) throws Exception {
        for (String line : body.strip().split("\n")) {
            JsonNode prompt = JSON.readTree(line).get("prompt");
            String text = prompt.isArray() ? prompt.get(prompt.size() - 1).get("content").asText() : prompt.asText();
            if (text.equals(ticket)) {
                return true;
            }
        }
        return false;
    }
}
