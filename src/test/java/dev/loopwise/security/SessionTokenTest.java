package dev.loopwise.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change made with a browser session carries the page's token whatever its body: an empty POST, one with no Content-Type,
 * a text/plain or a JSON one is refused without it (403 token_missing) and nothing is written; with the token in the
 * X-CSRF-TOKEN header it goes through. A call with an API key needs no token, cookies or not.
 */
@QuarkusTest
class SessionTokenTest {
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    String name;
    Caller browser;

    @BeforeEach
    void signIn() {
        name = "tok" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(name, "long-enough-pw", Role.REVIEWER, null));
        browser = Caller.session(name, "long-enough-pw");
    }

    @Test
    void aChangeWithoutItsTokenIsRefusedWhateverItsBody() throws Exception {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            // No Content-Type at all, with and without a body: the kind of request that made a key on the cookie alone.
            for (String body : new String[] {"", "name=forged"}) {
                HttpResponse<String> answer = send(method, "/account/keys", "application/json", body, null);
                assertEquals(403, answer.statusCode(), method + " '" + body + "': " + answer.body());
                assertTrue(answer.body().contains("\"code\":\"token_missing\""), answer.body());
            }
            for (String[] typed : new String[][] {{"text/plain", "name=forged"}, {"application/json", "{\"name\":\"forged\"}"},
                    {"application/json", ""}}) {
                browser.request().accept("application/json").contentType(typed[0]).body(typed[1]).request(method, "/account/keys")
                        .then().statusCode(403).body("code", equalTo("token_missing")).body("error", equalTo(Messages.TOKEN_MISSING));
            }
        }
        // A form type in other letter cases is no form to Quarkus' check, which then reads no field: it needs the header.
        for (String type : List.of("Application/X-WWW-Form-Urlencoded", "MULTIPART/FORM-DATA; boundary=x")) {
            HttpRequest typed = HttpRequest.newBuilder(URI.create(Caller.origin() + "/account/keys")).header("Cookie", cookieHeader())
                    .header("Origin", Caller.origin()).header("Accept", "application/json").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(typed, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, answer.statusCode(), type + ": " + answer.body());
            assertTrue(answer.body().contains("\"code\":\"token_missing\""), answer.body());
        }
        // Nor does a blank header stand in for the token.
        assertEquals(403, send("POST", "/account/keys", "application/json", "", " ").statusCode());
        assertEquals(0, keysOfAccount(), "no refused request made a key");
    }

    @Test
    void aBrowserIsShownWhyOnThePage() {
        String page = browser.request().accept("text/html").contentType("text/plain").body("name=forged").post("/account/keys")
                .then().statusCode(403).extract().asString();
        assertTrue(page.contains("<h1>" + HttpMessages.CROSS_ORIGIN_HEADING + "</h1>")
                && page.contains(Messages.TOKEN_MISSING.replace("'", "&#39;")), page);
        assertEquals(0, keysOfAccount());
    }

    @Test
    void withTheTokenInItsHeaderTheChangeGoesThrough() throws Exception {
        HttpResponse<String> made = send("POST", "/account/keys", "text/html", "", browser.csrfToken());
        assertEquals(303, made.statusCode(), made.body());
        assertEquals(1, keysOfAccount(), "the empty post with its token made the key");
        // Past the token check, a body the form's address does not take is refused for its type, not for its token.
        Response typed = browser.request().header("X-CSRF-TOKEN", browser.csrfToken()).accept("application/json")
                .contentType("text/plain").body("name=x").post("/account/keys");
        assertEquals(415, typed.statusCode(), typed.asString());
        // A token that is not this browser's is an expired page, as the judging page's script is told.
        HttpResponse<String> stale = send("POST", "/account/keys", "text/html", "", "AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(400, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains(HttpMessages.PAGE_EXPIRED), stale.body());
        assertEquals(1, keysOfAccount());
    }

    /**
     * No other site can add an Authorization header: a call with a key acts without a token, the browser's cookies or not,
     * on a page's address too, where the same call on the cookies alone is refused for its missing token. (The API's own
     * addresses take keys only, so a call there never needs one.)
     */
    @Test
    void aCallWithAnApiKeyNeedsNoToken() throws Exception {
        String key = Caller.apiKey(keys, name).apiKey();
        long before = keysOfAccount();
        HttpResponse<String> byCookies = HttpClient.newHttpClient().send(keyPost(null), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, byCookies.statusCode(), byCookies.body());
        assertTrue(byCookies.body().contains(Messages.TOKEN_MISSING.replace("'", "&#39;")), byCookies.body());
        assertEquals(before, keysOfAccount(), "the cookies alone made no key");

        HttpResponse<String> byKey = HttpClient.newHttpClient().send(keyPost(key), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, byKey.statusCode(), byKey.body());
        assertEquals(before + 1, keysOfAccount(), "the call with a key made one");
    }

    /**
     * A key that is no one's does not fall back on the cookies beside it: the call is not signed in, so it is sent to sign in,
     * and no key is made, as neither the key (unknown) nor the cookies (no token) allow it.
     */
    @Test
    void aWrongApiKeyBesideTheCookiesIsSentToSignIn() throws Exception {
        long before = keysOfAccount();
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(keyPost("lw_not_a_real_key"), HttpResponse.BodyHandlers.ofString());
        assertEquals(3, wrong.statusCode() / 100, wrong.statusCode() + " " + wrong.body());
        assertEquals("/login", URI.create(Caller.origin()).resolve(wrong.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals(before, keysOfAccount(), "no key was made");
    }

    /** The account page's "new key" form sent with no body and no token, as a script would: with {@code key}, when not null. */
    private HttpRequest keyPost(String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Caller.origin() + "/account/keys")).header("Cookie", cookieHeader())
                .header("Origin", Caller.origin()).header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    /** Sent exactly as written, so that a request can go without any Content-Type, as a browser's fetch() with no body does. */
    private HttpResponse<String> send(String method, String path, String accept, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Caller.origin() + path)).header("Cookie", cookieHeader())
                .header("Origin", Caller.origin()).header("Accept", accept)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookieHeader() {
        return browser.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** Counts this account's keys, and hands each to the removal after the test. */
    private long keysOfAccount() {
        List<ApiKey> made = QuarkusTransaction.requiringNew().call(() -> ApiKey.list("user.username", name));
        made.forEach(key -> ScratchAccounts.keyWithId(key.id));
        return made.size();
    }
}
