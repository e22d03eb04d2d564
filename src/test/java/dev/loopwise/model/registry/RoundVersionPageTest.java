package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round's version shows no held-out figures of its own, so its page explains none, and it links the version whose
 * page lists the intents it confuses rather than leave the lead to find "that version".
 */
@QuarkusTest
class RoundVersionPageTest {

    @Test
    void aRoundsVersionLinksItsBaseVersionAndExplainsNoFiguresItDoesNotShow() {
        int active = ActiveModel.await();
        int made = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion base = ModelVersion.findByVersion(active).orElseThrow();
            ModelVersion fromRound = MeasuredVersions.copyOf(base, ModelVersion.REJECTED, "round-version page test");
            fromRound.checksum = "round-version-page-test-" + System.nanoTime();
            fromRound.parameters = base.parameters;
            fromRound.metrics = new LinkedHashMap<>(Map.of("eval/candidate_reply_intent", 0.79, "eval/active_reply_intent", 0.90));
            fromRound.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 987654, "baseVersion", active, "gateOutcome", "fail"));
            fromRound.persist();
            return fromRound.version;
        });
        try {
            Caller admin = Caller.session("admin");
            String page = admin.request().accept("text/html").get("/admin/models/" + made).then().statusCode(200).extract().asString();
            assertTrue(page.replaceAll("\\s+", " ").contains("<a href=\"/admin/models/" + active + "\">v" + active + "'s page</a> lists"), page);
            assertFalse(page.contains("What these figures mean"), "no figures on the page, so none to explain");
            String trained = admin.request().accept("text/html").get("/admin/models/" + active).then().statusCode(200).extract().asString();
            assertTrue(trained.contains("What these figures mean"), "a trained version still explains its figures");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version", made));
        }
    }
}
