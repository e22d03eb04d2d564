package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The menu marks the one entry the page belongs to, so a lead who followed links into a version's page or a ticket list
 * still sees where they are: a page below an entry counts as that entry, and Overview only for itself.
 */
@QuarkusTest
class MenuMarksThePageTest {
    private static final Pattern MARKED = Pattern.compile("<a href=\"([^\"]+)\" aria-current=\"page\">");

    private static List<String> marked(Caller caller, String path) {
        String page = caller.request().accept("text/html").get(path).then().statusCode(200).extract().asString();
        String menu = page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
        Matcher m = MARKED.matcher(menu);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void eachPageMarksItsOwnEntryAndNoOther() {
        Caller admin = Caller.session("admin");
        assertEquals(List.of("/admin"), marked(admin, "/admin"));
        assertEquals(List.of("/admin/models"), marked(admin, "/admin/models"));
        assertEquals(List.of("/admin/models"), marked(admin, "/admin/models/try"), "Try a ticket sits under Models");
        assertEquals(List.of("/admin/review"), marked(admin, "/admin/review"), "Review quality, not the reviewers' Review");
        assertEquals(List.of("/admin/drift"), marked(admin, "/admin/drift/"), "a trailing slash is the same page");
        assertEquals(List.of("/review"), marked(admin, "/review"));
        assertEquals(List.of("/account"), marked(Caller.session("reviewer1"), "/account"));
    }
}
