package dev.loopwise.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A replay longer than the in-request limit (50 tickets in tests) runs in the background: the page answers at once,
 * shows its progress, and can cancel it; every ticket it sent is answered and logged, and none after a cancel.
 */
@QuarkusTest
class BackgroundReplayTest {
    @Inject
    EntityManager em;

    @Test
    void aLongReplayRunsInTheBackgroundAndEndsWithItsOutcome() throws Exception {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        String caller = admin.username;
        long before = served(caller);
        var posted = post(admin, "seventy.csv", familiarTickets(70));
        assertEquals(303, posted.statusCode(), posted.asString());
        assertEquals("/admin/drift", URI.create(posted.header("Location")).getPath(), "the page follows it, not the request");
        long id = newest();
        JsonPath done = waitForEnd(admin, id);
        assertEquals("succeeded", done.getString("status"), done.prettify());
        assertEquals(70, done.getInt("sent"));
        assertEquals(70, done.getInt("total"));
        assertTrue(done.getInt("checks") >= 1, "a drift check after every stride, as the schedule would");
        assertEquals(before + 70, served(caller), "every ticket answered and logged once");
        assertNull(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select texts from drift_replays where id = ?1")
                .setParameter(1, id).getSingleResult()), "the tickets are not kept once it ended");
        String page = admin.pageRequest().accept("text/html").get("/admin/drift").then().statusCode(200).extract().asString();
        assertTrue(page.contains("seventy.csv") && page.contains("Replayed 70 tickets"), page);
        assertTrue(audited("drift.replay.queued", "replay " + id) && audited("drift.replay", "70 requests (seventy.csv)"));
    }

    @Test
    void aCancelledReplayStopsAfterTheSliceItIsSending() throws Exception {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        String caller = admin.username;
        long before = served(caller);
        post(admin, "long.csv", familiarTickets(3000)).then().statusCode(303);
        long id = newest();
        long deadline = System.currentTimeMillis() + 120_000;
        while (progress(admin, id).getInt("sent") == 0 && !progress(admin, id).getBoolean("finished")) {
            assertTrue(System.currentTimeMillis() < deadline, "the replay started");
            Thread.sleep(50);
        }
        String page = admin.pageRequest().accept("text/html").get("/admin/drift").then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-progress-url=\"/admin/drift/replays/" + id + "\"") && page.contains("Cancel this replay"), page);
        admin.pageRequest().accept("text/html").formParam("csrf-token", admin.csrfToken())
                .post("/admin/drift/replays/" + id + "/cancel").then().statusCode(303);
        JsonPath ended = waitForEnd(admin, id);
        assertEquals("cancelled", ended.getString("status"), ended.prettify());
        int sent = ended.getInt("sent");
        assertTrue(sent > 0 && sent < 3000, "sent " + sent);
        assertTrue(ended.getString("said").startsWith("cancelled after " + String.format(Locale.ROOT, "%,d", sent)),
                ended.getString("said"));
        assertEquals(before + sent, served(caller), "what was sent was answered and logged; nothing after the cancel");
        Thread.sleep(500);
        assertEquals(before + sent, served(caller), "and nothing later either");
        assertFalse(admin.pageRequest().accept("application/json").get("/admin/drift/replays/" + id).jsonPath().getBoolean("cancelRequested"));
        admin.pageRequest().accept("application/json").get("/admin/drift/replays/999999999").then().statusCode(404);
    }

    /**
     * A CSV of {@code count} of the demo's own tickets, over and over: traffic the model knows, so that replaying it
     * raises no drift alert that would queue review items or rounds under the tests that follow.
     */
    static String familiarTickets(int count) {
        List<String> known = dev.loopwise.demo.DemoWorkspace.read("tickets.csv").stream().map(row -> row.get("text"))
                .map(text -> '"' + text.replace("\"", "\"\"") + '"').collect(Collectors.toCollection(ArrayList::new));
        // The file lists them intent by intent; a window of one intent would move the intent mix and raise an alert.
        Collections.shuffle(known, new Random(5));
        return "text\n" + IntStream.range(0, count).mapToObj(i -> known.get(i % known.size())).collect(Collectors.joining("\n")) + "\n";
    }

    private static io.restassured.response.Response post(Caller admin, String name, String file) {
        return admin.pageRequest().accept("text/html").multiPart("file", name, file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay");
    }

    private static JsonPath progress(Caller admin, long id) {
        return admin.pageRequest().accept("application/json").get("/admin/drift/replays/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath waitForEnd(Caller admin, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        JsonPath view = progress(admin, id);
        while (!view.getBoolean("finished")) {
            assertTrue(System.currentTimeMillis() < deadline, "replay " + id + " still " + view.getString("said"));
            Thread.sleep(200);
            view = progress(admin, id);
        }
        return view;
    }

    private long newest() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select max(id) from drift_replays")
                .getSingleResult()).longValue());
    }

    private long served(String caller) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where caller = ?1").setParameter(1, caller).getSingleResult()).longValue());
    }

    private boolean audited(String action, String target) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_events where action = ?1 and target = ?2").setParameter(1, action).setParameter(2, target)
                .getSingleResult()).longValue()) == 1;
    }
}
