package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An intent named by an import obeys the same rule as one typed on the Intents page, so it stays editable there. */
@QuarkusTest
class IntentRulesTest {
    @Inject
    WorkspaceService workspace;
    @Inject
    ApiKeyService keys;

    @Test
    void anIntentAnImportNamedIsEditedOnThePageAndABadDescriptionIsRefusedWithNothingChanged() {
        String name = "Gift Wrap " + System.nanoTime() % 100_000;
        long id = workspace.saveIntent(null, name, "first words").id;
        try {
            assertEquals("Wraps presents", workspace.saveIntent(id, name, "  Wraps presents ").description);
            for (String bad : new String[] {"escape \u001b[31m red", "two\nlines", "\u202egnp.exe", "x".repeat(1001)}) {
                ApiException refused = assertThrows(ApiException.class, () -> workspace.saveIntent(id, name, bad));
                assertEquals("invalid_intent_description", refused.code);
            }
            assertThrows(ApiException.class, () -> workspace.saveIntent(id, "-starts with a dash", "x"));
            // Imports match names ignoring case, so a name that differs only in case would be a second home for the same label.
            ApiException twin = assertThrows(ApiException.class, () -> workspace.saveIntent(null, name.toUpperCase(Locale.ROOT), "x"));
            assertEquals("intent_exists", twin.code);
            assertEquals("The intent '" + name + "' already exists: names that differ only in upper and lower case count as the same"
                    + " name.", twin.getMessage());
            assertEquals(name.toLowerCase(Locale.ROOT), workspace.saveIntent(id, name.toLowerCase(Locale.ROOT),
                    "Wraps presents").name, "renaming an intent to another case of its own name is fine");
            workspace.saveIntent(id, name, "Wraps presents");
            assertEquals("Wraps presents", QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(id).description),
                    "a refused edit changes nothing");
            // On the page, a refused edit shows what was typed again, so nothing is lost; so does a refused new intent.
            Caller admin = Caller.session("admin");
            String refused = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", "track_order").formParam("description", "Typed with care").post("/admin/intents/" + id)
                    .then().statusCode(409).extract().asString();
            assertTrue(refused.contains("Typed with care") && refused.contains("already exists"), refused);
            assertTrue(refused.contains("still named <code>" + name + "</code>"), "the typed name does not hide the real one");
            // A rename's entry in the audit log says what the intent was called before.
            workspace.saveIntent(id, name + " renamed", "Wraps presents");
            String details = QuarkusTransaction.requiringNew().call(() -> (String) Intent.getEntityManager().createNativeQuery(
                    "select details::text from audit_events where action = 'intent.edit' and target = ?1 order by id desc limit 1")
                    .setParameter(1, "intent " + name + " renamed").getSingleResult());
            assertTrue(details.contains("\"renamedFrom\": \"" + name + "\""), details);
            workspace.saveIntent(id, name, "Wraps presents");
            String added = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", "-bad name").formParam("description", "A new one, typed").post("/admin/intents")
                    .then().statusCode(400).extract().asString();
            assertTrue(added.contains("value=\"-bad name\"") && added.contains("A new one, typed"), added);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
        }
    }

    @Test
    void anIntentIsNotRenamedNorAddedUnderALookAlikeOfAnotherWhichAnImportCouldNotTellApart() {
        String stamp = String.valueOf(System.nanoTime() % 100_000);
        long first = workspace.saveIntent(null, "parcel_hunt_" + stamp, "where a parcel is").id;
        long second = workspace.saveIntent(null, "sign_in_" + stamp, "cannot sign in").id;
        try {
            // An import files a label "Parcel Hunt N" under parcel_hunt_N's look-alike only if it is refused here too.
            for (String alike : new String[] {"Parcel Hunt " + stamp, "parcel-hunt-" + stamp, " PARCELHUNT" + stamp}) {
                ApiException renamed = assertThrows(ApiException.class, () -> workspace.saveIntent(second, alike, "cannot sign in"));
                assertEquals("intent_exists", renamed.code, alike);
                assertEquals(WorkspaceMessages.intentLooksLike("parcel_hunt_" + stamp), renamed.getMessage());
                assertEquals("intent_exists", assertThrows(ApiException.class, () -> workspace.saveIntent(null, alike, "x")).code);
            }
            assertEquals("sign_in_" + stamp, QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(second).name),
                    "a refused rename changes nothing");
            // Its own look-alike stays allowed: "Parcel Hunt" for parcel_hunt is a rename of that intent, not a second one.
            assertEquals("Parcel Hunt " + stamp, workspace.saveIntent(first, "Parcel Hunt " + stamp, "where a parcel is").name);
            assertEquals("a description", workspace.saveIntent(first, "Parcel Hunt " + stamp, "a description").description);
            // The page shows the refusal with what was typed.
            Caller admin = Caller.session("admin");
            String page = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", "parcel-hunt-" + stamp).formParam("description", "cannot sign in").post("/admin/intents/" + second)
                    .then().statusCode(409).extract().asString();
            assertTrue(page.contains("spaces, underscores or hyphens"), page);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", List.of(first, second)));
        }
    }

    @Test
    void intentsAddedAtTheSameMomentUnderOneNameOrItsLookAlikesMakeOneIntentAndTheOthersAreToldItExists() throws Exception {
        for (int round = 0; round < 3; round++) {
            String stamp = System.nanoTime() % 100_000 + "x" + round;
            List<String> names = List.of("twin_gift_" + stamp, "twin_gift_" + stamp, "Twin Gift " + stamp, "TWIN-GIFT-" + stamp,
                    "twin_gift_" + stamp, "Twin_Gift_" + stamp);
            CyclicBarrier together = new CyclicBarrier(names.size());
            ExecutorService pool = Executors.newFixedThreadPool(names.size());
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : names) {
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        workspace.saveIntent(null, name, "a present wrapped twice");
                        return "created";
                    } catch (ApiException e) {
                        return e.code;
                    } catch (RuntimeException e) {
                        return "failed: " + e;
                    }
                }));
            }
            List<String> said = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                said.add(outcome.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            String fold = ImportLabels.folded("twin_gift_" + stamp);
            List<Long> made = QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>listAll().stream()
                    .filter(i -> ImportLabels.folded(i.name).equals(fold)).map(i -> i.id).toList());
            if (!made.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", made));
            }
            assertEquals(1, made.size(), "one intent, whatever the spelling each sent: " + said);
            assertEquals(1, said.stream().filter("created"::equals).count(), said.toString());
            assertEquals(names.size() - 1, said.stream().filter("intent_exists"::equals).count(), said.toString());
        }
    }

    @Test
    void aTypedIntentAlwaysHasADescriptionAndOnlyOneAnImportCreatedGoesWithout() {
        String name = "Gift Card " + System.nanoTime() % 100_000;
        for (String empty : new String[] {null, "", "   \t "}) {
            ApiException refused = assertThrows(ApiException.class, () -> workspace.saveIntent(null, name, empty));
            assertEquals("missing_intent_description", refused.code);
            assertEquals(WorkspaceMessages.INTENT_DESCRIPTION_NEEDED, refused.getMessage());
        }
        ApiException marks = assertThrows(ApiException.class, () -> workspace.saveIntent(null, name, " \u0301\u0301 "));
        assertEquals("invalid_intent_description", marks.code);
        assertEquals(WorkspaceMessages.INTENT_DESCRIPTION_INVISIBLE, marks.getMessage());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Intent.findByName(name).isEmpty()), "nothing was created");
        long typed = workspace.saveIntent(null, name, "The customer asks about a gift card").id;
        // An import creates its labels' intents without a description, as the lead is told to write one afterwards.
        long imported = QuarkusTransaction.requiringNew().call(() -> {
            Intent intent = new Intent();
            intent.name = "imported_" + System.nanoTime() % 100_000;
            intent.description = "";
            intent.persist();
            return intent.id;
        });
        String importedName = QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(imported).name);
        try {
            // A description written is rewritten, never removed: the model would be left with the name alone.
            ApiException cleared = assertThrows(ApiException.class, () -> workspace.saveIntent(typed, name, "  "));
            assertEquals("missing_intent_description", cleared.code);
            assertEquals(WorkspaceMessages.INTENT_DESCRIPTION_KEPT, cleared.getMessage());
            assertEquals("The customer asks about a gift card", QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>findById(typed).description));
            // The imported intent can be renamed before it is described, and is described later.
            assertEquals("", workspace.saveIntent(imported, importedName + " renamed", "").description);
            assertEquals("Wants a parcel held", workspace.saveIntent(imported, importedName, "Wants a parcel held").description);
            // The page refuses the same way and keeps what was typed; the API and the page agree on what is stored.
            Caller admin = Caller.session("admin");
            String added = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", name + " two").formParam("description", "   ").post("/admin/intents")
                    .then().statusCode(400).extract().asString();
            assertTrue(added.contains("Describe in one line what the customer wants") && added.contains("value=\"" + name + " two\""), added);
            String edited = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                    .formParam("name", name).formParam("description", "").post("/admin/intents/" + typed)
                    .then().statusCode(400).extract().asString();
            assertTrue(edited.contains("can be rewritten but not removed"), edited);
            QuarkusTransaction.requiringNew().run(() -> {
                Intent intent = Intent.findById(imported);
                intent.description = "";
            });
            io.restassured.path.json.JsonPath listed = Caller.apiKey(keys, "admin").request().get("/api/v1/intents")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("", listed.getString("find { it.name == '" + importedName + "' }.description"));
            assertEquals("The customer asks about a gift card", listed.getString("find { it.name == '" + name + "' }.description"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Intent.delete("id in ?1", List.of(typed, imported)));
        }
    }

    @Test
    void aReplyCustomersWouldReadHoldsNoHiddenCharactersAndIsInTheLibraryOnce() {
        String name = "Reply Rules " + System.nanoTime() % 100_000;
        long intentId = workspace.saveIntent(null, name, "replies under test").id;
        try {
            String emoji = "\uD83D\uDE00";
            Reply first = workspace.saveReply(null, " " + name + " ", "Hello, " + emoji.repeat(Reply.MAX_LENGTH - 7));
            for (String bad : new String[] {"Hello \u001b[31mred", "Refund \u202eevil\u202c ok"}) {
                assertEquals("invalid_reply", assertThrows(ApiException.class, () -> workspace.saveReply(null, name, bad)).code);
            }
            assertEquals("reply_exists", assertThrows(ApiException.class, () -> workspace.saveReply(null, name, first.text + "  ")).code);
            assertEquals("unknown_intent", assertThrows(ApiException.class, () -> workspace.saveReply(null, null, "A new reply.")).code);
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Reply.count("intent.id", intentId)),
                    "refused replies leave nothing behind");
            // Any line break is stored as one \n, a lone \r too.
            assertEquals("a\nb\nc", workspace.saveReply(null, name, "a\rb\r\nc").text);
            // A retired reply stays as it was served: neither retired again nor edited.
            workspace.retireReply(first.id);
            assertEquals("reply_retired", assertThrows(ApiException.class, () -> workspace.retireReply(first.id)).code);
            assertEquals("reply_retired", assertThrows(ApiException.class, () -> workspace.saveReply(first.id, name, "Changed.")).code);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Reply.delete("intent.id", intentId);
                Intent.deleteById(intentId);
            });
        }
    }
}
