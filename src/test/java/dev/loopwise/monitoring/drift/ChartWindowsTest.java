package dev.loopwise.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A check counts its unfamiliar requests out of the requests it read, the window set when it ran: after the setting
 * changed, the chart of past checks still says each one's own window, not the one set now.
 */
@QuarkusTest
class ChartWindowsTest {
    @Inject
    EntityManager em;
    @Inject
    MonitoringConfig config;

    @Test
    void eachCheckSaysTheWindowItWasMeasuredOver() {
        int active = ActiveModel.await();
        // Two windows unlike the one set now: checks made before the setting changed.
        int past = config.window() + 137;
        int newest = config.window() + 411;
        List<Long> made = new ArrayList<>();
        try {
            made.add(check(active, past, 21, 30));
            made.add(check(active, newest, 40, 37));
            Caller admin = Caller.session("admin");
            JsonPath data = admin.request().accept("application/json").get("/admin/drift/data").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> series = data.getList("series");
            for (Map<String, Object> row : series) {
                long id = ((Number) row.get("id")).longValue();
                if (id == made.get(0)) {
                    assertEquals(past, ((Number) row.get("requests")).intValue(), "the past check keeps its own window");
                } else if (id == made.get(1)) {
                    assertEquals(newest, ((Number) row.get("requests")).intValue());
                }
            }
            assertTrue(series.stream().anyMatch(row -> ((Number) row.get("id")).longValue() == made.get(0)), "the past check is charted");
            String page = admin.request().accept("text/html").get("/admin/drift").then().statusCode(200).extract().asString();
            assertFalse(page.contains(">Of the newest " + config.window() + " requests"),
                    "no title claims every check read the window set now");
            assertTrue(page.contains(">Of the requests each check read ("), "the title says each check read its own window");
            assertTrue(page.contains("each point says how many"), "the note says where each check's window is told");
            assertTrue(page.contains("The newest check counts 40 of " + newest + "; the dashed line was at 37."),
                    "the newest check is counted out of what it read");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where id in (?1, ?2)")
                    .setParameter(1, made.isEmpty() ? -1 : made.get(0)).setParameter(2, made.size() < 2 ? -1 : made.get(1)).executeUpdate());
        }
    }

    private long check(int version, int requests, int unfamiliar, int line) {
        String signals = "{\"input/new_topic_requests\": " + unfamiliar + ", \"input/new_topic_alert_line\": " + line + "}";
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports"
                + " (model_version, requests, signals) values (?1, ?2, cast(?3 as jsonb)) returning id").setParameter(1, version)
                .setParameter(2, requests).setParameter(3, signals).getSingleResult()).longValue());
    }
}
