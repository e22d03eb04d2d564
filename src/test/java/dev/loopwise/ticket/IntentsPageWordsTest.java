package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Intents page says what an intent is, opens its next step with what to do rather than with how things stand, and says
 * under each intent how many labelled tickets and replies it has.
 */
@QuarkusTest
class IntentsPageWordsTest {
    private static final Pattern NEXT = Pattern.compile("What to do next:</strong> (<span id=\"intents-none\">)?([^<]*)");

    private static String page() {
        return Caller.session("admin").request().accept("text/html").get("/admin/intents").then().statusCode(200).extract().asString()
                .replaceAll("\\s+", " ");
    }

    private static String nextStep(String page) {
        Matcher next = NEXT.matcher(page);
        assertTrue(next.find(), page);
        return next.group(2);
    }

    @Test
    void theNextStepBeginsWithTheActionWhetherOrNotEveryIntentIsReady() {
        String before = page();
        assertTrue(before.contains("An intent is one kind of request your customers make"), before);
        // Other tests may leave the workspace ready or not: either way the line starts with what to do.
        String first = nextStep(before);
        assertTrue(first.startsWith("train a new version on ") || first.startsWith("get these intents ready, then train a new version on "),
                first);
        long id = ScratchIntents.create("gift_wrapping_words");
        try {
            String unready = page();
            assertTrue(nextStep(unready).startsWith("get these intents ready, then train a new version on "), unready);
            assertFalse(unready.contains("not every intent is ready"), unready);
            assertTrue(unready.contains("id=\"intents-undescribed\""), unready);
            // Each row says what its intent has: the new one nothing yet, the out-of-scope one no word of replies.
            int row = unready.indexOf("value=\"gift_wrapping_words\"");
            int counts = unready.indexOf("<p class=\"muted intent-counts\">no labelled tickets, no replies</p>", row);
            assertTrue(row > 0 && counts > row && counts < unready.indexOf("</td>", row), unready);
            int outOfScope = unready.indexOf("value=\"oos\"");
            int oosLine = unready.indexOf("intent-counts\">", outOfScope);
            String oosCounts = unready.substring(oosLine, unready.indexOf("</p>", oosLine));
            assertTrue(oosCounts.contains("labelled ticket") && !oosCounts.contains("repl"), oosCounts);
        } finally {
            ScratchIntents.delete(id);
        }
    }
}
