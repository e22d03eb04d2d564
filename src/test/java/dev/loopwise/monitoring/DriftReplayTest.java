package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.monitoring.drift.DriftActions;
import dev.loopwise.monitoring.drift.MonitoringConfig;
import dev.loopwise.monitoring.drift.MonitoringService;
import dev.loopwise.monitoring.replay.ReplayService;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.review.judging.Submission;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replays in-distribution traffic (the demo's labelled tickets), which must raise no alert, then the
 * traffic after the store's new solar product line, which must raise one within 100 requests and queue
 * review items and a round. Windows of 60 requests, checked every 20, two checks to confirm.
 */
@QuarkusTest
class DriftReplayTest {
    static final int DETECTION_BUDGET = 100;

    @Inject
    ReplayService replay;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    @Inject
    DriftActions driftActions;
    @Inject
    MonitoringConfig monitoringConfig;
    @Inject
    ReviewService review;
    @Inject
    UserService users;

    @Test
    void replayingFromThePageRedirectsSoAReloadSendsNothingAgain() {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        String file = "text\nwhere is my parcel\ncan I return a lamp\nmy discount code fails\n";
        var posted = admin.pageRequest().accept("text/html")
                .multiPart("file", "replay.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay");
        assertEquals(303, posted.statusCode(), posted.asString());
        String location = posted.header("Location");
        assertTrue(location.contains("/admin/drift?replayed=3"), location);
        long served = servedRequests(em);
        String page = admin.pageRequest().accept("text/html").get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Replayed 3 tickets"), page);
        assertTrue(page.indexOf("id=\"drift-message\"") < page.indexOf("id=\"alerts-card\""), "no alert: the outcome at the top");
        // With alerts, the outcome stands over them and the actions proposed about them, where the redirect's anchor leads.
        String alerted = admin.pageRequest().accept("text/html").get("/admin/drift?replayed=3&failed=0&checks=1&alerts=1").then()
                .statusCode(200).extract().asString();
        int card = alerted.indexOf("id=\"alerts-card\"");
        assertTrue(card > 0 && alerted.indexOf("id=\"drift-message\"") > card && alerted.indexOf("id=\"actions\"") > card, alerted);
        admin.pageRequest().accept("text/html").get(location).then().statusCode(200);
        assertEquals(served, servedRequests(em), "showing the result again served nothing");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_events where action = 'drift.replay' and actor = 'admin' and target like '3 requests%'")
                .getSingleResult()).longValue()) >= 1, "who sent traffic through the pipeline is in the audit log");
    }

    static long servedRequests(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from served_requests")
                .getSingleResult()).longValue());
    }

    @Test
    void driftIsSeenWhenANewTopicArrivesAndNotBefore() throws Exception {
        List<String> hooks = Collections.synchronizedList(new ArrayList<>());
        HttpServer webhook = HttpServer.create(new InetSocketAddress(URI.create(monitoringConfig.webhookUrl().orElseThrow()).getPort()), 0);
        webhook.createContext("/hook", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            run(hooks);
        } finally {
            webhook.stop(0);
        }
    }

    private void run(List<String> hooks) throws Exception {
        int version = ActiveModel.await();
        List<String> familiar = new ArrayList<>(DemoWorkspace.read("tickets.csv").stream().map(r -> r.get("text")).toList());
        Collections.shuffle(familiar, new Random(11));
        // Other tests served this version before: until a window holds only familiar traffic its checks say
        // nothing about this test, and an alert streak they left would confirm the calm phase's first alert.
        replay.replay(familiar.subList(200, 200 + 2 * monitoringConfig.window()), "replay-test", 20);
        ReplayService.Replayed calm = replay.replay(familiar.subList(0, 200), "replay-test", 20);
        assertEquals(0, calm.failed(), calm.firstError());
        assertTrue(calm.checks().size() >= 6, "checks: " + calm.checks().size());
        calm.checks().forEach(c -> assertTrue(c.confirmed().isEmpty(), "false alarm: " + c.report().alerts()));

        long actionsBefore = actions();
        long mark = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(id), 0) from monitoring_actions").getSingleResult()).longValue());
        List<String> shifted = DemoWorkspace.read("traffic-shifted.csv").stream().map(r -> r.get("text")).toList();
        ReplayService.Replayed moved = replay.replay(shifted, "replay-test", 20);
        int requests = 0;
        int detectedAt = -1;
        for (MonitoringService.Checked check : moved.checks()) {
            requests += 20;
            if (!check.confirmed().isEmpty() && detectedAt < 0) {
                detectedAt = requests;
            }
        }
        assertTrue(detectedAt > 0 && detectedAt <= DETECTION_BUDGET, "drift confirmed after " + detectedAt + " requests");
        // The new product line is named as a topic, with its requests as examples, ready to become an intent.
        assertTrue(moved.checks().stream().flatMap(c -> c.report().newTopics().stream()).flatMap(t -> t.examples().stream())
                .anyMatch(example -> example.toLowerCase(Locale.ROOT).contains("solar")), "the solar questions form a topic");
        assertTrue(actions() > actionsBefore, "the drift was acted on");
        long reviewItems = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(items), 0) from monitoring_actions where action = 'review_items' and id > ?1")
                .setParameter(1, mark).getSingleResult()).longValue());
        assertTrue(reviewItems > 0, "review items queued from the drifted requests");

        JsonPath drift = Caller.apiKey(keys, "admin").request().get("/api/v1/drift").then().statusCode(200).extract().jsonPath();
        assertEquals(version, drift.getInt("modelVersion"));
        assertFalse(drift.getList("alerts").isEmpty());
        assertTrue(drift.getList("actions.action").contains("round_requested"), "a round is proposed");
        // ... but not started on the judgements that existed before the drift: it waits for the queued items' judgements.
        assertEquals("waiting", lastProposal(mark));
        String waitingPage = Caller.session("admin").request().accept("text/html").get("/admin/drift").then().statusCode(200).extract().asString();
        assertTrue(waitingPage.contains("waiting for reviewers&#39; judgements") || waitingPage.contains("waiting for reviewers' judgements"),
                waitingPage);
        assertTrue(waitingPage.contains("a round is proposed here once they have"), "the next step says why it waits");
        // Judgements of other items do not count (here: as many as the rule of any judgement would have wanted) ...
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update monitoring_actions set ready_after_judgements = 0 where status = 'waiting' and id > ?1")
                .setParameter(1, mark).executeUpdate());
        driftActions.wakeWaiting();
        assertEquals("waiting", lastProposal(mark), "no judgement of the drifted requests yet");
        // ... judgements of the items made from the drifted requests do.
        String reviewer = "drift-" + UUID.randomUUID().toString().substring(0, 8); // others' counters stay as they were
        long reviewerId = ScratchAccounts.user(users.create(reviewer, "long-enough-pw", "reviewer", null)).id;
        @SuppressWarnings("unchecked")
        List<Number> driftItems = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select i.id from review_items i join monitoring_actions a on i.ticket_hash = any(a.drift_hashes)
                where a.status = 'waiting' and a.id > ?1 order by i.id""").setParameter(1, mark).getResultList());
        assertFalse(driftItems.isEmpty());
        for (Number item : driftItems) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into review_leases (item_id, reviewer_id, swapped,"
                    + " expires_at) values (?1, ?2, false, now() + interval '1 hour') on conflict do nothing")
                    .setParameter(1, item.longValue()).setParameter(2, reviewerId).executeUpdate());
            review.submit(reviewerId, reviewer, item.longValue(), new Submission("A", null, null, null, 900));
        }
        driftActions.wakeWaiting();
        assertEquals("pending", lastProposal(mark), "once judged, the round waits for the admin's approval (auto-round is off)");
        assertTrue(drift.getList("series").size() >= calm.checks().size());
        assertTrue(Caller.apiKey(keys, "admin").request().get("/q/metrics").asString().contains("loopwise_drift_signal"));
        String page = Caller.session("admin").request().accept("text/html").get("/admin/drift").then().statusCode(200).extract().asString();
        assertTrue(page.contains("What to do next:"), page);
        assertTrue(page.contains("UTC"), "times read like the rest of Loopwise");
        assertFalse(page.contains("<td>null</td>"), "no literal null in the alerts");
        assertTrue(page.contains("id=\"drift-charts\""), "charts once checks exist");
        assertTrue(page.contains(">Of the newest " + monitoringConfig.window() + " requests, those less familiar than 9 in 10"),
                "a count of requests says what it counts in");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (hooks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(hooks.isEmpty(), "the alert was POSTed to the webhook");
        assertTrue(hooks.get(0).contains("\"alert\"") && hooks.get(0).contains("\"modelVersion\""), hooks.get(0));
    }

    /** The round this test's drift proposed: one another test proposed may be newer or still waiting. */
    private String lastProposal(long mark) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from monitoring_actions where action = 'round_requested' and id > ?1 order by id desc limit 1")
                .setParameter(1, mark).getSingleResult());
    }

    private long actions() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from monitoring_actions")
                .getSingleResult()).longValue());
    }
}
