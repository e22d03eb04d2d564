package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On every admin page a query parameter sent empty ("?before=", "?intent=", as a form with an empty field sends it) counts
 * as not sent: the page shows as without it, with no refusal, whichever parameter it is.
 */
@QuarkusTest
class EmptyQueryValuesTest {

    @Test
    void anEmptyParameterIsReadAsAbsentOnEveryAdminPage() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/admin/models", List.of("run", "before"));
        pages.put("/admin/audit", List.of("before"));
        pages.put("/admin/tickets", List.of("before", "after", "unlabelled", "labelled"));
        pages.put("/admin/drift", List.of("replayed", "failed", "checks", "alerts"));
        pages.put("/admin/review", List.of("decided", "made", "asked", "short", "gold", "proposed", "compared", "on"));
        pages.put("/admin/knowledge", List.of("ticket", "before", "imported", "passages", "replaced", "shared1", "sharedMore", "leftOut",
                "leftOut1"));
        pages.put("/admin/intents", List.of("saved", "removed", "into", "renamed"));
        pages.put("/admin/replies", List.of("intent", "labelled", "created", "saved"));
        pages.put("/admin/users", List.of("created", "updated", "keyFor"));
        Caller admin = Caller.session("admin");
        List<String> refused = new ArrayList<>();
        pages.forEach((page, parameters) -> {
            List<String> all = new ArrayList<>(parameters);
            all.add(null); // every parameter of the page empty at once
            for (String parameter : all) {
                var request = admin.pageRequest().accept("text/html");
                for (String name : parameter == null ? parameters : List.of(parameter)) {
                    request.queryParam(name, "");
                }
                var answer = request.get(page);
                String body = answer.asString();
                // A page's error paragraph is there hidden, for its scripts; a refusal shows one that is not.
                if (answer.statusCode() != 200 || body.matches("(?s).*class=\"alert error\"(?! hidden)[^>]*>.*")) {
                    refused.add(answer.statusCode() + " " + page + "?" + (parameter == null ? String.join("=&", parameters) : parameter) + "=");
                }
            }
        });
        assertEquals(List.of(), refused, "pages that refused an empty parameter");
        // What is sent is still read: a cursor that is no number is refused, saying so, as before.
        assertEquals(400, admin.pageRequest().accept("text/html").queryParam("before", "abc").get("/admin/audit").statusCode());
    }
}
