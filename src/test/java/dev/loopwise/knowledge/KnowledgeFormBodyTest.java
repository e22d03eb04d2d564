package dev.loopwise.knowledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The article import takes any content type, so a file sent as a form (curl's default for --data) reaches the form reader:
 * whatever its length, the answer says to send the file itself, and nothing is imported.
 */
@QuarkusTest
class KnowledgeFormBodyTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void anArticleSentAsAFormIsToldToSendTheFileItselfHoweverLong() {
        Caller admin = Caller.apiKey(keys, "admin");
        long before = articles();
        for (int length : new int[] {200, 70_000}) {
            // One field longer than a form field may be (64 KB) and a short one get the same answer.
            String body = "# Returns\n\n" + "Send it back within 30 days. ".repeat(length / 29);
            admin.request().contentType("application/x-www-form-urlencoded").body(body).queryParam("name", "returns.md")
                    .post("/api/v1/knowledge/articles").then().statusCode(400)
                    .body("code", equalTo("form_not_accepted"))
                    .body("error", containsString("send the file itself: Content-Type text/markdown"))
                    .body("error", not(containsString("a reply, a description or a note")));
        }
        assertEquals(before, articles());
        // An address that takes no body answers a long form alike, naming its own choice.
        admin.request().contentType("application/x-www-form-urlencoded").body("note=" + "a".repeat(70_000))
                .post("/api/v1/rounds/999999/cancel").then().statusCode(400).body("code", equalTo("form_not_accepted"))
                .body("error", containsString("or no body at all"));
    }

    private long articles() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from knowledge_articles")
                .getSingleResult()).longValue());
    }
}
