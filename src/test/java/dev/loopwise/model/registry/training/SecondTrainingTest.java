package dev.loopwise.model.registry.training;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * While a training is under way a second one is refused, through the API and from the Models page, which says so
 * instead of offering a Train button that looks as if it would start one, and shows how the one under way learns.
 */
@QuarkusTest
class SecondTrainingTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aTrainingInProgressRefusesASecondAndThePageSaysSo() {
        ActiveModel.await();
        ActiveModel.awaitNoTraining();
        Caller admin = Caller.session("admin");
        admin.pageRequest().accept("text/html").get("/admin/models").then().statusCode(200)
                .body(containsString("Train a new version")).body(not(containsString("id=\"training-note\"")));
        // Another instance's run, older than a repeated click: no job is scheduled for it, so it stays in progress here.
        long running = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into training_runs (status, step, settings, started_by, heartbeat_at, created_at) values ('running', 'Training', "
                        + "'{\"regime\":\"finetune\"}'::jsonb, 'test', now(), now() - interval '1 minute') returning id")
                .getSingleResult()).longValue());
        try {
            long runsBefore = QuarkusTransaction.requiringNew().call(() -> TrainingRun.count());
            Caller.apiKey(keys, "admin").request().contentType("application/json").body("{\"regime\":\"linear\"}")
                    .post("/api/v1/models/train").then().statusCode(409).body("code", equalTo("training_running"))
                    .body("error", containsString("Training run " + running + " is in progress"));
            admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .formParam("regime", "prototypes").formParam("csrf-token", admin.csrfToken()).post("/admin/models/train")
                    .then().statusCode(409).body(containsString("Training run " + running + " is in progress"));
            assertEquals(runsBefore, (long) QuarkusTransaction.requiringNew().call(() -> TrainingRun.count()), "no second run");

            admin.pageRequest().accept("text/html").get("/admin/models").then().statusCode(200)
                    .body(containsString("id=\"train\" disabled")).body(containsString("Training in progress…"))
                    .body(containsString("id=\"training-note\""))
                    // The choice shows how the training under way learns, not "automatic" whatever it was started with.
                    .body(containsString("<option value=\"finetune\" selected>"))
                    .body(not(containsString("<option value=\"auto\" selected>")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update training_runs set status = 'cancelled', finished_at = now() where id = ?1").setParameter(1, running).executeUpdate());
        }
    }
}
