package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
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
            int newest = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select max(version) from model_versions").getSingleResult()).intValue());
            // The older page continues below the last version shown, whatever its number: versions share a sequence with rounds.
            int lastShown = versionAt(ModelsPage.VersionList.PAGE - 1);
            int firstOlder = versionAt(ModelsPage.VersionList.PAGE);
            assertTrue(first.contains("href=\"/admin/models?before=" + lastShown + "\""), "a link to older versions");
            assertFalse(first.contains("Newest versions"));
            String older = browser.request().accept("text/html").get("/admin/models?before=" + lastShown)
                    .then().statusCode(200).extract().asString();
            assertTrue(older.contains("Newest versions") && older.contains("href=\"/admin/models/" + active + "\""));
            assertTrue(older.contains("href=\"/admin/models/" + firstOlder + "\"") && !older.contains("href=\"/admin/models/" + lastShown + "\""),
                    "the next page starts below the last one shown");
            assertFalse(older.contains("href=\"/admin/models/" + newest + "\""), "the newest version is on the first page only");

            Caller api = Caller.apiKey(keys, "admin");
            api.request().get("/api/v1/models?limit=2").then().statusCode(200).body("$", hasSize(2)).body("[0].version", equalTo(newest));
            int second = versionAt(1);
            api.request().get("/api/v1/models?limit=1&offset=1").then().statusCode(200).body("[0].version", equalTo(second));
            api.request().get("/api/v1/models?limit=1").then().statusCode(200)
                    .header("Link", equalTo("</api/v1/models?limit=1&before=" + newest + ">; rel=\"next\""));
            api.request().get("/api/v1/models?limit=1&before=" + newest).then().statusCode(200).body("[0].version", equalTo(second));
            api.request().get("/api/v1/models").then().statusCode(200).body("$", hasSize(ModelResource.DEFAULT_PAGE));
            for (String bad : new String[] {"limit=0", "limit=201", "offset=-1"}) {
                api.request().get("/api/v1/models?" + bad).then().statusCode(400).body("code", equalTo("invalid_paging"));
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from model_versions where checksum = 'paging-test'").executeUpdate());
        }
    }

    /** The version number {@code offset} places below the newest. */
    private int versionAt(int offset) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from model_versions order by version desc offset ?1 limit 1").setParameter(1, offset).getSingleResult()).intValue());
    }
}
