package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** An admin sees what the serving version answers a ticket, from the browser, without it counting as traffic. */
@QuarkusTest
class TryPageTest {
    @Inject
    EntityManager em;

    @Test
    void theServingVersionsAnswerIsShownAndNothingIsLogged() {
        int version = ActiveModel.await();
        Caller admin = Caller.session("admin");
        long served = served();
        String page = admin.pageRequest().accept("text/html").formParam("ticket", "Where is my parcel? It was due on Monday.")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/models/try").then().statusCode(200).extract().asString();
        assertTrue(page.contains("(v" + version + ")"), page);
        assertTrue(page.contains("id=\"try-intent\"") && page.contains("sure.") && page.contains("id=\"try-reply\""), page);
        assertTrue(page.contains("The intents it weighed"), page);
        // The certainty beside the intent is explained where it is read, not only on the version's page.
        assertTrue(page.contains("id=\"try-sure-meaning\"") && page.contains("sure\u201d is how likely the version finds it"), page);
        assertFalse(page.contains("id=\"try-language\""), "an answered ticket needs no word on languages");
        assertEquals(served, served(), "a try is not traffic");
        // A blank ticket is refused, saying why, with the form still there.
        String refused = admin.pageRequest().accept("text/html").formParam("ticket", "   ")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/models/try").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"try-error\"") && refused.contains("The text is empty"), refused);
        // A request the team does not handle (the demo labels such tickets oos) is handed over, and the page says so.
        String strange = admin.pageRequest().accept("text/html").formParam("ticket", "What rhymes with orange?")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/models/try").then().statusCode(200).extract().asString();
        assertTrue(strange.contains("id=\"try-handover\"") && strange.contains("Handed to a person"), strange);
        assertFalse(strange.contains("id=\"try-reply\""), "no library reply is sent");
        // The shipped encoders read English, so a lead trying a ticket in another language learns why it went to a person.
        assertTrue(strange.contains("id=\"try-language\"") && strange.contains("trained on English text"), strange);
    }

    private long served() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from served_requests")
                .getSingleResult()).longValue());
    }
}
