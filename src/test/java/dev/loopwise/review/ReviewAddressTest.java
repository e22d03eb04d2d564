package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Review quality's next step gives the reviewers' page as the full address the lead reached Loopwise at, which they can
 * send to reviewers as it is; a bare "/review" cannot be opened from an email or a chat message.
 */
@QuarkusTest
class ReviewAddressTest {
    @Test
    void theNextStepGivesReviewersTheFullAddress() {
        ActiveModel.await(); // items are offered once a version answers
        String page = Caller.session("admin").request().accept("text/html").header("Host", "support.example.com:8443")
                .get("/admin/review").then().statusCode(200).extract().asString();
        int at = page.indexOf("id=\"review-next\"");
        String next = page.substring(at, page.indexOf("</p>", at));
        assertFalse(next.contains(" /review"), "no bare path: " + next);
        int listed = page.indexOf("id=\"reviewers-address\"");
        assertTrue(listed >= 0, "Reviewers names the address whatever the next step is");
        assertTrue(page.substring(listed, page.indexOf("</p>", listed)).contains(
                "<a href=\"http://support.example.com:8443/review\">http://support.example.com:8443/review</a>"), page.substring(listed));
        // Proposed replies, or enough judgements for a round, come first; otherwise the step sends the lead to reviewers.
        if (!next.contains("proposed repl") && !next.contains("enough judgements for a round") && !next.contains("disagree")) {
            assertTrue(next.contains("http://support.example.com:8443/review (send them this address)"), next);
        }
    }
}
