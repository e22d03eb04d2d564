package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/respond with an LLM on a local fake server: drafts ranked with the library, and every way the LLM can fail. */
@QuarkusTest
class LlmServingTest extends FakeLlmTest {
    static final String TICKET = "Where is my order FH-123456? I would like the tracking number please.";
    static final String GOOD = "Hi there,\n\nGood news: your order FH-123456 is on its way and you can follow it with the tracking "
            + "link in your shipping email. The courier expects to deliver it within two days; if it's not with you by then, "
            + "just reply and we'll chase it.\n\n— Fernhill & Co. support";
    static final String JUNK = "Our cafeteria serves pasta on Fridays. Have a lovely weekend!";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    Caller client;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        client = Caller.apiKeyWithoutLimit(keys, "admin");
    }

    @AfterEach
    void tearDown() throws Exception {
        forgetDraftedAnswers(em);
    }

    /** Answers with drafts would become draft review items in later test classes' queues. */
    static void forgetDraftedAnswers(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from served_requests where answer_source is not null").executeUpdate());
    }

    /** A fresh model name gives a fresh client and circuit breaker, so one test's failures never open another's circuit. */
    private void connect(double timeoutSeconds, int drafts) {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), "sk-test-secret-1234", false,
                timeoutSeconds, drafts, 0.7, null), "test");
    }

    private JsonPath respond(String text) {
        return client.request().contentType("application/json").body(Map.of("text", text)).post("/api/v1/respond")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theRewardModelRanksDraftsWithLibraryRepliesAndTheBestIsServedAndLogged() {
        llm.drafts = List.of(GOOD, JUNK);
        connect(5, 2);
        JsonPath answer = respond(TICKET);
        List<Map<String, Object>> candidates = answer.getList("candidates");
        System.out.println("scores: " + candidates);
        assertEquals("ok: 2 drafts", answer.getString("llm"));
        assertEquals("no knowledge base", answer.getString("grounding"));
        assertEquals(2, candidates.stream().filter(c -> c.get("kind").equals("draft")).count());
        assertTrue(candidates.stream().anyMatch(c -> c.get("kind").equals("library")));
        Map<String, Object> chosen = candidates.stream().filter(c -> (Boolean) c.get("chosen")).findFirst().orElseThrow();
        double best = candidates.stream().filter(c -> (Boolean) c.get("servable")).mapToDouble(c -> ((Number) c.get("score")).doubleValue())
                .max().orElseThrow();
        assertEquals(best, ((Number) chosen.get("score")).doubleValue(), 1e-9, "the highest score among servable candidates is served");
        assertEquals(chosen.get("text"), answer.getString("response.text"));
        assertEquals("track_order", answer.getString("response.intent"), "drafts and best-of-n replies answer the predicted intent");
        Map<String, Object> junk = candidate(candidates, JUNK);
        assertEquals(false, junk.get("servable"), "an off-topic draft is never served: " + junk);
        assertTrue(((Number) junk.get("likeLibrary")).doubleValue() < ((Number) candidate(candidates, GOOD).get("likeLibrary")).doubleValue());
        assertEquals(true, candidate(candidates, GOOD).get("servable"), "a rewording of a library reply may be served");
        // The LLM saw the intent, the library's best replies and the ticket, in the brand voice.
        String prompt = llm.requests.get(0).encode();
        assertTrue(prompt.contains("track_order") && prompt.contains("FH-123456") && prompt.contains("Brand voice"), prompt);
        assertTrue(prompt.contains("no knowledge base"), prompt);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select answer_source, llm_status, jsonb_array_length(candidates), sources::text, reply_text, reply_id, llm_ms, latency_ms
                from served_requests where id = cast(?1 as uuid)""").setParameter(1, answer.getString("requestId")).getSingleResult());
        assertEquals(answer.getString("source"), row[0]);
        assertEquals("ok: 2 drafts", row[1]);
        assertEquals(candidates.size(), ((Number) row[2]).intValue());
        assertEquals("[]", row[3]);
        assertEquals(answer.getString("response.text"), row[4]);
        assertEquals(answer.getString("source").equals("llm"), row[5] == null, "a draft has no library id");
        // The LLM's own time is logged beside the whole latency, so Loopwise's share of it can be told apart.
        assertEquals(answer.getLong("llmMs"), ((Number) row[6]).longValue());
        assertTrue(((Number) row[7]).doubleValue() >= ((Number) row[6]).doubleValue());
        assertTrue(Caller.apiKey(keys, "admin").request().accept("text/plain").get("/q/metrics").asString()
                .contains("loopwise_serving_own_seconds_count"), "its own share is in the metrics, for a dashboard");
    }

    @Test
    void aSlowLlmIsLeftBehindAtItsTimeoutAndTheLibraryAnswers() {
        // Far beyond the timeout: the answer must not wait for it, however slow the machine is.
        llm.delayMs = 30_000;
        connect(0.5, 2);
        JsonPath answer = respond(TICKET);
        assertEquals(0, llm.answered.get(), "answered while the LLM still held back its drafts, not after them");
        assertEquals(2, llm.calls.get(), "the LLM was asked");
        assertEquals("library", answer.getString("source"));
        assertEquals("unavailable: timeout", answer.getString("llm"));
        assertNotNull(answer.get("response.id"));
    }

    @Test
    void aFailingOrMalformedLlmFallsBackToTheLibraryAndSaysWhy() {
        llm.status = 500;
        connect(5, 1);
        JsonPath failed = respond(TICKET);
        assertEquals("library", failed.getString("source"));
        assertEquals("unavailable: the server answered HTTP 500", failed.getString("llm"));
        llm.status = 200;
        llm.malformed = true;
        connect(5, 1);
        JsonPath malformed = respond(TICKET);
        assertEquals("library", malformed.getString("source"));
        assertTrue(malformed.getString("llm").startsWith("unavailable: "), malformed.getString("llm"));
        assertNotNull(malformed.get("response.text"));
        System.out.println("malformed: " + malformed.getString("llm"));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenNoCallIsMade() {
        llm.status = 500;
        connect(5, 2);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LlmClient.class.getName());
        logger.addHandler(handler);
        String last = null;
        try {
            for (int i = 0; i < 6 && !"unavailable: circuit open".equals(last); i++) {
                last = respond(TICKET + " " + i).getString("llm");
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals("unavailable: circuit open", last);
        // The log says once why the circuit opened: the failure that tipped it, not only that it did.
        List<String> opened = logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> new SimpleFormatter().formatMessage(r))
                .toList();
        assertEquals(1, opened.size(), opened.toString());
        assertTrue(opened.get(0).startsWith("LLM circuit opened for fake-") && opened.get(0).contains("the latest with the server answered HTTP 500"),
                opened.get(0));
        int calls = llm.calls.get();
        JsonPath answer = respond(TICKET + " once more");
        assertEquals("unavailable: circuit open", answer.getString("llm"));
        assertEquals(calls, llm.calls.get(), "no call while the circuit is open");
        assertEquals("library", answer.getString("source"), "the library answers at once");
        assertNotNull(answer.get("response.id"));
    }

    @Test
    void withoutAnLlmTheAnswerIsTheLibraryPolicysAsBefore() {
        JsonPath answer = respond(TICKET);
        assertNull(answer.get("source"));
        assertNull(answer.get("candidates"));
        assertFalse(answer.getString("response.text").isBlank());
        assertEquals(0, llm.calls.get());
    }

    @Test
    void tryATicketAsksTheLlmAsServingWouldAndLogsNothing() {
        llm.drafts = List.of(GOOD, JUNK);
        connect(5, 2);
        long served = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from served_requests")
                .getSingleResult()).longValue());
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html").formParam("ticket", TICKET).formParam("csrf-token", admin.csrfToken())
                .post("/admin/models/try").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"try-llm\"") && page.contains("With your LLM connected (it wrote 2 drafts)"), page);
        assertTrue(page.contains("id=\"try-candidates\"") && page.contains("too unlike the library to send"), "the junk draft is shown, not sent: " + page);
        assertEquals(2, llm.requests.size(), "the LLM was asked for the try's two drafts");
        assertEquals(served, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests").getSingleResult()).longValue()), "a try is not traffic");
    }

    private static Map<String, Object> candidate(List<Map<String, Object>> candidates, String text) {
        return candidates.stream().filter(c -> text.equals(c.get("text"))).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + text + " in " + candidates));
    }
}
