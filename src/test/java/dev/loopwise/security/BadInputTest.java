package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.ScratchIntents;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the role table, as an admin, with bad variants of a valid request ({@link BadInputs}): each
 * is answered below 500 — a 4xx carrying a message (the JSON error shape for the API) — and a refused request
 * writes nothing (row counts of the tables requests write to, before and after).
 */
@QuarkusTest
class BadInputTest {
    /** Tables a request can write; compared around every refused request. */
    private static final List<String> TABLES = List.of("users", "api_keys", "intents", "replies", "tickets", "review_items",
            "judgements", "imported_preferences", "training_runs", "model_versions", "alignment_rounds", "served_requests",
            "feedback", "monitoring_actions", "knowledge_articles", "knowledge_passages");
    /** Endpoints whose valid request starts long work (training, rounds, checks): only variants that must be refused. */
    private static final Set<String> STARTS_WORK = Set.of("/api/v1/models/train", "/admin/models/train", "/api/v1/rounds",
            "/admin/rounds", "/api/v1/drift/check", "/admin/review/generate", "/admin/drift/replay");
    /** A request left hanging is a failure too. */
    private static final RestAssuredConfig ANSWER_WITHIN = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    WorkspaceService workspace;
    @Inject
    EntityManager em;

    /** The rows' valid bodies make accounts and keys no test names: every one made during the test goes after it. */
    private ScratchAccounts.Mark mark;

    @BeforeEach
    void markAccounts() {
        mark = ScratchAccounts.mark();
    }

    @AfterEach
    void removeAccountsTheRowsMade() {
        ScratchAccounts.madeSince(mark);
        ScratchIntents.deleteWithTickets("matrix_scratch");
        ScratchIntents.deleteBareStartingWith("matrix_");
        ScratchIntents.deleteWithTickets("bad_input_scratch");
    }

    @Test
    void badInputsAreRefusedWithAMessageAndWriteNothing() {
        int version = ActiveModel.await();
        Caller api = Caller.apiKeyWithoutLimit(keys, "admin");
        Caller browser = Caller.session("admin");
        long intentId = workspace.saveIntent(null, "bad_input_scratch", "scratch").id;
        Reply reply = workspace.saveReply(null, "bad_input_scratch", "scratch reply");
        Map<String, String> ids = new LinkedHashMap<>(Map.of("{version}", String.valueOf(version), "{runId}", "1",
                "{intentId}", String.valueOf(intentId), "{replyId}", String.valueOf(reply.id), "{missingId}", "987654321",
                "{userId}", String.valueOf(ScratchAccounts.user(users.create("bad-input-target", "long-enough-pw", "reviewer", null)).id),
                "{ownKeyId}", "987654321", "{itemId}", "987654321", "{goldItemId}", "987654321"));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Endpoints.Row row : Endpoints.ROWS) {
            if (row.path().equals("/logout") || row.path().startsWith("/q/") || row.path().equals("/login")) {
                continue;
            }
            Caller caller = Endpoints.isApi(row.path()) ? api : browser;
            String valid = row.body() == null ? null : row.body().apply(caller);
            List<BadInputs.Variant> variants = new ArrayList<>(BadInputs.paths(row.path(), ids, valid));
            String path = BadInputs.fill(row.path(), ids);
            if (valid != null && "application/json".equals(row.contentType())) {
                variants.addAll(BadInputs.jsonBodies(path, valid));
            } else if (valid != null && "application/x-www-form-urlencoded".equals(row.contentType())) {
                variants.addAll(BadInputs.formBodies(path, valid));
            } else if (valid != null) {
                variants.addAll(BadInputs.fileBodies(path));
            }
            for (BadInputs.Variant variant : variants) {
                if (STARTS_WORK.contains(row.path()) && startsWorkIfAccepted(variant)) {
                    continue;
                }
                tried++;
                check(row, caller, variant, failures);
            }
        }
        System.out.println("Bad inputs tried: " + tried + ", failures: " + failures.size());
        assertTrue(tried >= 300, "the suite tries at least 300 bad inputs, not " + tried);
        assertTrue(failures.isEmpty(), failures.size() + " bad inputs were mishandled:\n" + String.join("\n", failures));
    }

    /** A variant that only drops or blanks a field may be a valid request that starts long work. */
    private static boolean startsWorkIfAccepted(BadInputs.Variant variant) {
        return variant.label().endsWith(" missing") || variant.label().endsWith(" blank") || variant.label().startsWith("unknown field")
                || variant.label().startsWith("duplicated key") || variant.label().endsWith(" as null") || variant.label().equals("empty") || variant.label().equals("JSON null");
    }

    private void check(Endpoints.Row row, Caller caller, BadInputs.Variant variant, List<String> failures) {
        awaitNoJobs();
        Map<String, Long> before = counts();
        RequestSpecification request = (Endpoints.isApi(row.path()) ? caller.request() : caller.pageRequest()).accept(row.accept());
        if ("multipart/form-data".equals(row.contentType())) {
            request = request.multiPart("file", "upload.csv", variant.body().getBytes(StandardCharsets.UTF_8), "text/csv")
                    .multiPart("csrf-token", caller.csrfToken());
        } else if (variant.body() != null && "application/x-www-form-urlencoded".equals(row.contentType())) {
            request = request.contentType(row.contentType()).body(variant.body());
        } else if (variant.body() != null && row.contentType() != null) {
            request = request.contentType(row.contentType()).body(variant.body().getBytes(StandardCharsets.UTF_8));
        } else if (row.contentType() != null) {
            request = request.contentType(row.contentType());
        }
        String where = row.method() + " " + row.path() + " [" + variant.label() + "]";
        Response response;
        try {
            response = request.config(ANSWER_WITHIN).urlEncodingEnabled(false).request(row.method(), variant.path());
        } catch (Exception e) { // RestAssured rethrows the socket's IOException undeclared
            failures.add(where + ": no answer (" + e + ")");
            return;
        }
        String location = response.header("Location");
        if (response.statusCode() == 303 && location != null && location.contains("refused=")) {
            // A refused page form lands on its page's own address, as a browser follows it: that page says why, and is judged.
            where += " -> " + abbreviate(location);
            try {
                response = caller.pageRequest().accept("text/html").config(ANSWER_WITHIN).urlEncodingEnabled(false).get(location);
            } catch (Exception e) {
                failures.add(where + ": no answer (" + e + ")");
                return;
            }
            if (response.statusCode() < 400) {
                failures.add(where + ": the refusal's page answered " + response.statusCode() + " without it");
            }
        }
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(where + ": " + status + " " + abbreviate(response.asString()));
            return;
        }
        if (status >= 400) {
            String body = response.asString();
            if (row.path().startsWith("/api/") && !(body.contains("\"code\"") && body.contains("\"error\""))) {
                failures.add(where + ": " + status + " without the {code, error} shape: " + abbreviate(body));
            } else if (status != 404 && status != 405 && body.isBlank()) {
                failures.add(where + ": " + status + " without a message");
            }
            Map<String, Long> after = counts();
            if (!after.equals(before)) {
                failures.add(where + ": refused with " + status + " but wrote rows: " + before + " -> " + after);
            }
        }
    }

    /** A job an accepted request started writes when it ends: wait for it, so counts change only by the request measured. */
    private void awaitNoJobs() {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline && QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select (select count(*) from training_runs where status in ('queued', 'running'))"
                        + " + (select count(*) from alignment_rounds where status in ('queued', 'running'))"
                        + " + (select count(*) from knowledge_imports where status in ('queued', 'running'))").getSingleResult()).longValue()) > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String table : TABLES) {
                out.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
            }
            return out;
        });
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
