package dev.loopwise.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing browser endpoint (from the role table) refuses a signed-in admin's cookie when
 * the request does not come from a Loopwise page — with no body and no Content-Type, from another
 * origin, from a sibling subdomain, or naming no origin at all — and nothing in the database changes.
 */
@QuarkusTest
class CsrfTest {
    @Inject
    EntityManager entityManager;

    @Test
    void everyFormEndpointRefusesRequestsThatAreNotFromALoopwisePage() {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        Map<String, String> cookies = admin.cookies();
        List<Endpoints.Row> forms = Endpoints.ROWS.stream()
                .filter(row -> !row.method().equals("GET") && !row.path().startsWith("/api/")).toList();
        assertTrue(forms.size() >= 20, "form endpoints: " + forms.size());
        List<Function<RequestSpecification, RequestSpecification>> forgeries = List.of(
                request -> request, // no body, no Content-Type, no token, no Origin
                request -> request.header("Origin", "http://evil.example").contentType("application/x-www-form-urlencoded")
                        .body("csrf-token=" + admin.csrfToken()),
                request -> request.header("Origin", "http://attacker.localhost:" + io.restassured.RestAssured.port)
                        .contentType("application/json").body("{}"),
                request -> request.header("Origin", "null").contentType("text/plain").body("x"),
                request -> request.header("Sec-Fetch-Site", "same-site").contentType("application/x-www-form-urlencoded")
                        .body("csrf-token=" + admin.csrfToken()),
                // Claims to come from this very site, while its Referer names another.
                request -> request.header("Sec-Fetch-Site", "same-origin").header("Referer", "http://evil.example/page")
                        .contentType("application/x-www-form-urlencoded").body("csrf-token=" + admin.csrfToken()));
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (Endpoints.Row row : forms) {
            String path = row.path().replaceAll("\\{[^}]+}", "1");
            for (int i = 0; i < forgeries.size(); i++) {
                Response response = forgeries.get(i).apply(given().redirects().follow(false).cookies(cookies))
                        .request(row.method(), path);
                if (response.statusCode() != 403) {
                    failures.add(row.method() + " " + path + " forgery " + i + ": " + response.statusCode());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, rowCounts(), "nothing was written");
        // The same admin, from the page itself, is let through.
        admin.request().accept("text/html").get("/admin").then().statusCode(200);
    }

    /**
     * The sign-in form has no token to check, so its origin is all: a right password sent without Origin, or with
     * {@code Origin: null}, claiming to come from this site while its Referer names another, signs nobody in; from a
     * Loopwise page, naming it or not, it does.
     */
    @Test
    void aSignInWhoseRefererNamesAnotherSiteSignsNobodyIn() {
        for (Function<RequestSpecification, RequestSpecification> forgery : List.<Function<RequestSpecification, RequestSpecification>>of(
                request -> request.header("Sec-Fetch-Site", "same-origin").header("Referer", "https://evil.example/login"),
                request -> request.header("Origin", "null").header("Sec-Fetch-Site", "same-origin").header("Referer", "https://evil.example/"),
                request -> request.header("Sec-Fetch-Site", "same-site").header("Referer", "https://evil.example/"))) {
            Response refused = signIn(forgery);
            assertEquals(403, refused.statusCode());
            assertEquals(null, refused.getCookie("loopwise-session"), "nobody was signed in");
        }
        for (Function<RequestSpecification, RequestSpecification> fromHere : List.<Function<RequestSpecification, RequestSpecification>>of(
                request -> request.header("Sec-Fetch-Site", "same-origin").header("Referer", Caller.origin() + "/login"),
                request -> request.header("Sec-Fetch-Site", "same-origin"))) {
            Response signedIn = signIn(fromHere);
            assertEquals(302, signedIn.statusCode());
            assertTrue(signedIn.getCookie("loopwise-session") != null, "signed in from a Loopwise page");
        }
    }

    private static Response signIn(Function<RequestSpecification, RequestSpecification> how) {
        return how.apply(given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reviewer3").formParam("j_password", DemoWorkspace.REVIEWER_PASSWORD)).post("/j_security_check");
    }

    /**
     * The form token is the second line behind the origin check, so every form endpoint takes only a form and checks its
     * token even on a request from this very site: sent with no body, with another kind of body, or as a form without
     * the token, it is refused before it acts (a 404 for the made-up id would mean it acted), and the session lives on.
     */
    @Test
    void everyFormEndpointChecksItsTokenEvenOnARequestFromThisSite() {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        // The sign-in form has no token (nobody is signed in to hold one); the origin check above is its guard.
        List<Endpoints.Row> forms = Endpoints.ROWS.stream().filter(row -> !row.method().equals("GET") && !row.path().startsWith("/api/")
                && !row.path().equals(SameOriginFilter.LOGIN_POST_SUFFIX)
                && (Endpoints.FORM.equals(row.contentType()) || Endpoints.MULTIPART.equals(row.contentType()))).toList();
        List<Function<RequestSpecification, RequestSpecification>> tokenless = List.of(
                request -> request,
                request -> request.contentType("text/plain").body("x"),
                request -> request.contentType("application/x-www-form-urlencoded").body("page=0"),
                // A script's form post asking for JSON: refused for its token, not for the page's type (406).
                request -> request.accept("application/json").contentType("application/x-www-form-urlencoded").body("page=0"));
        // The ways that send a form (a request with no body goes as an empty one) are refused as a form without its token
        // (403), or for the kind of form where the endpoint takes an upload (415); another kind of body for carrying no
        // token at all (403), before its kind is looked at.
        Map<String, Long> before = rowCounts();
        List<String> failures = new ArrayList<>();
        for (Endpoints.Row row : forms) {
            String path = row.path().replaceAll("\\{[^}]+}", "1");
            for (int i = 0; i < tokenless.size(); i++) {
                int status = tokenless.get(i).apply(admin.request()).request(row.method(), path).statusCode();
                Set<Integer> expected = i == 1 ? Set.of(403) : Set.of(Endpoints.FORM.equals(row.contentType()) ? 403 : 415);
                if (!expected.contains(status)) {
                    failures.add(row.method() + " " + path + " without its token, way " + i + ": " + status);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, rowCounts(), "nothing was written");
        admin.request().accept("text/html").get("/admin").then().statusCode(200);
    }

    /**
     * A refused change is answered as other refusals are: a browser gets the product's error page saying why, a program
     * {code, error}; never bare text, which a browser shows as a blank page of words.
     */
    @Test
    void aRefusedChangeIsAPageForABrowserAndTheErrorShapeForAProgram() {
        Caller admin = Caller.session("admin");
        String escaped = Messages.CROSS_ORIGIN.replace("'", "&#39;");
        for (Function<RequestSpecification, RequestSpecification> forgery : List.<Function<RequestSpecification, RequestSpecification>>of(
                request -> request.header("Origin", "http://evil.example"), request -> request)) {
            String page = forgery.apply(given().redirects().follow(false).cookies(admin.cookies()).accept("text/html")
                            .contentType("application/x-www-form-urlencoded").formParam("csrf-token", admin.csrfToken()).formParam("name", "x"))
                    .post("/account/keys").then().statusCode(403).contentType(containsString("text/html")).extract().asString();
            assertTrue(page.contains("<h1>" + HttpMessages.CROSS_ORIGIN_HEADING + "</h1>") && page.contains(escaped)
                    && page.contains("Error 403"), page);
            forgery.apply(given().redirects().follow(false).cookies(admin.cookies()).accept("application/json")
                            .contentType("application/json").body("{}"))
                    .post("/account/keys").then().statusCode(403).contentType(containsString("application/json"))
                    .body("code", equalTo("cross_origin")).body("error", equalTo(Messages.CROSS_ORIGIN));
        }
        // The sign-in form's own refusal of another kind of body is a page too.
        String signIn = given().redirects().follow(false).accept("text/html").header("Origin", Caller.origin())
                .contentType("application/json").body("{}").post("/j_security_check")
                .then().statusCode(415).contentType(containsString("text/html")).extract().asString();
        assertTrue(signIn.contains(HttpMessages.errorHeading(415, "")) && signIn.contains("Sign in with the sign-in form"), signIn);
    }

    private Map<String, Long> rowCounts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            // Quartz's own tables, and the retention jobs' record of their last run, change whenever a scheduled job fires,
            // whatever the requests do.
            List<String> tables = entityManager.createNativeQuery("select tablename from pg_tables where schemaname = 'public' "
                    + "and tablename not in ('flyway_schema_history', 'retention_runs') and tablename not like 'qrtz%'").getResultList();
            for (String table : tables) {
                counts.put(table, ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
            }
            return counts;
        });
    }
}
