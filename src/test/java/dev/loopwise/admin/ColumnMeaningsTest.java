package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A table of figures says in the page what each column means, in a "What the columns mean" fold anyone can open by
 * keyboard or touch: a header's meaning kept only in a hover title reaches no one on a phone or without a mouse.
 */
@QuarkusTest
class ColumnMeaningsTest {
    private static final Pattern HEADER = Pattern.compile("<th[^>]*>([^<]+)</th>");
    private static final Pattern TITLED_HEADER = Pattern.compile("<th[^>]*\\btitle=\"[^\"]*\"[^>]*>([^<]+)</th>");

    /** Each page's figure columns; the other columns (numbers, names, dates, actions) explain themselves. */
    private static final Map<String, List<String>> FIGURES = Map.of(
            "/admin/rounds", List.of("Judgements", "Taste learned", "Picks the preferred reply (new / active)", "Replies changed", "Candidate"),
            // Named as the version's page names the same figure ("same reply as the agent"), so the two pages read as one.
            "/admin/models", List.of("Right intent", "Score per intent", "Off-topic handed over", "Same reply as the agent"));

    @Test
    void everyFigureColumnIsExplainedInThePageNotOnlyInAHoverTitle() {
        Caller admin = Caller.session("admin");
        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<String, List<String>> page : FIGURES.entrySet()) {
            String html = admin.request().accept("text/html").get(page.getKey()).then().statusCode(200).extract().asString();
            List<String> headers = new ArrayList<>();
            for (Matcher header = HEADER.matcher(html); header.find(); ) {
                headers.add(header.group(1).trim());
            }
            assertTrue(headers.containsAll(page.getValue()), page.getKey() + " has the columns " + page.getValue() + ": " + headers);
            int fold = html.indexOf("<summary>What the columns mean</summary>");
            assertTrue(fold > 0, page.getKey() + " has a fold saying what its columns mean");
            String meanings = html.substring(fold, html.indexOf("</details>", fold)).replaceAll("\\s+", " ");
            for (String column : page.getValue()) {
                if (!meanings.contains("<strong>" + column + "</strong>")) {
                    unexplained.add(page.getKey() + ": " + column);
                }
            }
            for (Matcher titled = TITLED_HEADER.matcher(html); titled.find(); ) {
                if (!meanings.contains("<strong>" + titled.group(1).trim() + "</strong>")) {
                    unexplained.add(page.getKey() + ": " + titled.group(1).trim() + " (only in its hover title)");
                }
            }
        }
        assertEquals(List.of(), unexplained, "figure columns without a meaning in the page's text");
    }
}
