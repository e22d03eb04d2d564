package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Import page's next step names the pages to go to after an import, and takes the lead there. */
@QuarkusTest
class ImportNextStepLinksTest {
    private static final Pattern NEXT = Pattern.compile("id=\"import-next\">(.*?)</p>", Pattern.DOTALL);

    @Test
    void theNextStepLinksToIntentsAndModels() {
        String html = Caller.session("admin").request().accept("text/html").get("/admin/import").then().statusCode(200).extract().asString();
        Matcher next = NEXT.matcher(html);
        assertTrue(next.find(), "the page has its next step");
        assertTrue(next.group(1).contains("<a href=\"/admin/intents\">Intents</a>"), next.group(1));
        assertTrue(next.group(1).contains("<a href=\"/admin/models\">Models</a>"), next.group(1));
    }
}
