package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.ComparisonAdvice.Verdict;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A version's page and the version list weigh each version against the active one once and read that for the words, the
 * button's question and its colour: the three must still tell the same thing.
 */
@QuarkusTest
class VersionPageButtonsTest {

    @Test
    void thePageAndTheListAskWhatTheComparisonSaysAndMarkTheButtonByItsVerdict() {
        int active = ActiveModel.await();
        int copy = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion original = ModelVersion.findByVersion(active).orElseThrow();
            ModelVersion better = MeasuredVersions.copyOf(original, ModelVersion.CANDIDATE, "version-buttons test");
            better.parameters = original.parameters;
            better.checksum = "version-buttons-" + System.nanoTime();
            // Every held-out ticket right, on a set so large that any lower accuracy of the active one is beyond chance.
            better.metrics.put("intent/accuracy", 1.0);
            better.metrics.put("data/test_tickets", 100000);
            better.persist();
            return better.version;
        });
        try {
            ComparisonAdvice advice = QuarkusTransaction.requiringNew().call(() -> VersionComparison.advise(
                    ModelVersion.findByVersion(copy).orElseThrow(), ModelVersion.findByVersion(active).orElseThrow()));
            Caller admin = Caller.session("admin");
            String page = admin.request().accept("text/html").get("/admin/models/" + copy).then().statusCode(200).extract().asString();
            String form = page.substring(page.indexOf("action=\"/admin/models/" + copy + "/promote\""));
            form = form.substring(0, form.indexOf("</form>"));
            assertTrue(form.contains("data-confirm=\"Make v" + copy + " the version that answers customers? ")
                    && form.contains("gets the intent right for 100.0%"), form);
            assertTrue(form.contains("value=\"" + active + "\""), form);
            String expected = advice.verdict() == Verdict.SWITCH ? "primary" : "secondary";
            assertTrue(form.contains("<button class=\"" + expected + "\">Promote v" + copy + "</button>"), advice.text() + "\n" + form);
            String list = admin.request().accept("text/html").get("/admin/models").then().statusCode(200).extract().asString();
            String row = list.substring(list.indexOf("action=\"/admin/models/" + copy + "/promote\""));
            row = row.substring(0, row.indexOf("</form>"));
            assertTrue(row.contains("data-confirm=\"Make v" + copy + " the version that answers customers? ")
                    && row.contains("gets the intent right for 100.0%") && row.contains("value=\"" + active + "\""), row);
            assertEquals(Verdict.SWITCH, advice.verdict(), advice.text());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", copy));
        }
    }
}
