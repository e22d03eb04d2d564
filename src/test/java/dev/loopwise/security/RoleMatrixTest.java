package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller: anonymous, reviewer and admin in the browser, reviewer, admin
 * and service (a helpdesk integration) with an API key. Adding an endpoint without a row here fails {@link #everyEndpointHasARow()}.
 * A 409 where the table expects it means the role check passed and the request reached its rule
 * (promoting the version that is already active).
 */
@QuarkusTest
class RoleMatrixTest {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String ADMIN = Role.ADMIN;
    private static final String REVIEWER = Role.REVIEWER;
    private static final String SERVICE = Role.SERVICE;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    @Inject
    ApiKeyService keys;
    @Inject
    WorkspaceService workspace;
    @Inject
    UserService users;

    /** One endpoint; {@code body} builds a request body for a caller (unique values, CSRF token for forms). */
    record Row(String method, String path, Access access, String contentType, String accept, Function<Caller, String> body) {
    }

    static final List<Row> ROWS = List.of(
            // Browser pages
            page("GET", "/", Access.page(303)),
            page("GET", "/login", Access.login()),
            form("POST", "/logout", Access.page(303), c -> ""),
            page("GET", "/account", Access.page(200, ADMIN, REVIEWER)),
            form("POST", "/account/keys", Access.page(200, ADMIN, REVIEWER), c -> "name=matrix"),
            // A new password too short to take: refused before the current one is checked (no sign-in lock).
            form("POST", "/account/password", Access.page(400, ADMIN, REVIEWER),
                    c -> "currentPassword=x&newPassword=short&repeatPassword=short"),
            form("POST", "/account/keys/{ownKeyId}/revoke", Access.page(303, ADMIN, REVIEWER), c -> ""),
            page("GET", "/admin", Access.page(200, ADMIN)),
            page("GET", "/admin/tickets", Access.page(200, ADMIN)),
            page("GET", "/admin/users", Access.page(200, ADMIN)),
            page("GET", "/admin/audit", Access.page(200, ADMIN)),
            form("POST", "/admin/users", Access.page(303, ADMIN),
                    c -> "username=m" + UNIQUE.incrementAndGet() + "&password=long-enough-pw&role=reviewer"),
            form("POST", "/admin/users/{userId}", Access.page(303, ADMIN), c -> "displayName=Matrix&role=reviewer"),
            page("GET", "/admin/import", Access.page(200, ADMIN)),
            new Row("POST", "/admin/import", Access.page(200, ADMIN), MULTIPART, "text/html",
                    c -> "text,label\nmatrix import " + UNIQUE.incrementAndGet() + ",matrix_scratch\n"),
            page("GET", "/admin/intents", Access.page(200, ADMIN)),
            form("POST", "/admin/intents", Access.page(303, ADMIN), c -> "name=matrix_" + UNIQUE.incrementAndGet() + "&description=x"),
            form("POST", "/admin/intents/{intentId}", Access.page(303, ADMIN), c -> "name=matrix_scratch&description=scratch"),
            page("GET", "/admin/replies", Access.page(200, ADMIN)),
            form("POST", "/admin/replies", Access.page(303, ADMIN), c -> "intent=matrix_scratch&text=reply+" + UNIQUE.incrementAndGet()),
            form("POST", "/admin/replies/{replyId}", Access.page(303, ADMIN), c -> "intent=matrix_scratch&text=edited"),
            form("POST", "/admin/replies/{replyId}/retire", Access.page(303, ADMIN), c -> ""),
            page("GET", "/admin/knowledge", Access.page(200, ADMIN)),
            // The matrix uploads a .csv, which is no knowledge-base file: the importer's 400 means the role check passed.
            new Row("POST", "/admin/knowledge", Access.page(400, ADMIN), MULTIPART, "text/html", c -> "text,label\nx,y\n"),
            form("POST", "/admin/knowledge/articles/{missingId}/delete", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/models", Access.page(200, ADMIN)),
            page("GET", "/admin/models/{version}", Access.page(200, ADMIN)),
            new Row("GET", "/admin/models/runs/{runId}", Access.pageScript(200, ADMIN), null, "application/json", null),
            form("POST", "/admin/models/{version}/promote", Access.page(409, ADMIN), c -> ""),
            form("POST", "/admin/models/{version}/rollback", Access.page(409, ADMIN), c -> ""),
            form("POST", "/admin/models/train", Access.page(303, ADMIN), c -> "regime=few_shot"),
            // A run that does not exist: the role check passed when the answer is its 404 (no real run is cancelled).
            form("POST", "/admin/models/runs/{missingId}/cancel", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/rounds", Access.page(200, ADMIN)),
            form("POST", "/admin/rounds", Access.page(400, ADMIN), c -> "method=ppo"),
            page("GET", "/admin/rounds/{missingId}", Access.page(404, ADMIN)),
            new Row("GET", "/admin/rounds/{missingId}/progress", Access.pageScript(404, ADMIN), null, "application/json", null),
            new Row("GET", "/admin/rounds/history", Access.pageScript(200, ADMIN), null, "application/json", null),
            page("GET", "/admin/drift", Access.page(200, ADMIN)),
            new Row("GET", "/admin/drift/data", Access.pageScript(200, ADMIN), null, "application/json", null),
            new Row("POST", "/admin/drift/replay", Access.page(303, ADMIN), MULTIPART, "text/html", c -> "text\n"),
            form("POST", "/admin/drift/topics", Access.page(400, ADMIN), c -> "name=matrix_topic"),
            form("POST", "/admin/drift/actions/{missingId}/dismiss", Access.page(404, ADMIN), c -> ""),
            form("POST", "/admin/drift/actions/{missingId}/approve", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/llm", Access.page(200, ADMIN)),
            // An address that is not http(s): refused after the role check, so the table never connects an LLM.
            form("POST", "/admin/llm", Access.page(400, ADMIN), c -> "enabled=on&baseUrl=ftp%3A%2F%2Fnowhere&model=matrix"),
            form("POST", "/admin/llm/test", Access.page(200, ADMIN), c -> ""),
            page("GET", "/review", Access.page(200, ADMIN, REVIEWER)),
            page("GET", "/review/judge", Access.page(200, ADMIN, REVIEWER)),
            // Always 200: the counters come with the answer, with or without an item.
            new Row("GET", "/review/items/next", Access.pageScript(200, ADMIN, REVIEWER), null, "application/json", null),
            new Row("POST", "/review/items/{itemId}", Access.pageScript(409, ADMIN, REVIEWER), "application/json", "application/json",
                    c -> "{\"choice\":\"A\"}"),
            new Row("POST", "/review/items/{itemId}/undo", Access.pageScript(404, ADMIN, REVIEWER), "application/json",
                    "application/json", c -> "{}"),
            page("GET", "/admin/review", Access.page(200, ADMIN)),
            new Row("GET", "/admin/review/agreement", Access.pageScript(200, ADMIN), null, "application/json", null),
            form("POST", "/admin/review/generate", Access.page(200, ADMIN), c -> "count=3"),
            form("POST", "/admin/review/rewrites/{missingId}", Access.page(404, ADMIN), c -> "decision=accept"),
            form("POST", "/admin/review/items/{goldItemId}/gold", Access.page(303, ADMIN), c -> "answer=tie"),
            form("POST", "/admin/review/compare", Access.page(409, ADMIN), c -> "version=1&on=true"),
            // API
            api("GET", "/api/v1/me", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/keys", Access.api(200, ADMIN, REVIEWER), null),
            api("POST", "/api/v1/keys", Access.api(201, ADMIN, REVIEWER), c -> "{\"name\":\"matrix\"}"),
            api("DELETE", "/api/v1/keys/{ownKeyId}", Access.api(204, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/users", Access.api(200, ADMIN), null),
            new Row("GET", "/api/v1/audit", Access.api(200, ADMIN), null, "application/x-ndjson", null),
            api("POST", "/api/v1/users", Access.api(201, ADMIN),
                    c -> "{\"username\":\"u" + UNIQUE.incrementAndGet() + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}"),
            api("PATCH", "/api/v1/users/{userId}", Access.api(200, ADMIN), c -> "{\"displayName\":\"Matrix\"}"),
            api("GET", "/api/v1/intents", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/tickets", Access.api(200, ADMIN), null),
            api("GET", "/api/v1/replies", Access.api(200, ADMIN), null),
            new Row("POST", "/api/v1/datasets/tickets", Access.api(201, ADMIN), "text/csv", "application/json",
                    c -> "text,label\napi matrix import " + UNIQUE.incrementAndGet() + ",matrix_scratch\n"),
            // Served traffic: a helpdesk's service key and admins; reviewers must not feed what they judge.
            api("POST", "/api/v1/respond", Access.api(200, ADMIN, SERVICE), c -> "{\"text\":\"where is my order\"}"),
            api("POST", "/api/v1/classify", Access.api(200, ADMIN, SERVICE), c -> "{\"text\":\"where is my order\"}"),
            api("GET", "/api/v1/models", Access.api(200, ADMIN), null),
            // OpenAI-compatible: the same callers as /respond, with API keys only.
            api("POST", "/v1/chat/completions", Access.api(200, ADMIN, SERVICE),
                    c -> "{\"model\":\"loopwise\",\"messages\":[{\"role\":\"user\",\"content\":\"where is my order\"}]}"),
            api("GET", "/v1/models", Access.api(200, ADMIN, SERVICE), null),
            api("GET", "/api/v1/models/{version}", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/models/train", Access.api(202, ADMIN), c -> "{\"regime\":\"few_shot\"}"),
            api("GET", "/api/v1/training-runs/{runId}", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/training-runs/{missingId}/cancel", Access.api(404, ADMIN), c -> ""),
            api("POST", "/api/v1/models/{version}/promote", Access.api(409, ADMIN), null),
            api("POST", "/api/v1/models/{version}/rollback", Access.api(409, ADMIN), null),
            api("GET", "/api/v1/review/next", Access.api(200, ADMIN, REVIEWER).or(204), null),
            api("POST", "/api/v1/rounds", Access.api(400, ADMIN), c -> "{\"method\":\"ppo\"}"),
            api("GET", "/api/v1/rounds", Access.api(200, ADMIN), null),
            api("GET", "/api/v1/drift", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/drift/check", Access.api(409, ADMIN).or(200), null),
            api("POST", "/api/v1/drift/actions/{missingId}/approve", Access.api(404, ADMIN), c -> ""),
            api("POST", "/api/v1/drift/actions/{missingId}/dismiss", Access.api(404, ADMIN), c -> ""),
            api("GET", "/api/v1/rounds/{missingId}", Access.api(404, ADMIN), null),
            new Row("GET", "/api/v1/export/preferences", Access.api(200, ADMIN), null, "application/x-ndjson", null),
            new Row("POST", "/api/v1/datasets/preferences", Access.api(201, ADMIN), "application/x-ndjson", "application/json",
                    c -> "{\"prompt\":\"matrix\",\"chosen\":\"yes\",\"rejected\":\"no\"}\n"),
            // Knowledge base: admins only for now (reviewers may later read passages next to drafts).
            new Row("POST", "/api/v1/knowledge/articles", Access.api(201, ADMIN), "text/markdown", "application/json",
                    c -> "# Matrix article " + UNIQUE.incrementAndGet() + "\n\nA passage about nothing in particular.\n"),
            api("GET", "/api/v1/knowledge/articles", Access.api(200, ADMIN), null),
            api("DELETE", "/api/v1/knowledge/articles/{missingId}", Access.api(404, ADMIN), null),
            // Without a ticket (q): the 400 that asks for one comes after the role check.
            api("GET", "/api/v1/knowledge/search", Access.api(400, ADMIN), null),
            api("POST", "/api/v1/feedback", Access.api(404, ADMIN, REVIEWER, SERVICE),
                    c -> "{\"requestId\":\"00000000-0000-0000-0000-000000000000\",\"rating\":\"up\"}"),
            api("POST", "/api/v1/review/{itemId}", Access.api(409, ADMIN, REVIEWER), c -> "{\"choice\":\"A\"}"),
            api("POST", "/api/v1/review/{itemId}/undo", Access.api(404, ADMIN, REVIEWER), c -> "{}"),
            // Operations: health is open for load balancers; metrics and API documentation are for admins.
            new Row("GET", "/q/health/ready", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/health/live", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/metrics", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/metrics/", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi?format=json", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/swagger-ui/", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/swagger-ui/index.html", Access.management(200, ADMIN), null, "*/*", null));

    static Row page(String method, String path, Access access) {
        return new Row(method, path, access, null, "text/html", null);
    }

    static Row form(String method, String path, Access access, Function<Caller, String> body) {
        return new Row(method, path, access, FORM, "text/html", c -> {
            String fields = body.apply(c);
            return fields + (fields.isEmpty() ? "" : "&") + "csrf-token=" + c.csrfToken();
        });
    }

    static Row api(String method, String path, Access access, Function<Caller, String> body) {
        // JSON even without a body: a client library's default form content type would meet the CSRF check.
        return new Row(method, path, access, "application/json", "application/json", body);
    }

    @Test
    void everyCallerGetsExactlyTheAccessItsRoleAllows() {
        int version = ActiveModel.await();
        // Another test may have made it already (the bad-input suite sends this table's bodies too).
        long intentId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> dev.loopwise.ticket.Intent.findByName("matrix_scratch")
                .map(intent -> intent.id).orElseGet(() -> workspace.saveIntent(null, "matrix_scratch", "scratch").id));
        Map<String, String> ids = Map.of("{version}", String.valueOf(version), "{runId}", "1", "{intentId}", String.valueOf(intentId),
                "{itemId}", String.valueOf(reviewItem()), "{goldItemId}", String.valueOf(reviewItem()), "{missingId}", "987654321",
                "{userId}", String.valueOf(users.create("matrix-target", "long-enough-pw", REVIEWER, null).id));
        users.create("matrix-helpdesk", null, SERVICE, null);
        Map<Caller, Set<String>> callers = Map.of(
                Caller.anonymous(), Set.of(),
                Caller.session("reviewer1"), Set.of(REVIEWER),
                Caller.session("admin"), Set.of(ADMIN),
                Caller.apiKey(keys, "reviewer2"), Set.of(REVIEWER),
                Caller.apiKey(keys, "admin"), Set.of(ADMIN),
                Caller.apiKey(keys, "matrix-helpdesk"), Set.of(SERVICE));
        List<String> failures = new ArrayList<>();
        for (Row row : ROWS) {
            if (row.path.equals("/logout")) {
                continue; // checked last: it ends the session the other rows need
            }
            callers.forEach((caller, roles) -> check(row, caller, roles, ids, failures));
        }
        Row logout = ROWS.stream().filter(r -> r.path.equals("/logout")).findFirst().orElseThrow();
        callers.forEach((caller, roles) -> check(logout, caller, roles, ids, failures));
        assertTrue(failures.isEmpty(), "Access differs from the table:\n" + String.join("\n", failures));
    }

    private void check(Row row, Caller caller, Set<String> roles, Map<String, String> ids, List<String> failures) {
        String path = row.path.replace("{ownKeyId}", String.valueOf(ownKeyId(caller)))
                .replace("{replyId}", String.valueOf(scratchReply()));
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        RequestSpecification request = (isApi(row.path) ? caller.request() : caller.pageRequest()).accept(row.accept);
        boolean known = caller.kind != Caller.Kind.ANONYMOUS;
        if (MULTIPART.equals(row.contentType)) {
            request = request.multiPart("file", "tickets.csv", row.body.apply(caller).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .multiPart("csrf-token", caller.csrfToken());
        } else if (row.body != null && known) {
            String body = row.body.apply(caller);
            request = FORM.equals(row.contentType) ? request.contentType(FORM).body(body)
                    : request.contentType(row.contentType).body(body.getBytes(StandardCharsets.UTF_8));
        } else if (row.body != null) {
            request = FORM.equals(row.contentType) ? request.contentType(FORM).body("x=1")
                    : request.contentType(row.contentType).body("{}".getBytes(StandardCharsets.UTF_8));
        } else if (row.contentType != null) {
            request = request.contentType(row.contentType);
        }
        Response response = request.request(row.method, path);
        int expected = row.access.expectedFor(caller, roles);
        if (!row.access.accepts(response.statusCode(), caller, roles)) {
            failures.add(row.method + " " + row.path + " as " + caller + ": expected " + expected + ", got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
        }
        String location = response.header("Location");
        if (expected == 303 && !known && (location == null || !location.contains("/login"))) {
            failures.add(row.method + " " + row.path + " as anonymous: redirected to " + location);
        }
    }

    /** Our API and the OpenAI-compatible endpoints: called with keys, never with a browser session. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/v1/");
    }

    private long ownKeyId(Caller caller) {
        return caller.username == null ? 1 : keys.create(caller.username, "to revoke").key().id;
    }

    /** An item nobody leased (so judging it is refused after the role check) and nobody judged (nothing to undo). */
    private long reviewItem() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            List<Reply> replies = Reply.listActive();
            dev.loopwise.review.ReviewItem item = new dev.loopwise.review.ReviewItem();
            item.ticketText = "role matrix ticket " + UNIQUE.incrementAndGet();
            item.ticketHash = java.util.UUID.randomUUID().toString();
            item.source = "traffic";
            item.reply1Id = replies.get(0).id;
            item.reply2Id = replies.get(1).id;
            item.reply1Text = replies.get(0).text;
            item.reply2Text = replies.get(1).text;
            item.strategy = "top2";
            item.requiredJudgements = 1;
            item.status = dev.loopwise.review.ReviewItem.COMPLETE;
            item.persist();
            return item.id;
        });
    }

    private long scratchReply() {
        Reply reply = workspace.saveReply(null, "matrix_scratch", "scratch reply " + UNIQUE.incrementAndGet());
        return reply.id;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> declared = new TreeSet<>(EndpointScanner.declaredEndpoints("dev.loopwise"));
        Set<String> covered = new TreeSet<>();
        ROWS.forEach(row -> covered.add(row.method + " " + row.path.replaceAll("\\{[A-Za-z]+}", "{}")));
        declared.removeIf(endpoint -> covered.contains(endpoint.replaceAll("\\{[A-Za-z]+}", "{}")));
        assertEquals(Set.of(), declared, "Endpoints without a row in the role table");
    }
}
