package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Users page's Change form, saved as a browser sends it. */
@QuarkusTest
class UsersPageTest {
    @Inject
    ApiKeyService keys;

    @Test
    void savingAnUnchangedFormKeepsEveryRole() {
        String name = "multi" + System.nanoTime() % 1_000_000;
        long id = Caller.apiKey(keys, "admin").request().contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"roles\":[\"admin\",\"service\"]}")
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Caller admin = Caller.session("admin");
        String page = admin.request().accept("text/html").get("/admin/users").then().statusCode(200).extract().asString();
        String form = page.substring(page.indexOf("action=\"/admin/users/" + id + "\""));
        form = form.substring(form.indexOf("<select name=\"role\">"), form.indexOf("</select>"));
        // What the browser sends is the option shown selected: the account's roles together, as they are.
        Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected>([^<]*)</option>").matcher(form);
        assertTrue(selected.find(), form);
        assertEquals("admin,service", selected.group(1), form);
        assertEquals("admin and service, as now", selected.group(2));
        assertTrue(!selected.find(), "one role option is selected: " + form);

        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("displayName", name).formParam("role", "admin,service").formParam("password", "")
                .formParam("status", "enabled").formParam("csrf-token", admin.csrfToken())
                .post("/admin/users/" + id).then().statusCode(303);
        assertEquals("admin,service", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).roles));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "user.role_change", "account " + name)));

        // A single-role account's form selects that role alone.
        String reviewerForm = page.substring(page.indexOf("data-username=\"reviewer1\""));
        reviewerForm = reviewerForm.substring(0, reviewerForm.indexOf("</select>"));
        assertTrue(reviewerForm.contains("<option value=\"reviewer\" selected>reviewer</option>"), reviewerForm);
        assertTrue(!reviewerForm.contains(", as now"), reviewerForm);
    }
}
