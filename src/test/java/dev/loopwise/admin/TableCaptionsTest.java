package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A screen reader lists a page's tables by their names: every table on the admin pages has one. */
@QuarkusTest
class TableCaptionsTest {
    @Inject
    EntityManager em;

    @Test
    void everyTableOnTheAdminPagesIsNamed() {
        int version = ActiveModel.await();
        long round = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(id), 0) from alignment_rounds").getSingleResult()).longValue());
        List<String> pages = new ArrayList<>(List.of("/admin", "/admin/tickets", "/admin/users", "/admin/intents", "/admin/replies",
                "/admin/knowledge", "/admin/models", "/admin/models/" + version, "/admin/rounds", "/admin/drift", "/admin/review",
                "/admin/audit", "/admin/llm", "/account"));
        if (round > 0) {
            pages.add("/admin/rounds/" + round);
        }
        Caller admin = Caller.session("admin");
        List<String> unnamed = new ArrayList<>();
        int tables = 0;
        for (String page : pages) {
            String html = admin.request().accept("text/html").get(page).then().statusCode(200).extract().asString();
            for (Element table : Jsoup.parse(html).select("table")) {
                tables++;
                Element caption = table.selectFirst("> caption");
                boolean named = caption != null && !caption.text().isBlank() || !table.attr("aria-label").isBlank();
                if (!named) {
                    unnamed.add(page + " " + (table.id().isEmpty() ? table.className() : "#" + table.id()));
                }
            }
        }
        assertTrue(tables >= 5, "the pages show tables: " + tables);
        assertEquals(List.of(), unnamed, "tables without a caption or aria-label");
    }
}
