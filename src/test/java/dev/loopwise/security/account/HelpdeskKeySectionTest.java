package dev.loopwise.security.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A support lead who wants "a key for our helpdesk" finds it on Users without opening any account's Change. */
@QuarkusTest
class HelpdeskKeySectionTest {
    @Inject
    UserService users;

    @Test
    void theUsersPageOffersAHelpdeskKeyForEachEnabledServiceAccountAndShowsItOnceWithACopyButton() {
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        User helpdesk = ScratchAccounts.user(users.create("desk" + tag, null, Role.SERVICE, null));
        User person = ScratchAccounts.user(users.create("lead" + tag, "long-enough-pw", Role.ADMIN, null));
        Caller admin = Caller.session("admin");

        String section = section(admin.request().accept("text/html").get("/admin/users").then().statusCode(200).extract().asString());
        assertTrue(section.contains("Create an API key for a helpdesk"), section);
        assertTrue(section.contains("not your own"), "the page says which account a helpdesk's key belongs to: " + section);
        assertTrue(section.contains("action=\"/admin/users/" + helpdesk.id + "/keys\""), section);
        assertTrue(!section.contains("action=\"/admin/users/" + person.id + "/keys\""), "a person's account is no helpdesk's: " + section);

        Response made = admin.request().redirects().follow(false).accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", "helpdesk").formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + helpdesk.id + "/keys");
        assertEquals(303, made.statusCode(), made.asString());
        Map<String, String> cookies = new HashMap<>(admin.cookies());
        cookies.put(NewKeyCookie.NAME, made.getCookie(NewKeyCookie.NAME));
        String shown = given().cookies(cookies).accept("text/html").get(made.getHeader("Location")).then().statusCode(200)
                .extract().asString();
        String issued = shown.substring(shown.indexOf("id=\"issued-key\""), shown.indexOf("</div>", shown.indexOf("id=\"issued-key\"")));
        assertTrue(issued.contains("it will not be shown again"), issued);
        assertTrue(issued.contains("<button type=\"button\" data-copy=\"issued-secret\" aria-live=\"polite\" autofocus>Copy the key</button>"), issued);
        assertTrue(shown.contains("<script src=\"/js/copy-key.js\"></script>"), "the copy button has its script");
        // The key comes with where it goes: the answering endpoint, and the reference that describes it (which answers an admin).
        assertTrue(issued.contains("<code>POST /api/v1/respond</code>") && issued.contains("<a href=\"/q/swagger-ui/\">API reference</a>"),
                issued);
        admin.request().accept("text/html").get("/q/swagger-ui/").then().statusCode(200);
        given().get("/js/copy-key.js").then().statusCode(200);
    }

    private static String section(String page) {
        String section = page.substring(page.indexOf("<section id=\"helpdesk-key\">"));
        return section.substring(0, section.indexOf("</section>"));
    }
}
