package dev.loopwise.security.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Users page's Change form, saved as a browser sends it. */
@QuarkusTest
class UsersPageTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void savingAnUnchangedFormKeepsEveryRole() {
        String name = "multi" + System.nanoTime() % 1_000_000;
        long id = Caller.apiKey(keys, "admin").request().contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"long-enough-pw\",\"roles\":[\"admin\",\"service\"]}")
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        ScratchAccounts.userNamed(name);
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

    @Test
    void eachAccountListsItsOwnKeysInUseNewestFirst() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("keysa", "keysb", "keysc")) {
            ids.add(users.create(name + tag, null, Role.SERVICE, null).id);
        }
        try {
            keys.create("keysa" + tag, "first of a");
            keys.create("keysb" + tag, "only of b");
            keys.create("keysa" + tag, "second of a");
            long revoked = keys.create("keysa" + tag, "rotated out of a").key().id;
            keys.revoke(revoked, "admin", true);

            String page = Caller.session("admin").request().accept("text/html").get("/admin/users").then().statusCode(200)
                    .extract().asString();
            assertEquals(List.of("second of a", "first of a"), keysInUse(page, "keysa" + tag));
            assertEquals(List.of("only of b"), keysInUse(page, "keysb" + tag));
            // A key's name in quotes: "Revoke the key command line of …" read as if "command line" were not a name.
            assertTrue(page.contains("data-confirm=\"Revoke the key “only of b” of keysb" + tag + "?"), row(page, "keysb" + tag));
            String row = row(page, "keysc" + tag);
            assertTrue(!row.contains("API keys in use"), row);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from api_keys where user_id = any(?1)").setParameter(1, ids.toArray(Long[]::new))
                        .executeUpdate();
                em.createNativeQuery("delete from users where id = any(?1)").setParameter(1, ids.toArray(Long[]::new)).executeUpdate();
            });
        }
    }

    @Test
    void anAdminWhoChangesTheirOwnRoleStaysSignedInAndOtherSessionsEnd() {
        String name = "selfrole" + System.nanoTime() % 1_000_000;
        long id = ScratchAccounts.user(users.create(name, "long-enough-pw", Role.ADMIN, null)).id;
        Caller lead = Caller.session(name, "long-enough-pw");
        Caller elsewhere = Caller.session(name, "long-enough-pw");

        Response saved = lead.request().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("displayName", name).formParam("role", "admin,reviewer").formParam("password", "")
                .formParam("csrf-token", lead.csrfToken()).post("/admin/users/" + id);
        assertEquals(303, saved.statusCode(), saved.asString());
        String stamp = saved.getCookie(SessionStamps.COOKIE);
        assertTrue(stamp != null, "the session that made the change gets a new stamp");

        Map<String, String> renewed = new HashMap<>(lead.cookies());
        renewed.put(SessionStamps.COOKIE, stamp);
        given().cookies(renewed).accept("text/html").redirects().follow(false).get("/admin/users?updated=" + name).then()
                .statusCode(200).body(containsString("Saved the changes to " + name + "."));
        assertNotEquals(200, elsewhere.request().redirects().follow(false).accept("text/html").get("/admin/users").statusCode(),
                "another session of the account ends with the role change");
    }

    /** A form sends every field: one emptied shows the username again; spaces typed there are refused, as on the API. */
    @Test
    void anEmptiedDisplayNameShowsTheUsernameAndOneOfSpacesIsRefused() {
        String name = "rename" + System.nanoTime() % 1_000_000;
        long id = ScratchAccounts.user(users.create(name, "long-enough-pw", Role.REVIEWER, "Sam Rename")).id;
        Caller admin = Caller.session("admin");
        Response refused = admin.request().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("displayName", "   ").formParam("role", "reviewer").formParam("password", "")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + id);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("A display name cannot be blank"), refused.asString());
        assertEquals("Sam Rename", QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).displayName));
        Response saved = admin.request().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("displayName", "").formParam("role", "reviewer").formParam("password", "")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + id);
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(name, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).displayName));
    }

    private static List<String> keysInUse(String page, String username) {
        String row = row(page, username);
        assertTrue(row.contains("API keys in use"), row);
        String list = row.substring(row.indexOf("<ul class=\"keys-in-use\">"), row.indexOf("</ul>"));
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("<code>[^<]*</code> ([^<]*?) · last used never").matcher(list);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static String row(String page, String username) {
        String row = page.substring(page.indexOf("<tr data-username=\"" + username + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    /** A name the browser refuses ("Alice Smith") was refused with "Please match the requested format", not saying which. */
    @Test
    void theUsernameFieldSaysItsRuleBeforeTheFormIsSent() {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/users").then().statusCode(200).extract().asString();
        String field = page.substring(page.indexOf("<input name=\"username\""));
        field = field.substring(0, field.indexOf('>'));
        assertTrue(field.contains("title=\"" + AccountMessages.USERNAME_RULE.replace("'", "&#39;") + "\""), field);
    }
}
