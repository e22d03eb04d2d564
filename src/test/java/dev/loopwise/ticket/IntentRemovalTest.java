package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An intent created by mistake, or twice under two names, can go: removed when unused, merged otherwise. */
@QuarkusTest
class IntentRemovalTest {
    private Caller admin;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        admin = Caller.session("admin");
    }

    @Test
    void aMergeMovesTicketsAndRepliesAndRetiresARepliesTheOtherAlreadyHas() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String from = "refund_" + tag;
        String into = "money_back_" + tag;
        QuarkusTransaction.requiringNew().run(() -> {
            Intent a = intent(from);
            Intent b = intent(into);
            Ticket.of("I want my money back " + tag, a, null, "train", "import").persist();
            Ticket.of("refund me please " + tag, a, null, "test", "import").persist();
            reply(a, "We refund within 5 days. " + tag);
            reply(a, "Same words in both. " + tag);
            reply(b, "Same words in both. " + tag);
        });
        // Used, and nowhere to move to: refused, saying why, and nothing changes.
        form("intent=" + from).post("/admin/intents/remove").then().statusCode(409);
        String refused = form("intent=" + from).post("/admin/intents/remove").asString();
        assertTrue(refused.contains(WorkspaceMessages.intentInUse(from, 2, 2).replace("'", "&#39;")), refused);
        form("intent=" + from + "&into=" + from).post("/admin/intents/remove").then().statusCode(400);
        form("intent=" + from + "&into=nothing_" + tag).post("/admin/intents/remove").then().statusCode(400);
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> Ticket.count("intent.name", from)));

        String location = form("intent=" + from + "&into=" + into).redirects().follow(false).post("/admin/intents/remove")
                .then().statusCode(303).extract().header("Location");
        String page = admin.pageRequest().accept("text/html").get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains(WorkspaceMessages.intentRemoved(from, into).replace("'", "&#39;")), page);
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(Intent.findByName(from).isEmpty());
            assertEquals(2L, Ticket.count("intent.name", into));
            List<String> moved = Reply.<Reply>find("intent.name = ?1 order by id", into).stream().map(r -> r.status + ":" + r.text).toList();
            assertEquals(List.of("active:We refund within 5 days. " + tag, "retired:Same words in both. " + tag,
                    "active:Same words in both. " + tag), moved);
        });
    }

    @Test
    void anUnusedIntentIsRemovedAndATypedAddressAnnouncesNothingThatDidNotHappen() {
        String name = "mistake_" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> intent(name));
        String location = form("intent=" + name).redirects().follow(false).post("/admin/intents/remove")
                .then().statusCode(303).extract().header("Location");
        assertTrue(admin.pageRequest().accept("text/html").get(location).asString()
                .contains(WorkspaceMessages.intentRemoved(name, null).replace("'", "&#39;")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()));
        String typed = admin.pageRequest().accept("text/html").get("/admin/intents?removed=oos").asString();
        assertTrue(!typed.contains("was removed"), "oos still exists: no notice");
    }

    @Test
    void theOutOfScopeIntentCannotBeRemovedNorMergedAwayButOthersMergeIntoIt() {
        String other = "off_topic_" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> reply(intent(other), "A reply of an intent merged into the hand-over one " + other));
        long before = QuarkusTransaction.requiringNew().call(() -> Ticket.count("intent.name", "oos"));
        String refusal = WorkspaceMessages.outOfScopeStays("oos").replace("'", "&#39;");
        for (String body : new String[] {"intent=oos", "intent=oos&into=" + other}) {
            String page = form(body).post("/admin/intents/remove").then().statusCode(409).extract().asString();
            assertTrue(page.contains(refusal), page);
        }
        assertTrue(refusal.contains("teaches the model which requests to hand over"));
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> workspace.removeIntent(" oos ", other));
        assertEquals(jakarta.ws.rs.core.Response.Status.CONFLICT, refused.status);
        assertEquals("out_of_scope_intent", refused.code);
        // Nor renamed first and then merged away: it keeps its name (its description may change).
        long oosId = QuarkusTransaction.requiringNew().call(() -> Intent.findByName("oos").orElseThrow().id);
        ApiException renamed = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> workspace.saveIntent(oosId, "out_of_scope", "requests we do not handle"));
        assertEquals("out_of_scope_intent", renamed.code);
        form("id=" + oosId + "&name=out_of_scope&description=x").post("/admin/intents/" + oosId).then().statusCode(409);
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(Intent.findByName("oos").isPresent());
            assertEquals(before, Ticket.count("intent.name", "oos"));
            assertTrue(Intent.findByName(other).isPresent());
        });
        // The page does not offer it for removal; it stays a place to merge into.
        String intents = admin.pageRequest().accept("text/html").get("/admin/intents").then().statusCode(200).extract().asString();
        String removal = intents.substring(intents.indexOf("<select name=\"intent\""), intents.indexOf("<select name=\"into\""));
        assertTrue(!removal.contains("value=\"oos\"") && removal.contains("value=\"" + other + "\""), removal);
        // A merge cannot be undone: like retiring a reply or revoking a key, it asks first.
        String form = intents.substring(intents.indexOf("<form method=\"post\" action=\"/admin/intents/remove\""), intents.indexOf("<select name=\"intent\""));
        assertTrue(form.contains("data-confirm=\"Remove the chosen intent? A merge moves all its tickets and replies"), form);
        form("intent=" + other + "&into=oos").redirects().follow(false).post("/admin/intents/remove").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(other).isEmpty()));
        // Its tickets now go to a person, so its replies would never be sent: they are retired, and no reply is added there.
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Reply.count("intent.name = ?1 and status = ?2", "oos", Reply.ACTIVE)));
        ApiException noReply = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> workspace.saveReply(null, "oos", "Sorry, we cannot help with that."));
        assertEquals("out_of_scope_reply", noReply.code);
        String replies = admin.pageRequest().accept("text/html").get("/admin/replies").then().statusCode(200).extract().asString();
        assertTrue(!replies.contains("<option value=\"oos\""), "the Replies form does not offer the hand-over intent");
        form("intent=oos&text=Sorry").post("/admin/replies").then().statusCode(400);
    }

    @jakarta.inject.Inject
    WorkspaceService workspace;

    private RequestSpecification form(String body) {
        return admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body(body + "&csrf-token=" + admin.csrfToken());
    }

    private static Intent intent(String name) {
        Intent intent = new Intent();
        intent.name = name;
        intent.description = "made by a test";
        intent.persist();
        return intent;
    }

    private static void reply(Intent intent, String text) {
        Reply reply = new Reply();
        reply.intent = intent;
        reply.text = text;
        reply.persist();
    }
}
