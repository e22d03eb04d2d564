package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Intents page is one form: descriptions typed in several rows are all saved by one Save, or none is. */
@QuarkusTest
class IntentsFormTest {

    @Test
    void oneSaveKeepsEveryRowAndARefusalKeepsWhatWasTyped() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> List.of(intent("alpha_" + tag), intent("beta_" + tag)));
        Caller admin = Caller.session("admin");
        form(admin, ids, List.of("alpha_" + tag, "beta_" + tag), List.of("First described", "Second described"))
                .redirects().follow(false).post("/admin/intents/all").then().statusCode(303);
        assertEquals(List.of("First described", "Second described"), descriptions(ids));

        // One bad row: nothing is saved, the message names the intent, and every typed value is on the page again.
        String refused = form(admin, ids, List.of("alpha_" + tag, "-bad " + tag), List.of("Changed again", "Also changed"))
                .post("/admin/intents/all").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("&#39;beta_" + tag + "&#39;: ") && refused.contains("Nothing was saved."), refused);
        assertTrue(refused.contains("Changed again") && refused.contains("value=\"-bad " + tag + "\""), "typed values kept");
        assertEquals(List.of("First described", "Second described"), descriptions(ids));
        // A rename is said as one: the intent, its tickets and replies stay, and trained versions answer under the new name.
        String location = form(admin, ids, List.of("alpha renamed " + tag, "beta_" + tag), List.of("First described", "Second described"))
                .redirects().follow(false).post("/admin/intents/all").then().statusCode(303).extract().header("Location");
        String saved = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(location).then().statusCode(200).extract().asString();
        assertTrue(saved.contains("A renamed intent keeps its tickets and replies") && saved.contains("now under the new name"), saved);
        QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> Intent.deleteById(id)));
    }

    @Test
    void oneIntentSentInTwoRowsIsRefusedAndKeepsItsNameWithoutAFormerOne() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = QuarkusTransaction.requiringNew().call(() -> intent("twice_" + tag));
        Caller admin = Caller.session("admin");
        String refused = form(admin, List.of(id, id), List.of("first " + tag, "second " + tag), List.of("One", "Two"))
                .post("/admin/intents/all").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("with id " + id + " in two rows") && refused.contains("Nothing was saved."), refused);
        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) Intent.getEntityManager().createNativeQuery(
                "select name, cardinality(former_names) from intents where id = ?1").setParameter(1, id).getSingleResult());
        assertEquals("twice_" + tag, stored[0], "neither row was saved");
        assertEquals(0, ((Number) stored[1]).intValue(), "the first row's name is no former name");
        QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
    }

    @Test
    void aSaveThatChangesNothingSaysSoInsteadOfSaved() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long id = QuarkusTransaction.requiringNew().call(() -> intent("same_" + tag));
        Caller admin = Caller.session("admin");
        String location = form(admin, List.of(id), List.of("same_" + tag), List.of(""))
                .redirects().follow(false).post("/admin/intents/all").then().statusCode(303).extract().header("Location");
        String page = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Nothing changed: every intent&#39;s name and description were already as submitted"), page);
        assertTrue(!page.contains("Saved."), "no intent was saved, so the page does not say it was");
        QuarkusTransaction.requiringNew().run(() -> Intent.deleteById(id));
    }

    private static RequestSpecification form(Caller admin, List<Long> ids, List<String> names, List<String> descriptions) {
        RequestSpecification request = admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken());
        for (int i = 0; i < ids.size(); i++) {
            request.formParam("id", ids.get(i)).formParam("name", names.get(i)).formParam("description", descriptions.get(i));
        }
        return request;
    }

    private static List<String> descriptions(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream().map(id -> Intent.<Intent>findById(id).description).toList());
    }

    private static long intent(String name) {
        Intent intent = new Intent();
        intent.name = name;
        intent.description = "";
        intent.persist();
        return intent.id;
    }
}
