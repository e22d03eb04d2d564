package dev.loopwise.security;

import static io.restassured.RestAssured.given;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Someone calling Loopwise in a test: nobody, a browser session (cookies and the CSRF token that a
 * page gave it), or a REST client with an API key. Accounts are the demo workspace's.
 */
public final class Caller {
    public enum Kind { ANONYMOUS, SESSION, API_KEY }

    public final String label;
    public final Kind kind;
    public final String username;
    final Map<String, String> cookies = new HashMap<>();
    String csrfToken = "";
    String apiKey;

    private Caller(String label, Kind kind, String username) {
        this.label = label;
        this.kind = kind;
        this.username = username;
    }

    public static Caller anonymous() {
        return new Caller("anonymous", Kind.ANONYMOUS, null);
    }

    /** Logs in through the real login form. */
    public static Caller session(String username) {
        return session(username, username.equals("admin") ? DemoWorkspace.ADMIN_PASSWORD : DemoWorkspace.REVIEWER_PASSWORD);
    }

    public static Caller session(String username, String password) {
        Caller caller = new Caller(username + " (session)", Kind.SESSION, username);
        Response login = given().redirects().follow(false).header("Origin", origin()).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        if (login.statusCode() != 302 || login.getCookie("loopwise-session") == null) {
            throw new AssertionError("login as " + username + " failed: " + login.statusCode());
        }
        caller.cookies.put("loopwise-session", login.getCookie("loopwise-session"));
        caller.cookies.put(SessionStamps.COOKIE, login.getCookie(SessionStamps.COOKIE));
        caller.fetchCsrfToken();
        return caller;
    }

    /** Names the keys apart: an account's keys in use have names of their own. */
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** A REST client holding a fresh API key of the user. */
    public static Caller apiKey(ApiKeyService keys, String username) {
        Caller caller = new Caller(username + " (API key)", Kind.API_KEY, username);
        caller.apiKey = ScratchAccounts.key(keys.create(username, "test " + KEYS.incrementAndGet())).secret();
        caller.fetchCsrfToken();
        return caller;
    }

    /** A REST client whose key has no rate limit, for tests that send many requests. */
    public static Caller apiKeyWithoutLimit(ApiKeyService keys, String username) {
        Caller caller = new Caller(username + " (API key, no limit)", Kind.API_KEY, username);
        caller.apiKey = ScratchAccounts.key(keys.create(username, "test without limit " + KEYS.incrementAndGet(), 0)).secret();
        caller.fetchCsrfToken();
        return caller;
    }

    /**
     * A new reviewer of its own (so no other test's judgements are in its way), calling with an API key. The account and
     * its judgements are removed after the test (see {@link ScratchAccounts}).
     */
    public static Caller reviewer(UserService users, ApiKeyService keys) {
        return scratch(users, keys, "reviewer-", "long-enough-pw", Role.REVIEWER);
    }

    /** A helpdesk integration: a new service account and an API key of it, removed after the test. */
    public static Caller service(UserService users, ApiKeyService keys) {
        return scratch(users, keys, "helpdesk-", null, Role.SERVICE);
    }

    private static Caller scratch(UserService users, ApiKeyService keys, String prefix, String password, String role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(name, password, role, null));
        return apiKey(keys, name);
    }

    /** Any page hands out the CSRF cookie and token that forms must send back; the login page to anyone. */
    void fetchCsrfToken() {
        if (!readCsrfToken(pageRequest().accept("text/html").get("/account"))) {
            readCsrfToken(given().accept("text/html").get("/login"));
        }
    }

    private boolean readCsrfToken(Response page) {
        String cookie = page.getCookie("loopwise-csrf");
        String html = page.asString();
        int at = html.indexOf("name=\"csrf-token\" value=\"");
        if (cookie == null || at < 0) {
            return false;
        }
        cookies.put("loopwise-csrf", cookie);
        int start = at + "name=\"csrf-token\" value=\"".length();
        csrfToken = html.substring(start, html.indexOf('"', start));
        return true;
    }

    /** This server's origin, as a browser on one of its pages would send it. */
    public static String origin() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    /** The cookies a browser holds for this session, to copy them as an attacker would. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * A request carrying this caller's credentials as its client would: a browser its cookies, a REST
     * client only its key. Redirects are not followed so they can be asserted.
     */
    public RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false);
        if (kind == Kind.SESSION) {
            // A browser names the page's origin on every POST.
            spec = spec.cookies(cookies).header("Origin", origin());
        }
        if (apiKey != null) {
            spec = spec.header("Authorization", "Bearer " + apiKey);
        }
        return spec;
    }

    /** A request to a page: cookies (including the CSRF cookie a form needs) and the key, if any. */
    public RequestSpecification pageRequest() {
        return request().cookies(kind == Kind.SESSION ? Map.of() : cookies);
    }

    /**
     * The page a refused form lands on, as a browser follows it: the form is answered with a redirect to its page's own
     * address, and that page, answering {@code status}, says why.
     */
    public String landedOn(Response answer, int status) {
        String location = answer.then().statusCode(303).extract().header("Location");
        // As the server wrote it: encoded again, the sealed values would read otherwise.
        return pageRequest().accept("text/html").urlEncodingEnabled(false).get(location).then().statusCode(status).extract().asString();
    }

    @Override
    public String toString() {
        return label;
    }
}
