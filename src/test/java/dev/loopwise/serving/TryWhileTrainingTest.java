package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Before any version is active, Try a ticket says whether one is training — with how far it is and the way to its
 * progress — rather than "train one first" while the first one trains.
 */
@QuarkusTest
class TryWhileTrainingTest {
    @Inject
    EntityManager em;
    @Inject
    ModelRegistry registry;
    @Inject
    Scheduler scheduler;

    /** The registry's periodic check, paused so the version set aside here is not loaded again meanwhile. */
    private static final String SYNC = "active-version-sync";

    @Test
    void withNoVersionThePageSaysATrainingIsUnderWayAndHowFar() {
        int active = ActiveModel.await();
        ActiveModel.awaitNoTraining();
        Caller admin = Caller.session("admin");
        scheduler.pause(SYNC);
        Long run = null;
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update model_versions set status = 'retired' where version = ?1").setParameter(1, active).executeUpdate());
            registry.reload();
            run = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into training_runs (status, step,"
                    + " progress, settings, started_by) values ('running', 'Learning the intents', 0.37, '{\"regime\":\"linear\"}'::jsonb,"
                    + " 'test') returning id").getSingleResult()).longValue());
            String page = admin.pageRequest().accept("text/html").get("/admin/models/try").then().statusCode(200).extract().asString()
                    .replaceAll("\\s+", " ");
            assertTrue(page.contains("A version is being trained (37% done): this page works once it"), page);
            assertTrue(page.contains("href=\"/admin/models?run=" + run + "\""), "the way to its progress: " + page);
            assertFalse(page.contains("train one on"), page);
            String tried = admin.pageRequest().accept("text/html").formParam("ticket", "Where is my parcel?")
                    .formParam("csrf-token", admin.csrfToken()).post("/admin/models/try").then().statusCode(409).extract().asString()
                    .replaceAll("\\s+", " ");
            assertTrue(tried.contains("A version is being trained (37% done)"), tried);
            assertTrue(tried.contains("Where is my parcel?"), "what was typed stays: " + tried);

            long queued = run;
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update training_runs set status = 'queued', progress = 0"
                    + " where id = ?1").setParameter(1, queued).executeUpdate());
            page = admin.pageRequest().accept("text/html").get("/admin/models/try").then().statusCode(200).extract().asString()
                    .replaceAll("\\s+", " ");
            assertTrue(page.contains("A version is waiting to be trained: this page works once it"), page);

            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update training_runs set status = 'failed',"
                    + " finished_at = now() where id = ?1").setParameter(1, queued).executeUpdate());
            page = admin.pageRequest().accept("text/html").get("/admin/models/try").then().statusCode(200).extract().asString()
                    .replaceAll("\\s+", " ");
            // A new install has no labelled tickets either: the page names that first step too.
            assertTrue(page.contains("No version is active yet: import labelled tickets on <a href=\"/admin/import\">Import</a> if"
                    + " you have not, then train one on <a href=\"/admin/models\">Models</a>."), page);
            assertFalse(page.contains("being trained"), page);
        } finally {
            Long made = run;
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update model_versions set status = 'active' where version = ?1").setParameter(1, active).executeUpdate();
                if (made != null) {
                    em.createNativeQuery("delete from training_runs where id = ?1").setParameter(1, made).executeUpdate();
                }
            });
            registry.reload();
            scheduler.resume(SYNC);
        }
    }
}
