package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A version whose weights retention removed keeps its row and figures, and says why it can no longer be chosen: the API
 * refuses to switch to it with a 409 that says what to do, and the Models page offers no button that would fail.
 */
@QuarkusTest
class RemovedWeightsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aVersionWithoutWeightsIsShownButCannotBeSwitchedTo() {
        int active = ActiveModel.await();
        int served = copyWithoutWeights(active, ModelVersion.RETIRED, true);
        int neverServed = copyWithoutWeights(active, ModelVersion.REJECTED, false);
        try {
            Caller admin = Caller.apiKey(keys, "admin");
            admin.request().get("/api/v1/models/" + served).then().statusCode(200)
                    .body("status", equalTo("retired")).body("weightsRemovedAt", notNullValue());
            admin.request().contentType("application/json").post("/api/v1/models/" + served + "/rollback").then().statusCode(409)
                    .body("code", equalTo("weights_removed")).body("error", containsString("train a new one"));
            admin.request().contentType("application/json").post("/api/v1/models/" + neverServed + "/promote").then().statusCode(409)
                    .body("code", equalTo("weights_removed"));
            assertEquals(active, QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().version),
                    "nothing switched");

            Caller lead = Caller.session("admin");
            String page = lead.request().accept("text/html").get("/admin/models/" + served).then().statusCode(200).extract().asString();
            assertTrue(page.contains("served before, weights removed"), page);
            assertTrue(page.contains("can no longer answer customers"), page);
            assertFalse(page.contains("/admin/models/" + served + "/rollback"), "no Roll back button for it");
            String list = lead.request().accept("text/html").get("/admin/models").then().statusCode(200).extract().asString();
            assertTrue(list.contains("id=\"weights-removed\""), "the list says what the mark means");
            assertFalse(list.contains("/admin/models/" + neverServed + "/promote"), "no Promote button for it");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.delete("version in ?1", List.of(served, neverServed)));
        }
    }

    @Test
    void onlyAVersionThatNoLongerServesMayLoseItsWeights() {
        int active = ActiveModel.await();
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                ModelVersion.getEntityManager().createNativeQuery("update model_versions set parameters = null,"
                        + " weights_removed_at = now() where version = ?1").setParameter(1, active).executeUpdate()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ModelVersion.findActive().orElseThrow().weightsRemovedAt == null));
    }

    private static int copyWithoutWeights(int from, String status, boolean served) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion original = ModelVersion.findByVersion(from).orElseThrow();
            ModelVersion copy = MeasuredVersions.copyOf(original, status, "removed-weights test");
            copy.activatedAt = served ? OffsetDateTime.now().minusDays(40) : null;
            copy.weightsRemovedAt = OffsetDateTime.now();
            copy.persist();
            return copy.version;
        });
    }
}
