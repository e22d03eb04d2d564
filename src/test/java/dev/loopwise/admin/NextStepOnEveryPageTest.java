package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every admin page tells a support lead, in a sentence, what to do next. */
@QuarkusTest
class NextStepOnEveryPageTest {
    private static final Pattern NEXT = Pattern.compile("(What to do next:</strong>|Next step: )\\s*([^<]{20,})");

    @Inject
    EntityManager em;

    @Test
    void eachAdminPageSaysWhatToDoNext() {
        int version = ActiveModel.await();
        long round = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(id), 0) from alignment_rounds").getSingleResult()).longValue());
        List<String> pages = new ArrayList<>(List.of("/admin", "/admin/tickets", "/admin/users", "/admin/import", "/admin/intents",
                "/admin/replies", "/admin/knowledge", "/admin/models", "/admin/models/" + version, "/admin/rounds", "/admin/drift", "/admin/review",
                "/admin/audit", "/admin/llm"));
        if (round > 0) {
            pages.add("/admin/rounds/" + round);
        }
        Caller admin = Caller.session("admin");
        List<String> without = new ArrayList<>();
        for (String page : pages) {
            String html = admin.request().accept("text/html").get(page).then().statusCode(200).extract().asString();
            Matcher next = NEXT.matcher(html);
            if (!next.find() && !html.contains("The loop is running")) {
                without.add(page);
            }
        }
        assertEquals(List.of(), without, "admin pages without a next step");
        String versionPage = admin.request().accept("text/html").get("/admin/models/" + version).then().extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(versionPage.contains("goes to a person"),
                "the version page explains its hand-over line");
    }
}
