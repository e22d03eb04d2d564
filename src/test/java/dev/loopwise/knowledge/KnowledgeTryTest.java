package dev.loopwise.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * "Find passages" with nothing in the box says what to type, rather than reload the page showing nothing, a button that
 * seems to do nothing; the box asks for a ticket before the form is even sent.
 */
@QuarkusTest
class KnowledgeTryTest {

    @Test
    void findPassagesWithAnEmptyBoxSaysWhatToType() {
        Caller browser = Caller.session("admin");
        for (String ticket : new String[] {"", "   \n "}) {
            String page = browser.pageRequest().accept("text/html").formParam("csrf-token", browser.csrfToken()).formParam("ticket", ticket)
                    .post("/admin/knowledge/try").then().statusCode(400).extract().asString();
            assertTrue(page.contains("id=\"knowledge-error\"") && page.contains(WorkspaceMessages.KNOWLEDGE_TRY_EMPTY.replace("'", "&#39;")),
                    page);
        }
        String page = browser.pageRequest().accept("text/html").get("/admin/knowledge").then().statusCode(200).extract().asString();
        assertTrue(page.matches("(?s).*<textarea name=\"ticket\"[^>]*\\brequired\\b.*"), "the box is required before sending");
    }
}
