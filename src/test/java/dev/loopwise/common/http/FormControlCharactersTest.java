package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** A form field holding a NUL is refused before anything is saved or shown again. */
@QuarkusTest
class FormControlCharactersTest {
    @Inject
    EntityManager em;

    @Test
    void aNulInAFormFieldIsRefusedAndNotEchoed() {
        Caller admin = Caller.session("admin");
        for (String[] fields : new String[][] {{"form_nul\u0000name", "Orders"}, {"form_nul_description", "Orders \u0000 red"}}) {
            String page = admin.pageRequest().accept("text/html")
                    .formParam("name", fields[0]).formParam("description", fields[1]).formParam("csrf-token", admin.csrfToken())
                    .post("/admin/intents").then().statusCode(400).extract().asString();
            assertTrue(page.contains("holds a NUL character (U+0000 at character "), page);
            assertFalse(page.contains("\u0000"), "the character is not shown again: " + page);
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from intents where name like 'form\\_%'").getSingleResult()).longValue()));
    }
}
