package dev.loopwise.alignment.round;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An address of a round that does not exist says so in the words the Rounds page uses. */
@QuarkusTest
class MissingRoundWordsTest {

    @Test
    void aMissingRoundIsNamedAnImprovementRound() {
        Caller.session("admin").request().accept("text/html").get("/admin/rounds/987654321").then().statusCode(404)
                .body(containsString("No improvement round 987654321.")).body(not(containsString("alignment round")));
    }
}
