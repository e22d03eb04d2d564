package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers typed in the pages' forms are read as people write them: Java's other spellings (0x1p3 for eight, a 5d or 1f
 * suffix) are refused with the value quoted, and nothing is saved or started.
 */
@QuarkusTest
class TypedNumbersTest {
    @Inject
    EntityManager em;

    @Test
    void theLlmPageRefusesJavaSpellingsOfNumbersAndSavesNothing() {
        Caller admin = Caller.session("admin");
        String before = settingsRow();
        for (String field : List.of("timeoutSeconds=0x1p3", "timeoutSeconds=5d", "temperature=1f", "drafts=2D")) {
            String html = post(admin, "/admin/llm", "baseUrl=http%3A%2F%2F127.0.0.1%3A9%2Fv1&model=m&" + field, 400);
            String typed = field.substring(field.indexOf('=') + 1);
            assertTrue(html.contains("must be a number, not &#39;" + typed + "&#39;; nothing was saved."), field + ": " + html);
        }
        assertEquals(before, settingsRow(), "nothing saved");
    }

    @Test
    void theRoundFormRefusesJavaSpellingsOfBetaAndStartsNoRound() {
        Caller admin = Caller.session("admin");
        long rounds = rounds();
        for (String beta : List.of("0.5d", "0x1p-1", "0.5F")) {
            String html = admin.landedOn(admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .body("method=dpo&beta=" + beta + "&csrf-token=" + admin.csrfToken()).post("/admin/rounds"), 400);
            assertTrue(html.contains("&#39;" + beta + "&#39; is not a number. Type a number from 0.01 to 100, with a point for decimals")
                    && html.contains("No round was started."), beta + ": " + html);
        }
        assertEquals(rounds, rounds(), "no round started");
    }

    private static String post(Caller admin, String path, String form, int status) {
        return admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body(form + "&csrf-token=" + admin.csrfToken()).post(path).then().statusCode(status).extract().asString();
    }

    private String settingsRow() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select coalesce(string_agg(updated_at::text || timeout_ms || temperature || drafts, ','), '') from llm_settings")
                .getSingleResult()));
    }

    private long rounds() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from alignment_rounds")
                .getSingleResult()).longValue());
    }
}
