package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A label that is another spelling of an intent is refused with the name to use, instead of making a second intent. */
@QuarkusTest
class ImportLabelsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aLabelThatLooksLikeAnIntentIsRefusedAndNothingIsImported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("text/csv").body("text,label\nwhere is my parcel " + tag + ",track_order_" + tag + "\n")
                .post("/api/v1/datasets/tickets").then().statusCode(201).body("createdIntents", org.hamcrest.Matchers.hasItem("track_order_" + tag));
        long intents = countIntents();
        String csv = "text,label\n"
                + "a fine new one " + tag + ",brand_new_" + tag + "\n"
                + "parcel late " + tag + ",  Track Order " + tag + "  \n"
                + "parcel lost " + tag + ",track-order-" + tag + "\n";
        admin.request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("code", equalTo("invalid_file"))
                .body("error", containsString("line 3: the label 'Track Order " + tag + "' looks like the intent 'track_order_" + tag
                        + "': use that name, or rename the intent first"))
                .body("error", containsString("line 4: the label 'track-order-" + tag + "' looks like the intent 'track_order_" + tag + "'"));
        assertEquals(intents, countIntents(), "no intent was made");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Ticket.count("text", "a fine new one " + tag)), "nothing imported");

        // Spaces around a label, and other capitals, are the intent itself.
        admin.request().contentType("text/csv").body("text,label\nparcel late " + tag + ",  TRACK_ORDER_" + tag + "  \n")
                .post("/api/v1/datasets/tickets").then().statusCode(201).body("labelled", equalTo(1))
                .body("createdIntents", org.hamcrest.Matchers.empty());
        assertEquals("track_order_" + tag, QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text", "parcel late " + tag)
                .firstResult().intent.name));
    }

    @Test
    void twoSpellingsOfOneNewLabelInAFileAreRefused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long intents = countIntents();
        String csv = "text,label\n"
                + "wrap it please " + tag + ",gift wrap " + tag + "\n"
                + "\n"
                + "can you wrap it " + tag + ",GIFT WRAP " + tag + "\n"
                + "wrapping paper " + tag + ",gift_wrap_" + tag + "\n";
        Caller.apiKey(keys, "admin").request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("(1 problem;"))
                .body("error", containsString("line 5: the label 'gift_wrap_" + tag + "' looks like the label 'gift wrap " + tag
                        + "' on line 2: use one name for both"));
        assertEquals(intents, countIntents());
    }

    @Test
    void aNumberAsTheLabelOfAJsonLineIsRefused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long intents = countIntents();
        byte[] jsonl = ("{\"text\":\"numbered " + tag + "\",\"label\":5}\n").getBytes(StandardCharsets.UTF_8);
        Caller.apiKey(keys, "admin").request().contentType("application/x-ndjson").body(jsonl).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("line 1: the label 5 is a number, not an intent's name: write"
                        + " the name as a string"));
        assertEquals(intents, countIntents());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName("5").isEmpty()));
    }

    private static long countIntents() {
        return QuarkusTransaction.requiringNew().call(() -> Intent.count());
    }
}
