package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ticket in Arabic or Hebrew laid out left to right puts its question mark at the wrong end and scrambles the numbers
 * it quotes: the ticket, both replies and the boxes a reviewer writes in take the direction of their own text.
 */
@QuarkusTest
class TextDirectionTest {
    @Test
    void theTicketTheRepliesAndWhatTheReviewerWritesRunInTheirOwnScriptsDirection() {
        ActiveModel.await();
        String judge = Caller.session("reviewer1").request().accept("text/html").get("/review/judge").then().statusCode(200)
                .extract().asString();
        for (String id : List.of("ticket-text", "text-A", "text-B", "rewrite", "skip-other")) {
            int at = judge.indexOf("id=\"" + id + "\"");
            assertTrue(at > 0, id);
            String tag = judge.substring(judge.lastIndexOf('<', at), judge.indexOf('>', at));
            assertTrue(tag.contains("dir=\"auto\""), tag);
        }
    }
}
