package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The LLM page's figures of the last 24 hours sit in a card, with the sentence saying what they mean, so that they read as
 * one block apart from the settings; and the page its state names is a link.
 */
@QuarkusTest
class LlmPageLayoutTest {
    @Inject
    Engine engine;

    @Test
    void theLastDaysFiguresAndTheirMeaningSitInACard() {
        String html = Caller.session("admin").pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200)
                .extract().asString();
        int card = html.indexOf("<section class=\"card\" id=\"llm-figures\">");
        assertTrue(card > 0, html);
        String figures = html.substring(card, html.indexOf("</section>", card));
        assertTrue(figures.contains("<h2>Last 24 hours</h2>") && figures.contains("id=\"llm-answered\"")
                && figures.contains("id=\"llm-fell-back\"") && figures.contains("id=\"llm-figures-help\""), figures);
    }

    @Test
    void aConnectionNotUsedYetNamesTryATicketAsAPageToGoTo() throws IOException {
        LlmSettings on = new LlmSettings(true, "http://localhost:11434/v1", "llama3.1:8b", null, Duration.ofSeconds(5), 2, 0.7, null,
                "the configuration");
        LlmFigures.Day none = new LlmFigures.Day(0, 0, 0);
        LlmPage.View view = new LlmPage.View(on, false, "closed", false, none, null, null, null, null, null, none, "here", null);
        String state = LlmFormats.state(view);
        // "on Try a ticket" is how every page's words name a page that becomes a link.
        assertTrue(state.contains("(see what it would add on Try a ticket; Test connection checks that it answers)"), state);
        // The page's own line for the state, rendered with this view: tests run with no LLM configured, so the page over
        // HTTP never says this, and the whole page needs a request for its forms' tokens.
        String line = pageSource().lines().filter(l -> l.contains("id=\"llm-state\"")).findFirst().orElseThrow();
        String now = engine.parse(line).data("view", view).render();
        assertTrue(now.contains("on <a href=\"/admin/models/try\">Try a ticket</a>"), now);
    }

    private static String pageSource() throws IOException {
        try (InputStream in = LlmPageLayoutTest.class.getResourceAsStream("/templates/LlmPage/llm.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
