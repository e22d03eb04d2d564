package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An alert's fold of figures holds the statistics' own terms and the alert's code: it says in one line what they are, so
 * a support lead who opens it is not left with "MMD²" and "input_drift" alone.
 */
@QuarkusTest
class AlertFiguresFoldTest {
    private static final Pattern FOLD = Pattern.compile("<summary>The figures</summary>(.*?)</details>", Pattern.DOTALL);

    @Inject
    EntityManager em;

    @Test
    void theFiguresOfAnAlertSayWhatTheyAre() {
        int version = 900_000 + new Random().nextInt(90_000); // no real version: this alert is its only one
        String message = "Recent requests differ from the training tickets (MMD² 0.0109, permutation p = 0.0050). " + version;
        try {
            sql("insert into drift_reports (model_version, requests, signals) values (" + version + ", 1, '{}')");
            sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message) select r.id, " + version
                    + ", 'input_drift', 0.0109, 0.01, '" + message + "' from drift_reports r where r.model_version = " + version);
            String html = Caller.session("admin").pageRequest().accept("text/html").get("/admin/drift").then().statusCode(200)
                    .extract().asString();
            Matcher fold = FOLD.matcher(html);
            String ours = null;
            while (fold.find()) {
                if (fold.group(1).contains(String.valueOf(version))) {
                    ours = fold.group(1);
                }
            }
            assertTrue(ours != null, "the alert is listed with its figures");
            assertTrue(ours.contains("For ML engineers: the measurements that raised this"), ours);
            assertTrue(ours.contains("its code as the API and the webhook name it"), ours);
        } finally {
            sql("delete from drift_alerts where model_version = " + version);
            sql("delete from drift_reports where model_version = " + version);
        }
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
