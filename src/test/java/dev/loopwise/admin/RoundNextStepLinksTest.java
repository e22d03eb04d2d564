package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A round's "What to do next" sends the lead to another page ("Check agreement on Review quality"): the page it names is a
 * link, as on Models, rather than a word to look for in the menu.
 */
@QuarkusTest
class RoundNextStepLinksTest {

    @Test
    void thePagesTheNextStepNamesAreLinks() {
        long id = UndecidedRounds.ended(new RoundResult.Gate("reward_accuracy", false, "…", RoundResult.FAIL, null, null, null, null));
        QuarkusTransaction.requiringNew().run(() -> AlignmentRound.update("status = ?1 where id = ?2", AlignmentRound.REJECTED, id));
        try {
            String html = Caller.session("admin").request().accept("text/html").get("/admin/rounds/" + id).then().statusCode(200)
                    .extract().asString();
            String box = html.substring(html.indexOf("id=\"round-next\""));
            box = box.substring(0, box.indexOf("</p>"));
            assertTrue(box.contains("Check agreement on <a href=\"/admin/review\">Review quality</a>"), box);
            assertFalse(box.contains("on Review quality"), box);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(id));
        }
    }
}
