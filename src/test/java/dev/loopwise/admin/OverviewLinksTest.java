package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Overview's steps name the pages they send the lead to, and the reviewers' address to pass on: each is a link, as on
 * Models, and nothing else in the words becomes one (an intent's name may read like an address).
 */
@QuarkusTest
class OverviewLinksTest {
    private static final String REVIEW = "https://loopwise.example/review";

    @Test
    @ActivateRequestContext
    void theStepsNamedPagesAndTheReviewersAddressAreLinks() {
        FirstWeek.Step judge = new FirstWeek.Step("Have reviewers judge replies", false, "No judgements yet.",
                "Ask your reviewers to open " + REVIEW + " and judge pairs of replies. Follow their progress on Review quality.",
                "/admin/review");
        FirstWeek.Step train = new FirstWeek.Step("Train again for the new intent", false,
                "Version 3 answers customers (see what it answers on Try a ticket); http://elsewhere.example/review <b>x</b>",
                "On Models, press Train.", "/admin/models");
        String html = AdminPage.Templates.overview(new FirstWeek.Guide(List.of(judge, train), judge), List.of(), 0, 0, 1, List.of(),
                REVIEW).render().replaceAll("\\s+", " ");
        String next = html.substring(html.indexOf("id=\"next-step\""), html.indexOf("</p>", html.indexOf("id=\"next-step\"")));
        assertTrue(next.contains("open <a href=\"" + REVIEW + "\">" + REVIEW + "</a> and judge"), next);
        assertTrue(next.contains("progress on <a href=\"/admin/review\">Review quality</a>."), next);
        String steps = html.substring(html.indexOf("<ol class=\"steps\">"), html.indexOf("</ol>"));
        assertTrue(steps.contains("see what it answers on <a href=\"/admin/models/try\">Try a ticket</a>)"), steps);
        // Another address in the words stays words, and markup in them is shown, not read.
        assertFalse(steps.contains("href=\"http://elsewhere.example/review\""), steps);
        assertTrue(steps.contains("http://elsewhere.example/review &lt;b&gt;x&lt;/b&gt;"), steps);
    }
}
