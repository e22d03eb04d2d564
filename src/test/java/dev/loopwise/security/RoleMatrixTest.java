package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller: anonymous, reviewer and admin in the browser, reviewer and
 * admin with an API key. Adding an endpoint without a row here fails {@link #everyEndpointHasARow()}.
 */
@QuarkusTest
class RoleMatrixTest {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String ADMIN = Role.ADMIN;
    private static final String REVIEWER = Role.REVIEWER;

    @Inject
    ApiKeyService keys;

    /** One endpoint; {@code body} builds a request body for a caller (unique values, CSRF token for forms). */
    record Row(String method, String path, Access access, String contentType, Function<Caller, String> body) {
    }

    static final List<Row> ROWS = List.of(
            // Browser pages
            page("GET", "/", Access.page(303)),
            page("GET", "/login", Access.login()),
            form("POST", "/logout", Access.page(303), c -> ""),
            page("GET", "/account", Access.page(200, ADMIN, REVIEWER)),
            form("POST", "/account/keys", Access.page(200, ADMIN, REVIEWER), c -> "name=matrix"),
            form("POST", "/account/keys/{ownKeyId}/revoke", Access.page(303, ADMIN, REVIEWER), c -> ""),
            page("GET", "/admin", Access.page(200, ADMIN)),
            page("GET", "/admin/tickets", Access.page(200, ADMIN)),
            page("GET", "/admin/users", Access.page(200, ADMIN)),
            form("POST", "/admin/users", Access.page(303, ADMIN),
                    c -> "username=m" + UNIQUE.incrementAndGet() + "&password=long-enough-pw&role=reviewer"),
            page("GET", "/review", Access.page(200, ADMIN, REVIEWER)),
            // API
            api("GET", "/api/v1/me", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/keys", Access.api(200, ADMIN, REVIEWER), null),
            api("POST", "/api/v1/keys", Access.api(201, ADMIN, REVIEWER), c -> "{\"name\":\"matrix\"}"),
            api("DELETE", "/api/v1/keys/{ownKeyId}", Access.api(204, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/users", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/users", Access.api(201, ADMIN),
                    c -> "{\"username\":\"u" + UNIQUE.incrementAndGet() + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}"),
            api("GET", "/api/v1/intents", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/tickets", Access.api(200, ADMIN), null),
            api("GET", "/api/v1/replies", Access.api(200, ADMIN), null),
            // Operations: open by design (probes, scrapers, API documentation)
            page("GET", "/q/health/ready", Access.open(200)),
            page("GET", "/q/health/live", Access.open(200)),
            page("GET", "/q/metrics", Access.open(200)),
            page("GET", "/q/openapi", Access.open(200)),
            page("GET", "/q/swagger-ui/", Access.open(200)));

    static Row page(String method, String path, Access access) {
        return new Row(method, path, access, null, null);
    }

    static Row form(String method, String path, Access access, Function<Caller, String> body) {
        return new Row(method, path, access, "application/x-www-form-urlencoded", c -> {
            String fields = body.apply(c);
            return fields + (fields.isEmpty() ? "" : "&") + "csrf-token=" + c.csrfToken();
        });
    }

    static Row api(String method, String path, Access access, Function<Caller, String> body) {
        return new Row(method, path, access, body == null ? null : "application/json", body);
    }

    @Test
    void everyCallerGetsExactlyTheAccessItsRoleAllows() {
        Map<Caller, Set<String>> callers = Map.of(
                Caller.anonymous(), Set.of(),
                Caller.session("reviewer1"), Set.of(REVIEWER),
                Caller.session("admin"), Set.of(ADMIN),
                Caller.apiKey(keys, "reviewer2"), Set.of(REVIEWER),
                Caller.apiKey(keys, "admin"), Set.of(ADMIN));
        List<String> failures = new ArrayList<>();
        for (Row row : ROWS) {
            if (row.path.equals("/logout")) {
                continue; // checked last: it ends the session the other rows need
            }
            callers.forEach((caller, roles) -> check(row, caller, roles, failures));
        }
        Row logout = ROWS.stream().filter(r -> r.path.equals("/logout")).findFirst().orElseThrow();
        callers.forEach((caller, roles) -> check(logout, caller, roles, failures));
        assertTrue(failures.isEmpty(), "Access differs from the table:\n" + String.join("\n", failures));
    }

    private void check(Row row, Caller caller, Set<String> roles, List<String> failures) {
        String path = row.path.replace("{ownKeyId}", String.valueOf(ownKeyId(caller)));
        String accept = row.path.startsWith("/api/") ? "application/json" : row.path.startsWith("/q/") ? "*/*" : "text/html";
        var request = caller.request().accept(accept);
        if (row.body != null && caller.kind != Caller.Kind.ANONYMOUS) {
            request = request.contentType(row.contentType).body(row.body.apply(caller));
        } else if (row.contentType != null) {
            request = request.contentType(row.contentType).body(row.contentType.contains("json") ? "{}" : "x=1");
        }
        Response response = request.request(row.method, path);
        int expected = row.access.expectedFor(caller, roles);
        if (response.statusCode() != expected) {
            failures.add(row.method + " " + row.path + " as " + caller + ": expected " + expected + ", got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
        }
        if (expected == 303 && caller.kind == Caller.Kind.ANONYMOUS
                && !response.header("Location").contains("/login")) {
            failures.add(row.method + " " + row.path + " as anonymous: redirected to " + response.header("Location"));
        }
    }

    private long ownKeyId(Caller caller) {
        return caller.username == null ? 1 : keys.create(caller.username, "to revoke").key().id;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> declared = new TreeSet<>(EndpointScanner.declaredEndpoints("dev.loopwise"));
        Set<String> covered = new TreeSet<>();
        ROWS.forEach(row -> covered.add(row.method + " " + row.path.replace("{ownKeyId}", "{id}")));
        declared.removeAll(covered);
        assertEquals(Set.of(), declared, "Endpoints without a row in the role table");
    }
}
