package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * At desktop width each drift chart's figures, opened, stay inside the chart's card: the tables ran past it at 1280 pixels.
 * Each chart also says in words what its figure is measured in. The form making an alert's new topic an intent, opened, lays
 * out at 1280 pixels and on a phone with fields as wide as the form: in a row it squeezed its examples and button into
 * columns a word wide.
 */
@QuarkusTest
class DriftFiguresWidthBrowserTest extends BrowserTest {
    private static final String SIGNALS = "{\"input/mmd2\": %s, \"input/p_value\": 0.004975, \"prediction/psi\": 0.418,"
            + " \"prediction/psi_by_chance\": 0.0869, \"prediction/mean_confidence\": 0.612, \"prediction/oos_rate\": 0.205,"
            + " \"input/new_topic_requests\": 73, \"input/new_topic_alert_line\": 43}";

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theFiguresOfEveryChartStayInsideItsCardAt1280Pixels() throws Exception {
        int version = ActiveModel.await();
        List<Long> ids = new ArrayList<>();
        // Six-digit differences and checks sharing a second ("#2"), as a replay makes them: the widest cells the tables get.
        for (String difference : List.of("0.000443", "0.000272", "0.0434", "0.0212")) {
            ids.add(check(version, difference));
        }
        driver = Browser.start();
        try {
            Browser.run(driver, "drift-figures-width-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/drift");
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertTrue(((Number) js.executeScript("return window.innerWidth;")).longValue() >= 1260, "a desktop's width");
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return document.querySelectorAll('.chart-figures table').length > 0;")));
                js.executeScript("document.querySelectorAll('.chart-figures').forEach(d => d.open = true);");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> charts = (List<Map<String, Object>>) js.executeScript("""
                        return [...document.querySelectorAll('#drift-charts .chart')].map(c => {
                          const edge = c.getBoundingClientRect().right + 0.5;
                          const fold = c.querySelector('.chart-figures');
                          // Outside the fold nothing may pass the card's edge; inside it, the fold itself keeps to the card.
                          const past = [...c.querySelectorAll('*')].filter(e => !(fold && fold.contains(e) && e !== fold))
                            .filter(e => e.getBoundingClientRect().right > edge).map(e => e.tagName + '.' + e.className);
                          const table = fold && fold.querySelector('table');
                          return { title: c.querySelector('.chart-title').textContent, past: past.join(' '),
                            spills: c.scrollWidth > c.clientWidth, table: table ? table.getBoundingClientRect().width : 0,
                            room: fold ? fold.clientWidth : 0, timesOnly: !table || [...table.querySelectorAll('tbody th')]
                              .every(h => /^\\d\\d:\\d\\d:\\d\\d( #\\d+)?$/.test(h.textContent)), note: (c.querySelector('.chart-note') || {}).textContent || '' };
                        });""");
                assertFalse(charts.isEmpty(), "the checks are charted");
                for (Map<String, Object> chart : charts) {
                    assertTrue(chart.get("past").toString().isEmpty() && !Boolean.TRUE.equals(chart.get("spills")), "inside its card: " + chart);
                    // Checks over several days name their day too (another test's, say): then a table may scroll in its fold.
                    assertTrue(!Boolean.TRUE.equals(chart.get("timesOnly"))
                            || ((Number) chart.get("table")).doubleValue() <= ((Number) chart.get("room")).doubleValue() + 0.5,
                            "the figures fit their fold at this width, no scrolling needed: " + chart);
                    assertTrue(chart.get("note").toString().startsWith("A "), "what the figure is measured in, in words: " + chart);
                }
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from drift_reports where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate());
        }
    }

    @Test
    void theFormMakingANewTopicAnIntentGivesItsFieldsRoomAtDesktopAndPhoneWidths() throws Exception {
        int version = 900_000 + new Random().nextInt(90_000); // no real version: this alert is its only one
        String example = "does the balcony solar kit work in winter " + version;
        sql("insert into drift_reports (model_version, requests, signals) values (" + version + ", 200, '{}')");
        sql("insert into drift_alerts (report_id, model_version, signal, value, threshold, message, evidence) select id, " + version
                + ", 'input/mmd', 0.01, 0.002, 'Customers write about something new.', jsonb_build_object('newTopics',"
                + " jsonb_build_array(jsonb_build_object('examples', jsonb_build_array('" + example + "',"
                + " 'how many watts is the balcony solar panel', 'can I return the solar inverter if it does not fit'))))"
                + " from drift_reports where model_version = " + version);
        driver = Browser.start();
        try {
            Browser.run(driver, "drift-topic-form-width-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                for (int width : List.of(1280, 390)) {
                    if (width < 1280) {
                        driver.manage().window().setSize(new Dimension(width, 844));
                    }
                    driver.get(base + "admin/drift");
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> form = (Map<String, Object>) js.executeScript("""
                            const fold = [...document.querySelectorAll('details.label-topic')]
                              .find(d => d.closest('td').textContent.includes(arguments[0]));
                            fold.open = true;
                            const f = fold.querySelector('form');
                            const box = f.getBoundingClientRect();
                            const width = e => e.getBoundingClientRect().width;
                            return { inner: window.innerWidth, form: box.width, right: box.right,
                              cell: fold.closest('td').getBoundingClientRect().right,
                              fields: [...f.querySelectorAll('input[name=name], input[name=description]')].map(width),
                              examples: [...f.querySelectorAll('label.check')].map(width),
                              buttonHigh: f.querySelector('button').getBoundingClientRect().height };""",
                            example);
                    String seen = width + " pixels: " + form;
                    long inner = ((Number) form.get("inner")).longValue();
                    assertTrue(width == 1280 ? inner >= 1260 : inner <= 400, "the window's width: " + seen);
                    double formWidth = ((Number) form.get("form")).doubleValue();
                    assertTrue(formWidth >= 280, "the form has room: " + seen);
                    assertTrue(((Number) form.get("right")).doubleValue() <= ((Number) form.get("cell")).doubleValue() + 0.5,
                            "inside its cell: " + seen);
                    List<?> fields = (List<?>) form.get("fields");
                    assertEquals(2, fields.size(), seen);
                    for (Object field : fields) {
                        assertTrue(((Number) field).doubleValue() >= formWidth * 0.9, "a field as wide as the form: " + seen);
                    }
                    for (Object label : (List<?>) form.get("examples")) {
                        assertTrue(((Number) label).doubleValue() >= formWidth * 0.9, "an example reads along a line: " + seen);
                    }
                    assertTrue(((Number) form.get("buttonHigh")).doubleValue() < 80, "the button's words fit a line or two: " + seen);
                }
            });
        } finally {
            sql("delete from drift_alerts where model_version = " + version);
            sql("delete from drift_reports where model_version = " + version);
        }
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    /** A check of the active version made now (so the checks share their second), charted without a replay. */
    private long check(int version, String difference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_reports (model_version,"
                + " requests, signals, raised, created_at) values (?1, 200, cast(?2 as jsonb), '[]'::jsonb, date_trunc('second', now()))"
                + " returning id").setParameter(1, version).setParameter(2, SIGNALS.formatted(difference)).getSingleResult()).longValue());
    }
}
