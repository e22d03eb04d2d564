package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The version that answers customers has one name on the pages, "active": a support lead who read "active" on Models
 * and "serving" on Rounds would take them for two different versions.
 */
@QuarkusTest
class ActiveVersionWordTest {
    private static final Pattern OTHER_WORD = Pattern.compile("(?i)\\b(serving|serves)\\b");

    @Test
    void thePagesAboutVersionsCallTheOneAnsweringCustomersActive() {
        Caller admin = Caller.session("admin");
        for (String page : List.of("/admin", "/admin/models", "/admin/models/try", "/admin/rounds", "/admin/review",
                "/admin/drift")) {
            String html = admin.request().accept("text/html").get(page).then().statusCode(200).extract().asString();
            String text = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("<[^>]+>", " ");
            Matcher other = OTHER_WORD.matcher(text);
            if (other.find()) {
                fail(page + " says \"" + text.substring(Math.max(0, other.start() - 60), Math.min(text.length(), other.end() + 60)) + "\"");
            }
        }
        assertTrue(html("/admin/models").contains("active"), "Models names the active version");
    }

    private static String html(String page) {
        return Caller.session("admin").request().accept("text/html").get(page).then().statusCode(200).extract().asString();
    }
}
