package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that answer, but not with drafts: a wrong path, an unknown model, a rate limit, a server error, an answer
 * without choices, a connection closed without an answer, an https address for a plain-http server. Test connection and /api/v1/respond each say which it is, and the page what to check.
 */
@QuarkusTest
class LlmFailureWordsTest extends FakeLlmTest {
    private static final String KEY = "sk-failure-words-secret-4321";

    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    Caller admin;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        admin = Caller.session("admin");
    }

    @AfterEach
    void tearDown() {
        LlmServingTest.forgetDraftedAnswers(em);
    }

    private String test(String baseUrl) {
        return admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("enabled=on&baseUrl=" + baseUrl + "&model=fake-words&apiKey=" + KEY + "&timeoutSeconds=5&csrf-token="
                        + admin.csrfToken()).post("/admin/llm/test").then().statusCode(200).extract().asString();
    }

    private String respondSays() {
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), KEY, false, 5.0, 1, 0.7, null), "test");
        Map<String, Object> answer = Caller.apiKeyWithoutLimit(keys, "admin").request().contentType("application/json")
                .body(Map.of("text", LlmServingTest.TICKET)).post("/api/v1/respond").then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals("library", answer.get("source"), "answered from the library");
        assertFalse(answer.toString().contains(KEY), "the key never shows");
        return (String) answer.get("llm");
    }

    @Test
    void aWrongPathIsNotCalledAnUnknownModel() {
        llm.status = 404;
        llm.answerBody = "<html><body><h1>404 Not Found</h1></body></html>";
        llm.answerType = "text/html";
        String page = test(llm.baseUrl().replace("/v1", "/api"));
        assertTrue(page.contains("Nothing answers at this address&#39;s path (HTTP 404)") && page.contains("most servers want to end in /v1"), page);
        assertFalse(page.contains("does not know this model") || page.contains(KEY), page);
        assertEquals("unavailable: " + LlmFailure.NO_SUCH_ADDRESS, respondSays());

        llm.answerBody = "{\"error\":{\"message\":\"model 'fake-words' not found, try pulling it first\",\"type\":\"api_error\"}}";
        llm.answerType = "application/json";
        String unknown = test(llm.baseUrl());
        assertTrue(unknown.contains("The server does not know this model") && unknown.contains("/v1/models"), unknown);
    }

    @Test
    void aRateLimitAServerErrorAndAnAnswerWithoutChoicesEachSayWhatToCheck() {
        llm.status = 429;
        llm.answerBody = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        String limited = test(llm.baseUrl());
        assertTrue(limited.contains("The server is limiting requests (HTTP 429") && limited.contains("ask the provider for a higher limit"),
                limited);
        int before = llm.calls.get();
        assertEquals("unavailable: " + LlmFailure.RATE_LIMITED, respondSays());
        assertEquals(1, llm.calls.get() - before, "a rate-limited draft is not asked for again at once: one call, no retry");

        llm.status = 500;
        llm.answerBody = null;
        String failed = test(llm.baseUrl());
        assertTrue(failed.contains("The server answered HTTP 500") && failed.contains("look at its log"), failed);

        llm.status = 200;
        llm.answerBody = "{\"id\":\"x\",\"object\":\"chat.completion\",\"result\":\"Ready.\"}";
        String strange = test(llm.baseUrl());
        assertTrue(strange.contains("held no &#39;choices&#39;") || strange.contains("held no 'choices'"), strange);
        assertTrue(strange.contains("not a web page, a sign-in page"), strange);
        assertEquals("unavailable: " + LlmFailure.NO_CHOICES, respondSays());
    }

    @Test
    void aServerThatHangsUpOrSpeaksNoHttpsIsNotCalledTheWrongFormat() {
        llm.hangUp = true;
        String cut = test(llm.baseUrl());
        assertTrue(cut.contains("The server closed the connection before its answer was complete") && cut.contains("look at its log"),
                cut);
        assertFalse(cut.contains("not in the OpenAI chat-completions format") || cut.contains(KEY), cut);
        assertEquals("unavailable: " + LlmFailure.CUT_OFF, respondSays());

        llm.hangUp = false;
        String plain = test(llm.baseUrl().replace("http://", "https://"));
        assertTrue(plain.contains("No secure connection could be set up with the server") && plain.contains("write http://"), plain);
        assertFalse(plain.contains("not in the OpenAI chat-completions format") || plain.contains(KEY), plain);
    }
}
