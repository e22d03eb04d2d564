package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a first import on a fresh install the Import page said to train on Models, where the page then asked for replies
 * first (a version picks among the library's replies; the first one trained on an empty library could answer no customer).
 * An import that brings intents without a reply now says to give them one first, naming where; one whose intents all
 * have replies still says to train.
 */
@QuarkusTest
class ImportRepliesFirstTest {
    @Test
    void newIntentsWithoutAReplyAreGivenOneBeforeTraining() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String intent = "parcel_lost_" + tag;
        Caller admin = Caller.session("admin");
        try {
            String page = upload(admin, "text,label,response\nmy parcel never came " + tag + "," + intent + ",\"Sorry, we will resend it.\"\n"
                    + "a question we do not handle " + tag + ",oos,\n");
            int box = page.indexOf("id=\"import-result\"");
            int next = page.indexOf("id=\"import-replies\"", box);
            assertTrue(box > 0 && next > box, page);
            String step = page.substring(next, page.indexOf("</p>", next));
            assertTrue(step.contains("this new intent a reply") && step.contains("<a href=\"/admin/replies\">Replies</a>")
                    && step.contains("<a href=\"/admin/models\">Models</a>"), step);
            assertFalse(page.contains("id=\"import-train\""), "training is not the next step while the intent has no reply");

            // The demo's intents have replies: tickets for them are learned by training again.
            String known = upload(admin, "text,label\nwhere is parcel " + tag + " now,track_order\n");
            assertTrue(known.contains("id=\"import-train\"") && !known.contains("id=\"import-replies\""), known);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text like ?1", "%" + tag + "%");
                Intent.delete("name", intent);
            });
        }
    }

    /**
     * The line naming the new intents speaks of one as one: "New intents: gift_wrap — describe them" after a single name
     * read as a slip.
     */
    @Test
    void oneNewIntentIsDescribedAsOneAndTwoAsTwo() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "gift_wrap_" + tag;
        String second = "price_match_" + tag;
        Caller admin = Caller.session("admin");
        try {
            String one = upload(admin, "text,label\ncan you gift wrap it " + tag + "," + first + "\n");
            assertTrue(one.contains("New intent: <code>" + first + "</code>")
                    && one.contains("<a href=\"/admin/intents\">describe it</a>.")
                    && !one.contains("describe them") && !one.contains("New intents:"), one);
            String two = upload(admin, "text,label\ndo you match prices " + tag + "," + second + "\n"
                    + "do you wrap presents " + tag + "," + first + "_2\n");
            assertTrue(two.contains("New intents: <code>") && two.contains("<a href=\"/admin/intents\">describe them</a>.")
                    && !two.contains("New intent:"), two);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text like ?1", "%" + tag + "%");
                Intent.delete("name in ?1", List.of(first, second, first + "_2"));
            });
        }
    }

    private static String upload(Caller admin, String csv) {
        return admin.pageRequest().accept("text/html").redirects().follow(false)
                .multiPart("file", "tickets.csv", csv.getBytes(), "text/csv")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200).extract().asString();
    }
}
