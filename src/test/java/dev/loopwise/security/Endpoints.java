package dev.loopwise.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every endpoint of the service with the access each kind of caller must get: the table {@link RoleMatrixTest} checks,
 * whose bodies {@link BadInputTest} and {@link CsrfTest} reuse.
 */
final class Endpoints {
    static final AtomicInteger UNIQUE = new AtomicInteger();
    static final String FORM = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data";
    private static final String ADMIN = Role.ADMIN;
    private static final String REVIEWER = Role.REVIEWER;
    private static final String SERVICE = Role.SERVICE;

    private Endpoints() {
    }

    /**
     * Forms whose row's body is refused, answered as one that worked is, with a redirect: to this page's own address,
     * carrying the refusal. An admin's 303 alone would not tell the refusal from a start.
     */
    static final Map<String, String> REFUSED_ONTO = Map.of("POST /admin/rounds", "/admin/rounds");

    /** One endpoint; {@code body} builds a request body for a caller (unique values, CSRF token for forms). */
    record Row(String method, String path, Access access, String contentType, String accept, Function<Caller, String> body) {
    }

    static final List<Row> ROWS = List.of(
            // Browser pages
            page("GET", "/", Access.page(303)),
            page("GET", "/login", Access.login()),
            // Quarkus' own sign-in post, which no resource declares: anyone may send it (from a Loopwise page, as every
            // browser form post names its origin); without a password it is a refused sign-in, counted against nobody.
            new Row("POST", SameOriginFilter.LOGIN_POST_SUFFIX, Access.open(303), FORM, "text/html", c -> "j_username=matrix-nobody"),
            form("POST", "/logout", Access.page(303), c -> ""),
            page("GET", "/account", Access.page(200, ADMIN, REVIEWER)),
            form("POST", "/account/keys", Access.page(303, ADMIN, REVIEWER), c -> "name=matrix+" + UNIQUE.incrementAndGet()),
            // A new password too short to take: refused before the current one is checked (no sign-in lock).
            form("POST", "/account/password", Access.page(400, ADMIN, REVIEWER),
                    c -> "currentPassword=x&newPassword=short&repeatPassword=short"),
            form("POST", "/account/keys/{ownKeyId}/revoke", Access.page(303, ADMIN, REVIEWER), c -> ""),
            page("GET", "/admin", Access.page(200, ADMIN)),
            page("GET", "/admin/tickets", Access.page(200, ADMIN)),
            form("POST", "/admin/tickets/{missingId}/label", Access.page(404, ADMIN), c -> "intent=&page=0"),
            page("GET", "/admin/users", Access.page(200, ADMIN)),
            page("GET", "/admin/audit", Access.page(200, ADMIN)),
            // A download link, followed as a browser does (it accepts anything).
            new Row("GET", "/admin/audit/download", Access.page(200, ADMIN), null, "text/html,application/xhtml+xml,*/*;q=0.8", null),
            form("POST", "/admin/users", Access.page(303, ADMIN),
                    c -> "username=m" + UNIQUE.incrementAndGet() + "&password=long-enough-pw&role=reviewer"),
            form("POST", "/admin/users/{userId}", Access.page(303, ADMIN), c -> "displayName=Matrix&role=reviewer"),
            form("POST", "/admin/users/{userId}/keys", Access.page(303, ADMIN), c -> "name=matrix+" + UNIQUE.incrementAndGet()),
            form("POST", "/admin/users/{userId}/keys/{missingId}/revoke", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/import", Access.page(200, ADMIN)),
            new Row("POST", "/admin/import", Access.page(200, ADMIN), MULTIPART, "text/html",
                    c -> "text,label\nmatrix import " + UNIQUE.incrementAndGet() + ",matrix_scratch\n"),
            page("GET", "/admin/intents", Access.page(200, ADMIN)),
            form("POST", "/admin/intents", Access.page(303, ADMIN), c -> "name=matrix_" + UNIQUE.incrementAndGet() + "&description=x"),
            form("POST", "/admin/intents/{intentId}", Access.page(303, ADMIN), c -> "name=matrix_scratch&description=scratch"),
            // An intent that does not exist: the 404 means the role check passed and nothing was removed.
            form("POST", "/admin/intents/remove", Access.page(404, ADMIN), c -> "intent=matrix_missing_intent"),
            // An intent that does not exist: the 404 means the role check passed and nothing was saved.
            form("POST", "/admin/intents/all", Access.page(404, ADMIN), c -> "id=999999999&name=x&description=y"),
            page("GET", "/admin/replies", Access.page(200, ADMIN)),
            form("POST", "/admin/replies", Access.page(303, ADMIN), c -> "intent=matrix_scratch&text=reply+" + UNIQUE.incrementAndGet()),
            form("POST", "/admin/replies/{replyId}", Access.page(303, ADMIN), c -> "intent=matrix_scratch&text=edited+" + UNIQUE.incrementAndGet()),
            form("POST", "/admin/replies/{replyId}/retire", Access.page(303, ADMIN), c -> ""),
            page("GET", "/admin/knowledge", Access.page(200, ADMIN)),
            // The matrix uploads a .csv, which is no knowledge-base file: the importer's 400 means the role check passed.
            new Row("POST", "/admin/knowledge", Access.page(400, ADMIN), MULTIPART, "text/html", c -> "text,label\nx,y\n"),
            form("POST", "/admin/knowledge/try", Access.page(200, ADMIN), c -> "ticket=where+is+my+parcel"),
            form("POST", "/admin/knowledge/articles/{missingId}/delete", Access.page(404, ADMIN), c -> ""),
            new Row("GET", "/admin/knowledge/imports/{missingId}", Access.pageScript(404, ADMIN), null, "application/json", null),
            form("POST", "/admin/knowledge/imports/{missingId}/cancel", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/models", Access.page(200, ADMIN)),
            page("GET", "/admin/models/{version}", Access.page(200, ADMIN)),
            new Row("GET", "/admin/models/runs/{runId}", Access.pageScript(200, ADMIN), null, "application/json", null),
            form("POST", "/admin/models/{version}/promote", Access.page(409, ADMIN), c -> ""),
            form("POST", "/admin/models/{version}/rollback", Access.page(409, ADMIN), c -> ""),
            form("POST", "/admin/models/train", Access.page(303, ADMIN).or(409), c -> "regime=few_shot"),
            // A run that does not exist: the role check passed when the answer is its 404 (no real run is cancelled).
            form("POST", "/admin/models/runs/{missingId}/cancel", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/rounds", Access.page(200, ADMIN)),
            form("POST", "/admin/rounds", Access.page(303, ADMIN), c -> "method=ppo"),
            page("GET", "/admin/rounds/{missingId}", Access.page(404, ADMIN)),
            form("POST", "/admin/rounds/{missingId}/cancel", Access.page(404, ADMIN), c -> ""),
            new Row("GET", "/admin/rounds/{missingId}/progress", Access.pageScript(404, ADMIN), null, "application/json", null),
            new Row("GET", "/admin/rounds/history", Access.pageScript(200, ADMIN), null, "application/json", null),
            page("GET", "/admin/models/try", Access.page(200, ADMIN)),
            form("POST", "/admin/models/try", Access.page(200, ADMIN), c -> "ticket=where+is+my+parcel"),
            page("GET", "/admin/drift", Access.page(200, ADMIN)),
            new Row("GET", "/admin/drift/data", Access.pageScript(200, ADMIN), null, "application/json", null),
            // A file of no tickets replays nothing: the 400 that says so means the role check passed.
            new Row("POST", "/admin/drift/replay", Access.page(400, ADMIN), MULTIPART, "text/html", c -> "text\n"),
            new Row("GET", "/admin/drift/replays/{missingId}", Access.pageScript(404, ADMIN), null, "application/json", null),
            form("POST", "/admin/drift/replays/{missingId}/cancel", Access.page(404, ADMIN), c -> ""),
            form("POST", "/admin/drift/topics", Access.page(400, ADMIN), c -> "name=matrix_topic"),
            form("POST", "/admin/drift/actions/{missingId}/dismiss", Access.page(404, ADMIN), c -> ""),
            form("POST", "/admin/drift/actions/{missingId}/approve", Access.page(404, ADMIN), c -> ""),
            page("GET", "/admin/llm", Access.page(200, ADMIN)),
            // An address that is not http(s): refused after the role check, so the table never connects an LLM.
            form("POST", "/admin/llm", Access.page(400, ADMIN), c -> "enabled=on&baseUrl=ftp%3A%2F%2Fnowhere&model=matrix"),
            form("POST", "/admin/llm/test", Access.page(200, ADMIN), c -> ""),
            page("GET", "/review", Access.page(200, ADMIN, REVIEWER)),
            page("GET", "/review/judge", Access.page(200, ADMIN, REVIEWER)),
            page("GET", "/review/history", Access.page(200, ADMIN, REVIEWER)),
            // A cursor that is no whole number of 1 or more: the 400 that says what to send comes after the role check.
            page("GET", "/review/history?before=abc", Access.page(400, ADMIN, REVIEWER)),
            // Always 200: the counters come with the answer, with or without an item.
            new Row("GET", "/review/items/next", Access.pageScript(200, ADMIN, REVIEWER), null, "application/json", null),
            new Row("POST", "/review/items/{itemId}", Access.pageScript(409, ADMIN, REVIEWER), "application/json", "application/json",
                    c -> "{\"choice\":\"A\"}"),
            new Row("POST", "/review/items/{itemId}/undo", Access.pageScript(404, ADMIN, REVIEWER), "application/json",
                    "application/json", c -> "{}"),
            page("GET", "/admin/review", Access.page(200, ADMIN)),
            // A download link, followed as a browser does (it accepts anything).
            new Row("GET", "/admin/exports/preferences", Access.page(200, ADMIN), null,
                    "text/html,application/xhtml+xml,*/*;q=0.8", null),
            new Row("GET", "/admin/review/agreement", Access.pageScript(200, ADMIN), null, "application/json", null),
            form("POST", "/admin/review/generate", Access.page(303, ADMIN), c -> "count=3"),
            form("POST", "/admin/review/rewrites/{missingId}", Access.page(404, ADMIN), c -> "decision=accept"),
            form("POST", "/admin/review/proposals", Access.page(303, ADMIN), c -> ""),
            form("POST", "/admin/review/items/{goldItemId}/gold", Access.page(303, ADMIN), c -> "answer=tie"),
            form("POST", "/admin/review/compare", Access.page(409, ADMIN), c -> "version=1&on=true"),
            // API
            api("GET", "/api/v1/me", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/keys", Access.api(200, ADMIN, REVIEWER), null),
            api("POST", "/api/v1/keys", Access.api(201, ADMIN, REVIEWER), c -> "{\"name\":\"matrix " + UNIQUE.incrementAndGet() + "\"}"),
            api("GET", "/api/v1/keys/{ownKeyId}", Access.api(200, ADMIN, REVIEWER), null),
            api("DELETE", "/api/v1/keys/{ownKeyId}", Access.api(204, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/users", Access.api(200, ADMIN), null),
            new Row("GET", "/api/v1/audit", Access.api(200, ADMIN), null, "application/x-ndjson", null),
            api("POST", "/api/v1/users", Access.api(201, ADMIN),
                    c -> "{\"username\":\"u" + UNIQUE.incrementAndGet() + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}"),
            api("GET", "/api/v1/users/{userId}", Access.api(200, ADMIN), null),
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
            api("GET", "/v1/models/{missingId}", Access.api(404, ADMIN, SERVICE), null),
            api("GET", "/api/v1/models/{version}", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/models/train", Access.api(202, ADMIN).or(409), c -> "{\"regime\":\"few_shot\"}"),
            api("GET", "/api/v1/training-runs/{runId}", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/training-runs/{missingId}/cancel", Access.api(404, ADMIN), c -> ""),
            api("POST", "/api/v1/models/{version}/promote", Access.api(409, ADMIN), null),
            api("POST", "/api/v1/models/{version}/rollback", Access.api(409, ADMIN), null),
            api("GET", "/api/v1/review/next", Access.api(200, ADMIN, REVIEWER).or(204), null),
            // Sending to "next" is a wrong method (405) once the role check passed.
            api("POST", "/api/v1/review/next", Access.api(405, ADMIN, REVIEWER), c -> "{}"),
            api("POST", "/api/v1/rounds", Access.api(400, ADMIN), c -> "{\"method\":\"ppo\"}"),
            api("GET", "/api/v1/rounds", Access.api(200, ADMIN), null),
            api("GET", "/api/v1/drift", Access.api(200, ADMIN), null),
            api("POST", "/api/v1/drift/check", Access.api(409, ADMIN).or(200), null),
            new Row("POST", "/api/v1/drift/replay", Access.api(400, ADMIN), "text/csv", "application/json", c -> "text\n"),
            api("GET", "/api/v1/drift/replays/{missingId}", Access.api(404, ADMIN), null),
            api("POST", "/api/v1/drift/actions/{missingId}/approve", Access.api(404, ADMIN), c -> ""),
            api("POST", "/api/v1/drift/actions/{missingId}/dismiss", Access.api(404, ADMIN), c -> ""),
            api("GET", "/api/v1/rounds/{missingId}", Access.api(404, ADMIN), null),
            api("POST", "/api/v1/rounds/{missingId}/cancel", Access.api(404, ADMIN), c -> ""),
            new Row("GET", "/api/v1/export/preferences", Access.api(200, ADMIN), null, "application/x-ndjson", null),
            new Row("POST", "/api/v1/datasets/preferences", Access.api(201, ADMIN), "application/x-ndjson", "application/json",
                    c -> "{\"prompt\":\"matrix\",\"chosen\":\"yes\",\"rejected\":\"no\"}\n"),
            // Knowledge base: admins only for now (reviewers may later read passages next to drafts).
            new Row("POST", "/api/v1/knowledge/articles", Access.api(201, ADMIN), "text/markdown", "application/json",
                    c -> "# Matrix article " + UNIQUE.incrementAndGet() + "\n\nA passage about nothing in particular.\n"),
            api("GET", "/api/v1/knowledge/articles", Access.api(200, ADMIN), null),
            api("GET", "/api/v1/knowledge/imports/{missingId}", Access.api(404, ADMIN), null),
            api("POST", "/api/v1/knowledge/imports/{missingId}/cancel", Access.api(404, ADMIN), null),
            api("GET", "/api/v1/knowledge/articles/{missingId}", Access.api(404, ADMIN), null),
            api("DELETE", "/api/v1/knowledge/articles/{missingId}", Access.api(404, ADMIN), null),
            // Without a ticket (q): the 400 that asks for one comes after the role check.
            api("GET", "/api/v1/knowledge/search", Access.api(400, ADMIN), null),
            api("POST", "/api/v1/knowledge/search", Access.api(400, ADMIN), c -> "{\"q\":\"\"}"),
            api("POST", "/api/v1/feedback", Access.api(404, ADMIN, REVIEWER, SERVICE),
                    c -> "{\"requestId\":\"00000000-0000-0000-0000-000000000000\",\"rating\":\"up\"}"),
            // Feedback that does not exist: the 404 means the role check passed.
            api("GET", "/api/v1/feedback/{missingId}", Access.api(404, ADMIN, REVIEWER, SERVICE), null),
            api("POST", "/api/v1/review/{itemId}", Access.api(409, ADMIN, REVIEWER), c -> "{\"choice\":\"A\"}"),
            api("POST", "/api/v1/review/{itemId}/undo", Access.api(404, ADMIN, REVIEWER), c -> ""),
            // A judgement that does not exist: the 404 means the role check passed.
            api("GET", "/api/v1/review/judgements/{missingId}", Access.api(404, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/review/judgements", Access.api(200, ADMIN, REVIEWER), null),
            api("GET", "/api/v1/review/judgements?before=0", Access.api(400, ADMIN, REVIEWER), null),
            // Files served as they are: the sign-in page needs them before anyone is signed in.
            new Row("GET", "/favicon.svg", Access.open(200), null, "*/*", null),
            new Row("GET", "/css/loopwise.css", Access.open(200), null, "*/*", null),
            new Row("GET", "/js/review.js", Access.open(200), null, "*/*", null),
            new Row("GET", "/webjars/chart.js/4.4.9/dist/chart.umd.js", Access.open(200), null, "*/*", null),
            // Operations: health is open for load balancers; metrics and API documentation are for admins.
            new Row("GET", "/q/health/ready", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/health/live", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/health", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/health/started", Access.open(200), null, "*/*", null),
            new Row("GET", "/q/metrics", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/metrics/", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi?format=json", Access.management(200, ADMIN), null, "*/*", null),
            // The same document under the names SmallRye OpenAPI also answers, one per format.
            new Row("GET", "/q/openapi.json", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi.yaml", Access.management(200, ADMIN), null, "*/*", null),
            new Row("GET", "/q/openapi.yml", Access.management(200, ADMIN), null, "*/*", null),
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

    /** Our API and the OpenAI-compatible endpoints: called with keys, never with a browser session. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/v1/");
    }
}
