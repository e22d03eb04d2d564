package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.ScratchIntents;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller: anonymous, reviewer and admin in the browser, reviewer, admin
 * and service (a helpdesk integration) with an API key, over the rows of {@link Endpoints}. Adding an endpoint without a row
 * there fails {@link #everyEndpointHasARow()}.
 * A 409 where the table expects it means the role check passed and the request reached its rule
 * (promoting the version that is already active).
 */
@QuarkusTest
class RoleMatrixTest {
    private static final String ADMIN = Role.ADMIN;
    private static final String REVIEWER = Role.REVIEWER;
    private static final String SERVICE = Role.SERVICE;

    @Inject
    ApiKeyService keys;
    @Inject
    WorkspaceService workspace;
    @Inject
    UserService users;

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
    }


    @Test
    void everyCallerGetsExactlyTheAccessItsRoleAllows() {
        int version = ActiveModel.await();
        // Another test may have made it already (the bad-input suite sends this table's bodies too).
        long intentId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Intent.findByName("matrix_scratch")
                .map(intent -> intent.id).orElseGet(() -> workspace.saveIntent(null, "matrix_scratch", "scratch").id));
        Map<String, String> ids = Map.of("{version}", String.valueOf(version), "{runId}", "1", "{intentId}", String.valueOf(intentId),
                "{itemId}", String.valueOf(reviewItem()), "{goldItemId}", String.valueOf(reviewItem()), "{missingId}", "987654321",
                "{userId}", String.valueOf(ScratchAccounts.user(users.create("matrix-target", "long-enough-pw", REVIEWER, null)).id));
        ScratchAccounts.user(users.create("matrix-helpdesk", null, SERVICE, null));
        Map<Caller, Set<String>> callers = Map.of(
                Caller.anonymous(), Set.of(),
                Caller.session("reviewer1"), Set.of(REVIEWER),
                Caller.session("admin"), Set.of(ADMIN),
                Caller.apiKey(keys, "reviewer2"), Set.of(REVIEWER),
                Caller.apiKey(keys, "admin"), Set.of(ADMIN),
                Caller.apiKey(keys, "matrix-helpdesk"), Set.of(SERVICE));
        List<String> failures = new ArrayList<>();
        for (Endpoints.Row row : Endpoints.ROWS) {
            if (row.path().equals("/logout")) {
                continue; // checked last: it ends the session the other rows need
            }
            callers.forEach((caller, roles) -> check(row, caller, roles, ids, failures));
        }
        Endpoints.Row logout = Endpoints.ROWS.stream().filter(r -> r.path().equals("/logout")).findFirst().orElseThrow();
        callers.forEach((caller, roles) -> check(logout, caller, roles, ids, failures));
        assertTrue(failures.isEmpty(), "Access differs from the table:\n" + String.join("\n", failures));
    }

    private void check(Endpoints.Row row, Caller caller, Set<String> roles, Map<String, String> ids, List<String> failures) {
        String path = row.path().replace("{ownKeyId}", String.valueOf(ownKeyId(caller)))
                .replace("{replyId}", String.valueOf(scratchReply()));
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        RequestSpecification request = (Endpoints.isApi(row.path()) ? caller.request() : caller.pageRequest()).accept(row.accept());
        if (row.path().equals(SameOriginFilter.LOGIN_POST_SUFFIX)) {
            request = request.header("Origin", Caller.origin()); // the sign-in form's post, as a browser sends it
        }
        boolean known = caller.kind != Caller.Kind.ANONYMOUS;
        if (caller.kind == Caller.Kind.SESSION && !Endpoints.FORM.equals(row.contentType())
                && !Endpoints.MULTIPART.equals(row.contentType())) {
            request = request.header("X-CSRF-TOKEN", caller.csrfToken()); // as the judging page's script sends it
        }
        if (Endpoints.MULTIPART.equals(row.contentType())) {
            request = request.multiPart("file", "tickets.csv", row.body().apply(caller).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .multiPart("csrf-token", caller.csrfToken());
        } else if (row.body() != null && known) {
            String body = row.body().apply(caller);
            request = Endpoints.FORM.equals(row.contentType()) ? request.contentType(Endpoints.FORM).body(body)
                    : request.contentType(row.contentType()).body(body.getBytes(StandardCharsets.UTF_8));
        } else if (row.body() != null) {
            request = Endpoints.FORM.equals(row.contentType()) ? request.contentType(Endpoints.FORM).body("x=1")
                    : request.contentType(row.contentType()).body("{}".getBytes(StandardCharsets.UTF_8));
        } else if (row.contentType() != null) {
            request = request.contentType(row.contentType());
        }
        Response response = request.request(row.method(), path);
        int expected = row.access().expectedFor(caller, roles);
        if (!row.access().accepts(response.statusCode(), caller, roles)) {
            failures.add(row.method() + " " + row.path() + " as " + caller + ": expected " + expected + ", got "
                    + response.statusCode() + " " + abbreviate(response.asString()));
        }
        String location = response.header("Location");
        if (expected == 303 && !known && (location == null || !location.contains("/login"))) {
            failures.add(row.method() + " " + row.path() + " as anonymous: redirected to " + location);
        }
        String refusedOnto = Endpoints.REFUSED_ONTO.get(row.method() + " " + row.path());
        if (refusedOnto != null && known && response.statusCode() == 303
                && (location == null || !URI.create(location).getPath().equals(refusedOnto) || !location.contains("refused="))) {
            failures.add(row.method() + " " + row.path() + " as " + caller + ": expected its refusal on " + refusedOnto
                    + ", redirected to " + location);
        }
    }

    private long ownKeyId(Caller caller) {
        return caller.username == null ? 1
                : ScratchAccounts.key(keys.create(caller.username, "to revoke " + UUID.randomUUID())).key().id;
    }

    /** An item nobody leased (so judging it is refused after the role check) and nobody judged (nothing to undo). */
    private long reviewItem() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            List<Reply> replies = Reply.listActive();
            ReviewItem item = new ReviewItem();
            item.ticketText = "role matrix ticket " + Endpoints.UNIQUE.incrementAndGet();
            item.ticketHash = UUID.randomUUID().toString();
            item.source = "traffic";
            item.reply1Id = replies.get(0).id;
            item.reply2Id = replies.get(1).id;
            item.reply1Text = replies.get(0).text;
            item.reply2Text = replies.get(1).text;
            item.strategy = "top2";
            item.requiredJudgements = 1;
            item.status = ReviewItem.COMPLETE;
            item.persist();
            return item.id;
        });
    }

    private long scratchReply() {
        Reply reply = workspace.saveReply(null, "matrix_scratch", "scratch reply " + Endpoints.UNIQUE.incrementAndGet());
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
        Endpoints.ROWS.forEach(row -> covered.add(row.method() + " " + row.path().replaceAll("\\{[A-Za-z]+}", "{}")));
        declared.removeIf(endpoint -> covered.contains(endpoint.replaceAll("\\{[A-Za-z]+}", "{}")));
        assertEquals(Set.of(), declared, "Endpoints without a row in the role table");
        // The form sign-in is Quarkus' own endpoint, which the scanner cannot find: it must have its row all the same.
        assertTrue(Endpoints.ROWS.stream().anyMatch(row -> row.method().equals("POST") && row.path().equals(SameOriginFilter.LOGIN_POST_SUFFIX)
                && row.access().surface() == Access.Surface.PUBLIC), "the sign-in post has a row open to anyone");
        // Files served as they are (style sheet, scripts, icon, the chart library): anyone may fetch them, so each place
        // one is served from has a row saying so, and a new one must be added here on purpose.
        Set<String> unlisted = new TreeSet<>(EndpointScanner.staticEntries());
        unlisted.add("webjars");
        unlisted.removeIf(entry -> Endpoints.ROWS.stream().anyMatch(row -> row.path().startsWith("/" + entry)));
        assertEquals(Set.of(), unlisted, "Static files without a row in the role table");
    }

    /**
     * Each endpoint names who may call it in its annotations, and the table above expects what they name: the matrix
     * checks the behaviour, this the declaration, so neither can drift from the other unnoticed.
     */
    @Test
    void everyEndpointDeclaresItsCallersAsTheTableSays() {
        Map<String, Set<String>> declared = EndpointScanner.declaredCallers("dev.loopwise");
        List<String> failures = new ArrayList<>();
        declared.forEach((endpoint, callers) -> {
            if (callers.equals(EndpointScanner.UNDECLARED)) {
                failures.add(endpoint + ": no @RolesAllowed, @PermitAll or @Authenticated");
            }
        });
        for (Endpoints.Row row : Endpoints.ROWS) {
            String shape = row.method() + " " + row.path().replaceAll("\\{[A-Za-z]+}", "{}");
            Set<String> expected = !row.access().roles().isEmpty() ? row.access().roles()
                    : row.access().surface() == Access.Surface.PUBLIC || row.access().surface() == Access.Surface.LOGIN
                    ? EndpointScanner.ANYONE : EndpointScanner.SIGNED_IN;
            declared.forEach((endpoint, callers) -> {
                if (endpoint.replaceAll("\\{[A-Za-z]+}", "{}").equals(shape) && !callers.equals(expected)) {
                    failures.add(endpoint + ": declares " + callers + ", the table expects " + expected);
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
