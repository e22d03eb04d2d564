package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Replies page keeps what the lead typed when it refuses a reply, and names replies as its messages do. */
@QuarkusTest
class ReplyFormTest {

    @Test
    void aRefusedNewReplyIsShownAgainAndTheListNamesEachReply() {
        Caller admin = Caller.session("admin");
        String typed = "Thanks for waiting. " + "We are on it. ".repeat(300);
        String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .formParam("intent", "track_order").formParam("text", typed).post("/admin/replies")
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("at most 4000 characters") && refused.contains(">" + typed + "</textarea>")
                        && refused.contains("<option value=\"track_order\" selected>"), "the text and its intent are kept");
        String page = admin.pageRequest().accept("text/html").get("/admin/replies").then().statusCode(200).extract().asString();
        assertTrue(page.matches("(?s).*<code>track_order</code> <span class=\"muted\">reply \\d+</span>.*"),
                "a message naming 'reply 2' can be followed on the list");
        assertTrue(page.contains("maxlength=\"4000\""), "the browser stops at the limit before sending");
    }

    @Test
    void aNewReplyAsksForItsIntentInsteadOfFilingItUnderTheFirstOne() {
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").get("/admin/replies").then().statusCode(200).extract().asString();
        // With the first intent preselected, a lead who typed and pressed Add served the reply to that intent's customers.
        assertTrue(page.contains("<select name=\"intent\" aria-label=\"intent\" required><option value=\"\" selected>choose the intent…</option>"),
                "no intent is chosen for the lead");
        String preselected = admin.pageRequest().accept("text/html").queryParam("intent", "track_order").get("/admin/replies")
                .then().statusCode(200).extract().asString();
        assertTrue(preselected.contains("<option value=\"track_order\" selected>") && !preselected.contains("<option value=\"\" selected>"),
                "a page that names the intent (the drift page's new topic) still preselects it");
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Reply.count());
        String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .formParam("intent", "").formParam("text", "Sorry, we cannot help with that.").post("/admin/replies")
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Choose the intent this reply answers.") && refused.contains(">Sorry, we cannot help with that.</textarea>"),
                refused);
        assertTrue(before == io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Reply.count()), "nothing saved");
    }

    @Test
    void aReplyWithBrokenSlotsIsRefusedBeforeItReachesACustomer() {
        Caller admin = Caller.session("admin");
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Reply.count());
        for (String[] typed : new String[][] {{"Hi {{ order_number }}, unclosed {{slot", "not written as {{name}} near 'unclosed {{slot'"},
                {"Hi, your order {{ordr_number}} is delayed.", "{{ordr_number}} looks like {{order_number}}"},
                {"Hello {{ }} there", "has no name"},
                {"Your order { {order_number} } is delayed.", "'{ {order_number} }' has a space between its braces"}}) {
            String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("intent", "track_order").formParam("text", typed[0]).post("/admin/replies")
                    .then().statusCode(400).extract().asString();
            assertTrue(refused.contains(typed[1].replace("'", "&#39;")), typed[0] + " → " + refused);
        }
        assertTrue(before == io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Reply.count()), "nothing saved");
        admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken()).formParam("intent", "track_order")
                .formParam("text", "Your parcel {{order_number}} arrives {{delivery_date}}; questions? {{agent_name}} is here.")
                .post("/admin/replies").then().statusCode(303);
    }
}
