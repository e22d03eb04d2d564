package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On a phone the Drift page's tables read as cards, each value named by its column: an automatic action's status
 * ("waiting for your approval", "done") and its reason must not stand there unnamed, nor an alert's time and examples.
 */
@QuarkusTest
class DriftPhoneLabelsTest {
    private static final Pattern CELL = Pattern.compile("<td(?![^>]*data-label)[^>]*>(?!\\s*<form)(?!\\s*</td>)");

    @Inject
    EntityManager em;

    @Test
    void everyFilledCellOfAnActionNamesItsColumn() {
        long action = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into monitoring_actions (action, reason, status) values ('review_items', 'test: phone labels', 'done') "
                        + "returning id").getSingleResult()).longValue());
        try {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/drift").then().statusCode(200)
                    .extract().asString();
            int reason = page.indexOf("test: phone labels");
            assertTrue(reason > 0, "the action is listed");
            String row = page.substring(page.lastIndexOf("<tr>", reason), page.indexOf("</tr>", reason));
            for (String label : List.of("When", "Action", "Why", "Status")) {
                assertTrue(row.contains("data-label=\"" + label + "\""), label + " names its cell: " + row);
            }
            Matcher unnamed = CELL.matcher(row);
            assertEquals(false, unnamed.find(), "a filled cell without its column's name: " + row);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from monitoring_actions where id = ?1")
                    .setParameter(1, action).executeUpdate());
        }
    }
}
