package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart across rounds, in headless Chromium, draws what the table under it shows, in its words: the share of replies
 * changed, not the KL divergence under a legend that names it, a figure only ML engineers read.
 */
@QuarkusTest
class RoundsChartBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theChartAcrossRoundsShowsRepliesChangedAsTheTableDoesAndNamesNoKl() throws Exception {
        long id = oneRound();
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds");
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                List<?> labels = (List<?>) script("return Chart.getChart('rounds-chart').data.datasets.map(d => d.label);");
                assertTrue(labels.stream().noneMatch(l -> String.valueOf(l).contains("KL")), "no KL in the legend: " + labels);
                assertTrue(labels.contains("replies changed"), labels.toString());
                Object newest = script("const c = Chart.getChart('rounds-chart'); const set = c.data.datasets.find(d => d.label === 'replies changed');"
                        + " return set.data[set.data.length - 1];");
                assertEquals(0.27, ((Number) newest).doubleValue(), 1e-9, "the share the table shows as Replies changed");
                assertEquals(List.of("x", "rate"), script("return Object.keys(Chart.getChart('rounds-chart').options.scales);"),
                        "one axis of shares, no second axis for a divergence");
                assertEquals("share of judgements or tickets", script("return Chart.getChart('rounds-chart').options.scales.rate.title.text;"),
                        "the axis says what its percentages are shares of");
                Browser.screenshot(driver, "rounds-chart");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    /** On a phone the chart is short: the axis title must fit beside it whole, not run past its top and be cut off. */
    @Test
    void onAPhoneTheAxisTitleFitsBesideTheChart() throws Exception {
        long id = oneRound();
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-phone-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.manage().window().setSize(new Dimension(390, 900));
                driver.get(base + "admin/rounds");
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                Object fits = script("const c = Chart.getChart('rounds-chart'); const t = c.scales.rate.options.title;"
                        + " const lines = [].concat(t.text); c.ctx.save(); c.ctx.font = Chart.helpers.toFont(t.font).string;"
                        + " const widest = Math.max(...lines.map((l) => c.ctx.measureText(l).width)); c.ctx.restore();"
                        + " const middle = (c.scales.rate.top + c.scales.rate.bottom) / 2;"
                        + " return [middle - widest / 2, middle + widest / 2, c.height];");
                // The title is written upwards, centred on its axis: both its ends must lie within the chart.
                List<?> sizes = (List<?>) fits;
                double top = ((Number) sizes.get(0)).doubleValue();
                double bottom = ((Number) sizes.get(1)).doubleValue();
                double height = ((Number) sizes.get(2)).doubleValue();
                assertTrue(top >= 0 && bottom <= height, "the axis title runs from " + top + " to " + bottom + " px of the chart's " + height);
                String said = String.valueOf(script("return [].concat(Chart.getChart('rounds-chart').options.scales.rate.title.text).join(' ');"));
                assertTrue(said.contains("judgements") && said.contains("tickets"), said);
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    /**
     * After the first round the page says a grey dashed line at 50% marks a coin toss: with a single round it must be drawn
     * across the chart, not as a line between rounds, which one round does not make.
     */
    @Test
    void withOneRoundTheCoinTossLineIsDrawnAcrossTheChart() throws Exception {
        long id = oneRound();
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-coin-toss-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds");
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                // Rounds other tests left behind would add points: the chart is cut to its newest round (this test's), as the
                // page draws it when only one round exists.
                script("const c = Chart.getChart('rounds-chart'); c.data.labels = c.data.labels.slice(-1);"
                        + " c.data.datasets.forEach(d => { d.data = d.data.slice(-1); }); c.update('none');");
                // Left of the one round's dots, along the 50% grid line: some pixel in the line's blue-grey, not only the
                // faint grid line.
                Object grey = script("const c = Chart.getChart('rounds-chart'); c.stop(); c.draw(); const r = c.currentDevicePixelRatio;"
                        + " const y = Math.round(c.scales.rate.getPixelForValue(0.5) * r); const x0 = Math.round((c.chartArea.left + 4) * r);"
                        + " const px = c.ctx.getImageData(x0, y - 2, Math.round(80 * r), 5).data;"
                        + " for (let i = 0; i < px.length; i += 4) { if (px[i + 3] > 60 && px[i] > 80 && px[i + 2] > px[i] + 15) return true; }"
                        + " return false;");
                assertEquals(Boolean.TRUE, grey, "the coin toss line at 50% shows with a single round");
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    /**
     * The legend shows each series as the chart marks it (dots, and the dashed coin toss line), not bars the chart has none
     * of; and taste learned from a handful of comparisons says so, in the chart's hover as in the table.
     */
    @Test
    void theLegendMatchesTheMarksAndTasteFromAFewComparisonsSaysSo() throws Exception {
        long id = oneRound(5);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-legend-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds");
                String row = driver.findElement(By.cssSelector("#rounds a[href='/admin/rounds/" + id + "']"))
                        .findElement(By.xpath("ancestor::tr")).getText();
                assertTrue(row.contains("80% — from only 5 comparisons: too few to read"), row);
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                List<?> styles = (List<?>) script("const c = Chart.getChart('rounds-chart'); return c.legend.legendItems.map((item) =>"
                        + " [item.text, String(item.pointStyle), String(c.getDatasetMeta(item.datasetIndex).data.at(-1).options.pointStyle)]);");
                for (Object style : styles) {
                    List<?> parts = (List<?>) style;
                    assertEquals(parts.get(2), parts.get(1), "the legend marks " + parts.get(0) + " as the chart draws it: " + styles);
                }
                assertEquals(Boolean.TRUE, script("return Chart.getChart('rounds-chart').options.plugins.legend.labels.usePointStyle;"),
                        "no bar swatches in the legend");
                Object hover = script("const c = Chart.getChart('rounds-chart'); const i = c.data.labels.length - 1;"
                        + " const set = c.data.datasets.find((d) => d.label === 'taste learned');"
                        + " return c.options.plugins.tooltip.callbacks.label({ dataset: set, dataIndex: i, parsed: { y: set.data[i] } });");
                assertEquals("taste learned 80% — from only 5 comparisons: too few to read", hover);
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    /**
     * Someone who does not tell red from green, or blue from grey, still tells the series apart: each has a mark of its own
     * shape, and every line and mark stands out at least 3:1 from the white behind it.
     */
    @Test
    void eachSeriesHasAMarkOfItsOwnShapeAndAColourThatStandsOut() throws Exception {
        long id = oneRound();
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "rounds-chart-marks-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/rounds");
                wait.until(d -> script("return !!(window.Chart && Chart.getChart('rounds-chart'));"));
                List<?> series = (List<?>) script("""
                        const lum = (hex) => [1, 3, 5].map((i) => parseInt(hex.substring(i, i + 2), 16) / 255)
                          .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)))
                          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                        const c = Chart.getChart('rounds-chart');
                        return c.data.datasets.map((d, i) => { const mark = c.getDatasetMeta(i).data.at(-1).options;
                          return { label: d.label, drawn: mark.radius > 0 ? String(mark.pointStyle) : 'no mark',
                            line: (d.borderDash || []).length ? 'dashed' : 'solid', contrast: 1.05 / (lum(d.borderColor) + 0.05) }; });""");
                Set<String> marks = new HashSet<>();
                for (Object each : series) {
                    Map<?, ?> s = (Map<?, ?>) each;
                    assertTrue(((Number) s.get("contrast")).doubleValue() >= 3, s.get("label") + " stands out from the white: " + s);
                    if (!"no mark".equals(s.get("drawn"))) {
                        assertTrue(marks.add(s.get("drawn") + " " + s.get("line")), s.get("label") + " has a mark of its own: " + series);
                    }
                }
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }

    private static long oneRound() {
        return oneRound(null);
    }

    /** {@code compared}: the held-out preferences taste learned was measured on; null as rounds stored before they were counted. */
    private static long oneRound(Integer compared) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = AlignmentRound.REJECTED;
            round.startedBy = "admin";
            round.finishedAt = OffsetDateTime.now();
            round.metrics = new LinkedHashMap<>(Map.of("reward/accuracy", 0.8, "eval/candidate_preference_agreement", 0.7,
                    "eval/active_preference_agreement", 0.65, "policy/kl", 0.37, "policy/changed_choice_rate", 0.27));
            if (compared != null) {
                round.metrics.put("reward/test_preferences", compared);
            }
            round.persist();
            return round.id;
        });
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }
}
