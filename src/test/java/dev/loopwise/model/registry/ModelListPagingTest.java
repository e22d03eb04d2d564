package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The version list is read a page at a time, in the browser and from the API; the active version is always in sight. */
@QuarkusTest
class ModelListPagingTest {
    @Inject
    EntityManager em;
    @Inject
    ApiKeyService keys;

    @Test
    void manyVersionsArePagedAndTheActiveOneIsAlwaysShown() {
        int active = ActiveModel.await();
        int newer = ModelResource.DEFAULT_PAGE + 5;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into model_versions (version, status, encoder_id, regime, parameters, checksum, lineage, metrics, created_by)
                select nextval('model_version_numbers'), 'retired', encoder_id, regime, '\\x00'::bytea, 'paging-test', lineage, metrics, 'paging-test'
                from model_versions, generate_series(1, ?1) where status = 'active'""").setParameter(1, newer).executeUpdate());
        try {
            Caller browser = Caller.session("admin");
            String first = browser.request().accept("text/html").get("/admin/models").then().statusCode(200).extract().asString();
            assertTrue(first.contains("href=\"/admin/models/" + active + "\""), "the active version, older than the page, is listed");
            assertTrue(first.contains("href=\"/admin/models?from=" + ModelsPage.VersionList.PAGE + "\""), "a link to older versions");
            assertFalse(first.contains("Newer versions"));
            String older = browser.request().accept("text/html").get("/admin/models?from=" + ModelsPage.VersionList.PAGE)
                    .then().statusCode(200).extract().asString();
            assertTrue(older.contains("Newer versions") && older.contains("href=\"/admin/models/" + active + "\""));

            Caller api = Caller.apiKey(keys, "admin");
            int newest = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select max(version) from model_versions").getSingleResult()).intValue());
            api.request().get("/api/v1/models?limit=2").then().statusCode(200).body("$", hasSize(2)).body("[0].version", equalTo(newest));
            api.request().get("/api/v1/models?limit=1&offset=1").then().statusCode(200).body("[0].version", equalTo(newest - 1));
            api.request().get("/api/v1/models").then().statusCode(200).body("$", hasSize(ModelResource.DEFAULT_PAGE));
            for (String bad : new String[] {"limit=0", "limit=201", "offset=-1"}) {
                api.request().get("/api/v1/models?" + bad).then().statusCode(400).body("code", equalTo("invalid_limit"));
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from model_versions where checksum = 'paging-test'").executeUpdate());
        }
    }
}
