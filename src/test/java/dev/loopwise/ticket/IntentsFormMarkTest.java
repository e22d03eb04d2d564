package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Save of the whole Intents list that is refused marks the one field to fix, in its row, besides saying why at the top:
 * a lead who edited many rows (or a screen reader's user) goes straight to it.
 */
@QuarkusTest
class IntentsFormMarkTest {

    private static long intent(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Intent intent = new Intent();
            intent.name = name;
            intent.description = "The customer asks about " + name;
            intent.persist();
            return intent.id;
        });
    }

    @Test
    void theRefusedFieldOfTheRefusedRowIsMarkedAndNoOther() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "mark_a_" + tag;
        String second = "mark_b_" + tag;
        long a = intent(first);
        long b = intent(second);
        try {
            Caller admin = Caller.session("admin");
            String named = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("id", a, b).formParam("name", first, second + "\u0007")
                    .formParam("description", "The customer asks about " + first, "The customer asks about " + second)
                    .post("/admin/intents/all").then().statusCode(400).extract().asString();
            assertTrue(named.contains("id=\"intents-error\"") && named.contains(second), named);
            assertTrue(named.matches("(?s).*aria-label=\"name of " + second + "\"[^>]*aria-invalid=\"true\" aria-describedby=\"intents-error\""
                    + " autofocus.*"), named);
            assertEquals(1, named.split("aria-invalid=\"true\"", -1).length - 1, "only the field refused is marked: " + named);

            String described = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("id", a, b).formParam("name", first, second)
                    .formParam("description", "Wants\u0007 a box", "The customer asks about " + second)
                    .post("/admin/intents/all").then().statusCode(400).extract().asString();
            assertTrue(described.matches("(?s).*aria-label=\"description of " + first + "\"[^>]*aria-invalid=\"true\".*"), described);
            assertEquals(1, described.split("aria-invalid=\"true\"", -1).length - 1, "only the field refused is marked: " + described);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", List.of(a, b)));
        }
    }
}
