package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a phone the drift charts keep room for their lines: each chart's legend once took the whole of a canvas half as
 * high as it was wide, leaving the lines a few pixels. Both axes say what they count, and over more than one day each
 * check's tick names its day. A difference estimate just below zero reads as no difference, not as -0.004. A flagged check
 * is marked by shape as well as colour.
 */
@QuarkusTest
class DriftChartsPhoneBrowserTest extends BrowserTest {
    private static final String SIGNALS = "{\"input/mmd2\": %s, \"input/p_value\": 0.2, \"prediction/psi\": 0.1,"
            + " \"prediction/psi_by_chance\": 0.05, \"prediction/mean_confidence\": 0.7, \"prediction/oos_rate\": 0.1}";

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void eachChartKeepsAPlotAreaOnAPhoneAndNamesItsAxes() throws Exception {
        int version = ActiveModel.await();
        // One check two days back: with checks over more than one day, a bare time would not say which day a point is.
        List<Long> ids = List.of(check(version, "0.001", 3), check(version, "0.002", 2), check(version, "0.004", 1),
                check(version, "0.003", 2 * 24 * 60));
        driver = Browser.start();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Browser.run(driver, "drift-charts-phone-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/drift");
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertTrue(((Number) js.executeScript("return window.innerWidth;")).longValue() <= 400, "a phone's width");
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                        "const c = [...document.querySelectorAll('canvas[data-signal]')];"
                                + " return c.length > 0 && c.every(e => window.Chart && Chart.getChart(e));")));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript(
                        "return [...document.querySelectorAll('canvas[data-signal]')].map(c => { const ch = Chart.getChart(c);"
                                + " return { signal: c.dataset.signal, plot: ch.chartArea.bottom - ch.chartArea.top,"
                                + " x: ch.options.scales.x.title.text || '', y: ch.options.scales.y.title.text || '',"
                                + " labels: ch.data.labels.join('|') }; });");
                assertFalse(charts.isEmpty(), "the checks are charted");
                for (Map<String, Object> chart : charts) {
                    assertTrue(((Number) chart.get("plot")).doubleValue() >= 80, "room for the lines: " + chart);
                    assertFalse(chart.get("x").toString().isBlank() || chart.get("y").toString().isBlank(), "named axes: " + chart);
                    assertTrue(chart.get("x").toString().startsWith("day and time"), "the time axis says it has days: " + chart);
                    for (String label : chart.get("labels").toString().split("\\|")) {
                        assertTrue(label.matches("\\d{1,2} [A-Z][a-z]{2} \\d{2}:\\d{2}(:\\d{2})?( #\\d+)?"), "a tick names its day, e.g. 5 Dec 14:00: " + chart);
                    }
                }
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate());
        }
    }

    @Test
    void aDifferenceEstimateJustBelowZeroIsDrawnAndListedAsNoDifference() throws Exception {
        int version = ActiveModel.await();
        List<Long> ids = List.of(check(version, "-0.004", 1));
        driver = Browser.start();
        try {
            Browser.run(driver, "drift-charts-negative-failure", () -> {
                JavascriptExecutor js = driftChartDrawn();
                @SuppressWarnings("unchecked")
                Map<String, Object> chart = (Map<String, Object>) js.executeScript(
                        "const ch = Chart.getChart(document.querySelector('canvas[data-signal=\"input/mmd2\"]'));"
                                + " return { lowest: Math.min(...ch.data.datasets[0].data.filter(v => v !== null)), axis: ch.scales.y.min,"
                                + " table: ch.canvas.closest('.chart-box').parentElement.textContent };");
                assertTrue(((Number) chart.get("lowest")).doubleValue() >= 0 && ((Number) chart.get("axis")).doubleValue() >= 0,
                        "no difference below zero: " + chart);
                assertFalse(chart.get("table").toString().contains("-0.004"), "the table lists it as 0 too: " + chart);
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate());
        }
    }

    /** A check flagged on a chart is told from the others by its mark's shape, not by its red alone. */
    @Test
    void aFlaggedCheckHasAMarkOfItsOwnShape() throws Exception {
        int version = ActiveModel.await();
        List<Long> ids = List.of(check(version, "0.001", 2), check(version, "0.05", 1, "[\"input_drift\"]"));
        driver = Browser.start();
        try {
            Browser.run(driver, "drift-charts-flagged-failure", () -> {
                JavascriptExecutor js = driftChartDrawn();
                @SuppressWarnings("unchecked")
                List<String> marks = (List<String>) js.executeScript(
                        "const ch = Chart.getChart(document.querySelector('canvas[data-signal=\"input/mmd2\"]'));"
                                + " return ch.getDatasetMeta(0).data.slice(-2).map(p => String(p.options.pointStyle));");
                assertNotEquals(marks.get(0), marks.get(1), "the flagged check's mark differs from the calm one's in shape: " + marks);
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate());
        }
    }

    /** A check of the active version made {@code minutesAgo}, so it is charted without a replay through the model. */
    private long check(int version, String difference, int minutesAgo) {
        return check(version, difference, minutesAgo, "[]");
    }

    /** {@code raised}: the kinds of alert the check raised, as a JSON array. */
    private long check(int version, String difference, int minutesAgo, String raised) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports (model_version,"
                + " requests, signals, raised, created_at) values (?1, 200, cast(?2 as jsonb), cast(?4 as jsonb), now() - make_interval(mins => ?3))"
                + " returning id").setParameter(1, version).setParameter(2, SIGNALS.formatted(difference)).setParameter(3, minutesAgo)
                .setParameter(4, raised).getSingleResult()).longValue());
    }

    /** Signed in as the admin, the Drift page once its first signal's chart is drawn. */
    private JavascriptExecutor driftChartDrawn() {
        signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
        driver.get(base + "admin/drift");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "const c = document.querySelector('canvas[data-signal=\"input/mmd2\"]'); return !!(c && window.Chart && Chart.getChart(c));")));
        return js;
    }
}
