package dev.loopwise.security.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A key name refused at "Create an API key for a helpdesk" is said under that form, with the name typed kept and the
 * field marked, not at the top of the page far from where the lead typed it.
 */
@QuarkusTest
class HelpdeskKeyRefusalTest {
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aDuplicateNameIsSaidAtTheHelpdeskForm() {
        User helpdesk = ScratchAccounts.user(users.create("helpdesk-" + UUID.randomUUID().toString().substring(0, 8), null, Role.SERVICE, null));
        ScratchAccounts.key(keys.create(helpdesk.username, "Zendesk"));
        Caller admin = Caller.session("admin");

        Document page = refused(admin, helpdesk.id, "zendesk", 409);
        assertRefusedAtHelpdeskForm(page, helpdesk.id, "zendesk");
    }

    @Test
    void aTooLongNameIsSaidAtTheHelpdeskForm() {
        User helpdesk = ScratchAccounts.user(users.create("helpdesk-" + UUID.randomUUID().toString().substring(0, 8), null, Role.SERVICE, null));
        Caller admin = Caller.session("admin");
        String name = "k".repeat(101);

        Document page = refused(admin, helpdesk.id, name, 400);
        assertRefusedAtHelpdeskForm(page, helpdesk.id, name);
    }

    @Test
    void aNameRefusedInAnAccountsFoldIsStillSaidThere() {
        User helpdesk = ScratchAccounts.user(users.create("helpdesk-" + UUID.randomUUID().toString().substring(0, 8), null, Role.SERVICE, null));
        ScratchAccounts.key(keys.create(helpdesk.username, "Freshdesk"));
        Caller admin = Caller.session("admin");

        Response answer = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", "freshdesk").formParam("csrf-token", admin.csrfToken()).post("/admin/users/" + helpdesk.id + "/keys");
        assertEquals(409, answer.statusCode(), answer.asString());
        Document page = Jsoup.parse(answer.asString());
        assertNotNull(page.getElementById("users-error"), "the fold's refusal is said at the top, which its field points to");
        assertTrue(page.select("#helpdesk-key-error").isEmpty(), "and not under the helpdesk form");
        Element row = page.selectFirst("tr[data-username=" + helpdesk.username + "]");
        assertTrue(row.selectFirst("details").hasAttr("open"), row.outerHtml());
        Element field = row.selectFirst("form[action=/admin/users/" + helpdesk.id + "/keys] input[name=name]");
        assertEquals("freshdesk", field.val());
        assertEquals("users-error", field.attr("aria-describedby"));
    }

    @Test
    void aRefusalForAnAccountDisabledMeanwhileIsSaidAtTheTop() {
        User helpdesk = ScratchAccounts.user(users.create("helpdesk-" + UUID.randomUUID().toString().substring(0, 8), null, Role.SERVICE, null));
        Caller admin = Caller.session("admin");
        // Disabled in another tab after this page was loaded: the helpdesk section no longer lists the account.
        users.update("admin", helpdesk.id, new UserService.UserChange(null, null, null, true));

        Document page = refused(admin, helpdesk.id, "Zendesk", 409);
        assertNotNull(page.getElementById("users-error"), "with no helpdesk form to stand under, the top of the page says it");
        assertTrue(page.select("#helpdesk-key-error").isEmpty(), page.select("#helpdesk-key").outerHtml());
    }

    private static Document refused(Caller admin, long id, String name, int status) {
        Response answer = admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .formParam("name", name).formParam("from", "helpdesk").formParam("csrf-token", admin.csrfToken())
                .post("/admin/users/" + id + "/keys");
        assertEquals(status, answer.statusCode(), answer.asString());
        return Jsoup.parse(answer.asString());
    }

    private static void assertRefusedAtHelpdeskForm(Document page, long id, String typed) {
        assertTrue(page.select("#users-error").isEmpty(), "nothing at the top of the page: " + page.select(".alert.error"));
        Element form = page.selectFirst("#helpdesk-key form[action=/admin/users/" + id + "/keys]");
        assertNotNull(form, "the helpdesk form of the account is there");
        Element message = form.nextElementSibling();
        assertNotNull(message);
        assertEquals("helpdesk-key-error", message.id(), "the sentence stands right under the form: " + message.outerHtml());
        assertFalse(message.text().isBlank());
        Element field = form.selectFirst("input[name=name]");
        assertEquals(typed, field.val(), "the name typed is kept");
        assertEquals("true", field.attr("aria-invalid"));
        assertEquals("helpdesk-key-error", field.attr("aria-describedby"));
        assertEquals(1, page.select("#helpdesk-key-error").size(), "one sentence, at the form that was used");
        assertTrue(page.select("tr[data-username] details[open]").isEmpty(), "no account's fold opens for it");
    }
}
