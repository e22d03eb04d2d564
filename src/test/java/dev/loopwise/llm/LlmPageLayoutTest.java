package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The LLM page's figures of the last 24 hours sit in a card, as every page's figures do, with the sentence saying what they
 * mean; and the page its state names is a link.
 */
@QuarkusTest
class LlmPageLayoutTest {

    @Test
    void theLastDaysFiguresAndTheirMeaningSitInACard() {
        String html = Caller.session("admin").pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200)
                .extract().asString();
        int card = html.indexOf("<section class=\"card\" id=\"llm-figures\">");
        assertTrue(card > 0, html);
        String figures = html.substring(card, html.indexOf("</section>", card));
        assertTrue(figures.contains("<h2>Last 24 hours</h2>") && figures.contains("id=\"llm-answered\"")
                && figures.contains("id=\"llm-fell-back\"") && figures.contains("id=\"llm-figures-help\""), figures);
        // The state reads whatever the day's answers were: wherever it names Try a ticket, that is a link.
        int at = html.indexOf("id=\"llm-state\"");
        String now = html.substring(at, html.indexOf("</p>", at));
        assertTrue(!now.contains("Try a ticket") || now.contains("on <a href=\"/admin/models/try\">Try a ticket</a>"), now);
    }

    @Test
    void aConnectionNotUsedYetNamesTryATicketAsAPageToGoTo() {
        LlmSettings on = new LlmSettings(true, "http://localhost:11434/v1", "llama3.1:8b", null, Duration.ofSeconds(5), 2, 0.7, null,
                "the configuration");
        LlmFigures.Day none = new LlmFigures.Day(0, 0, 0);
        LlmPage.View view = new LlmPage.View(on, false, "closed", false, none, null, null, null, null, null, none, "here", null);
        String state = LlmFormats.state(view);
        // "on Try a ticket" is how every page's words name a page that becomes a link.
        assertTrue(state.contains("(see what it would add on Try a ticket; Test connection checks that it answers)"), state);
    }
}
