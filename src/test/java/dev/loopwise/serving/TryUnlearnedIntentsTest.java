package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lead who imports tickets of a new intent and tries one on Try a ticket is told that the active version was trained
 * before that intent existed, instead of seeing another intent's reply with no reason given.
 */
@QuarkusTest
class TryUnlearnedIntentsTest {
    @Test
    void anIntentLabelledSinceTheVersionWasTrainedIsNamedWithTheWayToLearnIt() {
        int version = ActiveModel.await();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String intent = "gift_wrapping_" + tag;
        Caller admin = Caller.session("admin");
        try {
            String before = page(admin);
            assertFalse(before.contains(intent), before);
            admin.pageRequest().accept("text/html").multiPart("file", "tickets.csv",
                            ("text,label\nplease wrap my present " + tag + "," + intent + "\n").getBytes(), "text/csv")
                    .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200);
            String after = page(admin);
            int note = after.indexOf("id=\"try-unlearned\"");
            assertTrue(note > 0, after);
            String said = after.substring(note, after.indexOf("</p>", note)).replaceAll("\\s+", " ");
            assertTrue(said.contains("v" + version + " was trained before ") && said.contains(intent)
                    && said.contains("gets another intent") && said.contains("<a href=\"/admin/models\">Models</a>"), said);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text like ?1", "%" + tag + "%");
                Intent.delete("name", intent);
            });
        }
    }

    private static String page(Caller admin) {
        return admin.request().accept("text/html").get("/admin/models/try").then().statusCode(200).extract().asString();
    }
}
