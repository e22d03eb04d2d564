package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.alignment.round.Judgements;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.privacy.ReviewerPrivacy;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
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
    @SuppressWarnings("unchecked")
    void aMissOnAGoldItemIsNotExported() throws Exception {
        ActiveModel.await();
        Judgements.judgeShorterIsBetter(review, users, 6);
        // The two newest items whose judgements all pick the same reply: one becomes a gold hit, the other a gold miss.
        // The queue may hand an item to a second reviewer, so "judged once" cannot be counted on; agreement can. A ticket
        // another item also shows would reach the file through that item, so only tickets no other item shows are taken.
        List<Object[]> judged = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select i.id, min(j.choice), i.ticket_text, i.kind, i.gold_choice from judgements j join review_items i on i.id = j.item_id
                where i.kind = 'regular' and not exists (select 1 from review_items o where o.ticket_text = i.ticket_text and o.id <> i.id)
                group by i.id, i.ticket_text, i.kind, i.gold_choice
                having count(distinct j.choice) = 1 and min(j.choice) in ('1', '2') order by max(j.id) desc limit 2""")
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
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object[] item : judged) {
                    em.createNativeQuery("update review_items set kind = ?2, gold_choice = ?3 where id = ?1")
                            .setParameter(1, item[0]).setParameter(2, item[3]).setParameter(3, item[4]).executeUpdate();
                }
            });
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
