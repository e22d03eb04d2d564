package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.LlmMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every reason a call to the LLM failed reads on the LLM page as a sentence saying what happened and what to check: a slow
 * server, a refused connection, a refused key, an unknown model or path, an answer not in the format — after Test connection
 * and as the latest failure of the connection in effect.
 */
@QuarkusTest
class LlmFailureSentencesTest extends FakeLlmTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    Caller admin;

    @BeforeEach
    void signIn() {
        admin = Caller.session("admin");
    }

    @AfterEach
    void forgetAnswers() {
        LlmServingTest.forgetDraftedAnswers(em);
    }

    /** The Test connection's failure as the page shows it, apostrophes as typed. */
    private String tested(String baseUrl, String timeoutSeconds) {
        String html = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("baseUrl=" + baseUrl + "&model=fake-sentences&timeoutSeconds=" + timeoutSeconds + "&csrf-token="
                        + admin.csrfToken()).post("/admin/llm/test").then().statusCode(200).extract().asString().replace("&#39;", "'");
        int at = html.indexOf("id=\"llm-test-failed\"");
        assertTrue(at > 0, "the test failed: " + html);
        return html.substring(at, html.indexOf("</p>", at));
    }

    @Test
    void aSlowServerNamesTheTimeoutItsValueWhereItIsSetAndThatTheModelMayBeLoading() {
        llm.delayMs = 5_000;
        String slow = tested(llm.baseUrl(), "0.5");
        assertTrue(slow.contains("The LLM server did not answer within the timeout of 0.5 s (Timeout, seconds, on this page)."), slow);
        assertTrue(slow.contains("still loading the model into memory") && slow.contains("raise the timeout"), slow);
        assertFalse(slow.contains(": timeout."), "never the bare word: " + slow);

        // Unsaved, the timeout comes from the environment: the sentence names that setting instead.
        LlmSettings configured = new LlmSettings(true, llm.baseUrl(), "m", null, Duration.ofSeconds(10), 3, 0.7, null, "the configuration");
        assertEquals(LlmMessages.llmTimedOut("10 s", "LOOPWISE_LLM_TIMEOUT, until a timeout is saved on this page"),
                LlmFailure.sentence(LlmFailure.TIMEOUT, configured));
    }

    @Test
    void aRefusedConnectionAndARefusedKeyEachSayWhatToCheck() {
        // Port 1: nothing listens there, so the connection is refused.
        String refused = tested("http://127.0.0.1:1/v1", "30");
        assertTrue(refused.contains("Nothing accepted the connection at this address") && refused.contains("the LLM server is running"),
                refused);
        for (int status : new int[] {401, 403}) {
            llm.status = status;
            String key = tested(llm.baseUrl(), "30");
            assertTrue(key.contains("The server refused the API key (HTTP 401 or 403): paste the key again"), status + ": " + key);
        }
    }

    @Test
    void anUnknownModelAWrongPathAndAMalformedAnswerAreToldApart() {
        llm.status = 404;
        llm.answerBody = "{\"error\":{\"message\":\"model 'fake-sentences' not found\",\"type\":\"api_error\"}}";
        String model = tested(llm.baseUrl(), "30");
        assertTrue(model.contains("The server does not know this model (HTTP 404): type the model's name exactly"), model);

        llm.answerBody = null;
        String path = tested(llm.baseUrl().replace("/v1", "/api"), "30");
        assertTrue(path.contains("Nothing answers at this address's path (HTTP 404): check the path"), path);

        llm.status = 200;
        llm.malformed = true;
        String malformed = tested(llm.baseUrl(), "30");
        assertTrue(malformed.contains("The server's answer is not in the OpenAI chat-completions format")
                && malformed.contains("not a web page, a sign-in page"), malformed);
    }

    @Test
    void theLatestFailureOfTheConnectionInEffectIsOnThePageInASentence() throws Exception {
        ActiveModel.await();
        llm.delayMs = 5_000;
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-latest", null, false, 0.5, 1, 0.7, null), "test");
        Map<String, Object> answer = Caller.apiKeyWithoutLimit(keys, "admin").request().contentType("application/json")
                .body(Map.of("text", LlmServingTest.TICKET)).post("/api/v1/respond").then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals("unavailable: timeout", answer.get("llm"), "the API keeps its short reason");

        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"llm-latest-failure\"");
        assertTrue(at > 0, "the latest failure is shown: " + html);
        String latest = html.substring(at, html.indexOf("</p>", at));
        assertTrue(latest.contains("UTC: The LLM server did not answer within the timeout of 0.5 s (Timeout, seconds, on this page)."),
                latest);

        // New settings start with no failure of their own.
        llm.delayMs = 0;
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-latest-2", null, false, 5.0, 1, 0.7, null), "test");
        Caller.apiKeyWithoutLimit(keys, "admin").request().contentType("application/json")
                .body(Map.of("text", LlmServingTest.TICKET)).post("/api/v1/respond").then().statusCode(200);
        String after = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        assertFalse(after.contains("id=\"llm-latest-failure\""), after);
    }

    @Test
    void aFailureAnotherInstanceLoggedIsOnThisInstancesPage() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-elsewhere", null, false, 5.0, 1, 0.7, null), "test");
        String marker = "answered by another instance " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into served_requests (id, endpoint, text, text_hash,"
                        + " out_of_scope, latency_ms, answer_source, llm_status) values (gen_random_uuid(), 'respond', ?1, md5(?1), false,"
                        + " 5, 'library', 'unavailable: the server refused the API key')")
                .setParameter(1, marker).executeUpdate());

        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"llm-latest-failure\"");
        assertTrue(at > 0, "a failure logged by any instance is shown: " + html);
        assertTrue(html.substring(at, html.indexOf("</p>", at)).replace("&#39;", "'").contains(LlmMessages.LLM_KEY_REFUSED), html);

        // Saved again, the settings start over: the ticket answered before the save is not theirs.
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-elsewhere-2", null, false, 5.0, 1, 0.7, null), "test");
        String after = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        assertFalse(after.contains("id=\"llm-latest-failure\""), after);
    }

    @Test
    void aRateLimitThatHeldATicketBackIsToldAsOverOnceItEnded() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-held", null, false, 5.0, 1, 0.7, null), "test");
        // Logged as LlmRateLimit.Held names it: held until ten minutes from now, then a later ticket held until 30 s ago.
        logHeldTicket("now() + interval '10 minutes'");
        String holding = latestFailure();
        assertTrue(holding.contains("so no call is made to it and tickets are answered from the library until"), holding);

        logHeldTicket("now() - interval '30 seconds'");
        String over = latestFailure();
        assertTrue(over.contains("so no call was made to it and tickets were answered from the library until")
                && over.contains(" UTC; that is over, and calls are made again."), over);
        assertFalse(over.contains("tickets are answered"), over);
    }

    @Test
    void aHoldIsOverWhenTheInstantLoggedWithItHasPassedWhateverItsTimeOfDaySays() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-held-long", null, false, 5.0, 1, 0.7, null), "test");
        // Logged now, for a hold ending in a day less 30 s: its time of day passed 30 s ago, and it holds until tomorrow.
        logHeldTicket("now()", "now() + interval '1 day' - interval '30 seconds'");
        String holding = latestFailure();
        assertTrue(holding.contains("so no call is made to it and tickets are answered from the library until"), holding);

        // Logged now for a hold that ended 90 s ago (its entry written more than a minute late): over, not tomorrow.
        logHeldTicket("now()", "now() - interval '90 seconds'");
        String over = latestFailure();
        assertTrue(over.contains(" UTC; that is over, and calls are made again."), over);
    }

    private void logHeldTicket(String at, String until) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into served_requests (id, endpoint, text, text_hash,"
                        + " out_of_scope, latency_ms, answer_source, llm_status, created_at, llm_held_until) values (gen_random_uuid(),"
                        + " 'respond', ?1, md5(?1), false, 5, 'library', ?2 || to_char((" + until + ") at time zone 'UTC', 'HH24:MI:SS')"
                        + " || ' UTC', " + at + ", " + until + ")")
                .setParameter(1, "held back " + UUID.randomUUID()).setParameter(2, LlmFigures.UNAVAILABLE + LlmFailure.SLOWED_DOWN)
                .executeUpdate());
    }

    private void logHeldTicket(String until) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into served_requests (id, endpoint, text, text_hash,"
                        + " out_of_scope, latency_ms, answer_source, llm_status) values (gen_random_uuid(), 'respond', ?1, md5(?1), false,"
                        + " 5, 'library', ?2 || to_char((" + until + ") at time zone 'UTC', 'HH24:MI:SS') || ' UTC')")
                .setParameter(1, "held back " + UUID.randomUUID()).setParameter(2, LlmFigures.UNAVAILABLE + LlmFailure.SLOWED_DOWN)
                .executeUpdate());
    }

    private String latestFailure() {
        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        int at = html.indexOf("id=\"llm-latest-failure\"");
        assertTrue(at > 0, "the latest failure is shown: " + html);
        return html.substring(at, html.indexOf("</p>", at));
    }
}
