package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The pages a reviewer reaches call what answers customers by one name, "the model": the home called it "the assistant",
 * which read as a second thing beside the model the other pages speak of.
 */
@QuarkusTest
class ReviewerWordsTest {

    @Test
    void theReviewersPagesCallWhatAnswersCustomersTheModel() {
        ActiveModel.await();
        Caller reviewer = Caller.session("reviewer1");
        String home = reviewer.request().accept("text/html").get("/review").then().statusCode(200).extract().asString();
        assertTrue(home.contains("id=\"home-intro\"") && home.contains("teach the model that answers customers"), home);
        for (String page : new String[] {home, reviewer.request().accept("text/html").get("/review/judge").then().statusCode(200)
                .extract().asString()}) {
            assertFalse(page.toLowerCase(Locale.ROOT).contains("assistant"), page);
        }
    }
}
