package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin page: connect, the key never shown back, and "test connection" in plain words. */
@QuarkusTest
class LlmPageTest extends FakeLlmTest {
    private static final String KEY = "sk-page-test-very-secret-9876";

    @Inject
    LlmFigures figures;
    Caller admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = Caller.session("admin");
    }

    private String post(String path, String form, int status) {
        return admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body(form + (form.isEmpty() ? "" : "&") + "csrf-token=" + admin.csrfToken()).post(path)
                .then().statusCode(status).extract().asString();
    }

    @Test
    void withoutAnLlmThePageExplainsHowToConnectOne() {
        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        assertTrue(html.contains("not connected: every answer comes from the reply library"), html);
        for (String server : List.of("Ollama", "vLLM", "llama.cpp", "OpenAI", "Azure OpenAI", "LOOPWISE_LLM_BASE_URL")) {
            assertTrue(html.contains(server), server);
        }
        String test = post("/admin/llm/test", "", 200);
        assertTrue(test.contains("No address or model is set: fill both in"), test);
        String empty = post("/admin/llm/test", "baseUrl=&model=", 400);
        assertTrue(empty.contains("To test a connection, fill in the server") && !empty.contains("To turn the LLM on"), empty);
    }

    @Test
    void savedSettingsTakeEffectTheKeyIsNeverShownAndTheTestReportsLatencyAndAnswer() {
        llm.drafts = List.of("Yes, I am ready.");
        String saved = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=fake-page&apiKey=" + KEY
                + "&timeoutSeconds=2.5&drafts=2&temperature=0.4&brandVoice=Warm+and+short", 200);
        assertTrue(saved.contains("Saved."), saved);
        assertTrue(saved.contains("name=\"temperature\" value=\"0.4\""), "the temperature as typed: " + saved);
        assertFalse(saved.contains("does not end in /v1"), saved);
        assertFalse(saved.contains(KEY), "the key is never shown back");
        assertTrue(saved.contains("9876"), "its last characters tell which key is stored");
        LlmSettings now = settings.current();
        assertTrue(now.active());
        assertEquals(2500, now.timeout().toMillis());
        assertEquals(2, now.drafts());
        assertEquals(KEY, now.apiKey());
        String withoutVersion = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl().replace("/v1", "") + "&model=fake-page", 200);
        assertTrue(withoutVersion.contains("does not end in /v1"), withoutVersion);
        // Saving again without a key keeps the stored one.
        post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=fake-page&timeoutSeconds=2.5&drafts=2", 200);
        assertEquals(KEY, settings.current().apiKey());

        String test = post("/admin/llm/test", "", 200);
        assertTrue(test.matches("(?s).*It answered in \\d+ ms: <q>Yes, I am ready.</q>.*"), test);
        assertTrue(llm.requests.get(0).encode().contains("fake-page"));

        llm.status = 500;
        String failed = post("/admin/llm/test", "", 200);
        assertTrue(failed.matches("(?s).*The test failed after \\d+ ms. The server answered HTTP 500, a failure on its side.*"), failed);
        // Saved as on while it fails: tried at once, and the page says customers get library replies meanwhile.
        String savedFailing = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=fake-page", 200);
        assertTrue(savedFailing.contains("did not answer the test below") && savedFailing.contains("HTTP 500"), savedFailing);
    }

    @Test
    void thePageShowsWhatAnotherInstanceSavedAMomentAgoNotThisInstancesCopy() {
        post("/admin/llm", "baseUrl=&model=&timeoutSeconds=10&drafts=3&temperature=0.7&brandVoice=Friendly+and+short", 200);
        // Another instance behind the same balancer saves a new brand voice; this one has not re-read the settings yet.
        QuarkusTransaction.requiringNew().run(() -> LlmSettingsRow.getEntityManager()
                .createNativeQuery("update llm_settings set brand_voice = 'Formal, from the other instance.'").executeUpdate());
        String html = admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Formal, from the other instance.</textarea>"),
                "a form filled with the old voice would save it back: " + html);
    }

    @Test
    void aBadSettingIsRefusedWithWhatToFixAndNothingChanges() {
        String refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=m&drafts=many", 400);
        assertTrue(refused.contains("must be a number, not &#39;many&#39;") || refused.contains("must be a number, not 'many'"), refused);
        refused = post("/admin/llm", "enabled=on&model=m", 400);
        assertTrue(refused.contains("give both its address"), refused);
        // What was typed stays in the form, so fixing the one bad field is all that is left to do.
        refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=kept-model&temperature=5&brandVoice=Warm+and+brief", 400);
        assertTrue(refused.contains("temperature"), refused);
        assertTrue(refused.contains("value=\"kept-model\"") && refused.contains(">Warm and brief</textarea>")
                && refused.contains("value=\"5\""), refused);
        assertFalse(settings.current().active());
        // A key goes into an HTTP header: one pasted with a trailing '…' or a line break is refused, not stored to fail later.
        for (String key : List.of("sk-live-1234567890%E2%80%A6", "abc%0D%0AX-Evil%3A+1", "two+words")) {
            refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + key, 400);
            assertTrue(refused.contains("visible ASCII"), refused);
        }
        refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl().replace("http://", "http://u:secretpw@") + "&model=m", 400);
        assertTrue(refused.contains("not in its address"), refused);
        refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "/" + "x".repeat(7_000) + "&model=m", 400);
        assertTrue(refused.contains("characters long; a server&#39;s address up to its /v1") || refused.contains(
                "characters long; a server's address up to its /v1"), refused);
        refused = post("/admin/llm", "enabled=maybe&baseUrl=" + llm.baseUrl() + "&model=m", 400);
        assertTrue(refused.contains("enabled"), "a checkbox value that is neither on nor off is refused, not read as off");
        refused = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=m%1B", 400);
        assertTrue(refused.contains("control character"), refused);
        assertFalse(settings.current().active());
    }

    @Test
    void anAddressTheClientCannotCallIsRefusedWhenSavedOrTested() {
        // The client appends /chat/completions to the address: after a ? or # it would land in the query or fragment.
        for (String url : List.of("http://localhost:99999/v1", "http://localhost:0/v1", "http://localhost:1/v1?x=1",
                "http://localhost:1/v1%23top")) {
            String refused = post("/admin/llm", "enabled=on&baseUrl=" + url + "&model=m", 400);
            assertTrue(refused.contains("a port from 1 to 65535 if any and nothing after a ? or #"), refused);
            refused = post("/admin/llm/test", "baseUrl=" + url + "&model=m", 400);
            assertTrue(refused.contains("a port from 1 to 65535 if any"), refused);
        }
        assertFalse(settings.current().active());
        String saved = post("/admin/llm", "baseUrl=http://localhost:65535/v1&model=m", 200);
        assertTrue(saved.contains("Saved."), saved);
    }

    @Test
    void aSchemeInCapitalsIsTheSameAddress() {
        llm.drafts = List.of("Ready.");
        String capitals = llm.baseUrl().replaceFirst("^http:", "HTTP:");
        String tested = post("/admin/llm/test", "baseUrl=" + capitals + "&model=typed-model&timeoutSeconds=3", 200);
        assertTrue(tested.contains("It answered in"), "the client calls it too: " + tested);
        assertTrue(post("/admin/llm", "baseUrl=Https://llm.example.com/v1&model=m", 200).contains("Saved."));
    }

    @Test
    void testConnectionTriesTheTypedValuesWithoutSavingThemAndKeepsThemInTheForm() {
        llm.drafts = List.of("Ready.");
        String tested = post("/admin/llm/test", "baseUrl=" + llm.baseUrl() + "&model=typed-model&timeoutSeconds=3", 200);
        assertTrue(tested.contains("It answered in"), tested);
        assertTrue(tested.contains("not saved until you press Save"), tested);
        // Port 1 refuses the connection: the failure stands alone, under no notice that reads like a success.
        String failed = post("/admin/llm/test", "baseUrl=http://127.0.0.1:1/v1&model=typed-model&timeoutSeconds=3", 200);
        assertTrue(failed.contains("The test failed") && !failed.contains("id=\"llm-notice\""), failed);
        String next = failed.substring(failed.indexOf("id=\"llm-test-failed\""));
        assertTrue(next.contains("address is right") && next.contains("server is running") && next.contains("API key"), failed);
        assertTrue(tested.contains("value=\"typed-model\""), "what was typed stays in the form");
        assertTrue(llm.requests.get(0).encode().contains("typed-model"), "the typed model was asked");
        assertFalse(settings.current().active(), "testing saves nothing");
        assertFalse(tested.contains("id=\"key-again\""), "no key typed, none to type again");
        String withKey = post("/admin/llm/test", "baseUrl=" + llm.baseUrl() + "&model=typed-model&apiKey=sk-typed-secret", 200);
        assertTrue(withKey.contains("id=\"key-again\"") && !withKey.contains("sk-typed-secret"),
                "a typed key is never sent back, and the page asks for it again before Save");
        String refused = post("/admin/llm/test", "baseUrl=ftp://example.org&model=m", 400);
        assertTrue(refused.contains("http://"), refused);

        String saved = post("/admin/llm", "enabled=on&baseUrl=" + llm.baseUrl() + "&model=typed-model", 200);
        // Called connected only when the last day's answers show it answering (earlier tests may have served with an LLM).
        LlmFigures.Day day = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> figures.lastDay());
        String expected = day.answered() == 0 ? "turned on, not used yet" : day.fellBack() == day.answered()
                ? "turned on but not answering" : "connected: it drafts replies";
        assertTrue(saved.contains(expected), expected + " for " + day + ": " + saved);
    }

    @Test
    void theStoredKeyGoesOnlyToTheServerItWasSavedFor() throws Exception {
        post("/admin/llm", "baseUrl=" + llm.baseUrl() + "&model=fake-page&apiKey=" + KEY, 200);
        try (FakeLlm elsewhere = new FakeLlm(vertx)) {
            // Another server, no key typed: the stored key must not travel there, neither in a test nor by saving.
            String tested = post("/admin/llm/test", "baseUrl=" + elsewhere.baseUrl() + "&model=m", 400);
            assertTrue(tested.contains("type the API key again"), tested);
            String saved = post("/admin/llm", "enabled=on&baseUrl=" + elsewhere.baseUrl() + "&model=m", 400);
            assertTrue(saved.contains("type the API key again"), saved);
            assertEquals(0, elsewhere.calls.get(), "nothing was sent to the other server");
            assertEquals(llm.baseUrl(), settings.current().baseUrl(), "nothing was saved");
            assertEquals(KEY, settings.current().apiKey());
            // The same server under another path keeps the key (Azure's deployments, a missing /v1).
            post("/admin/llm/test", "baseUrl=" + llm.baseUrl().replace("/v1", "/openai/v1") + "&model=m", 200);
            assertEquals("Bearer " + KEY, llm.authorizations.get(llm.authorizations.size() - 1));
            // A key typed for the other server, or none at all, is what it gets.
            post("/admin/llm/test", "baseUrl=" + elsewhere.baseUrl() + "&model=m&apiKey=sk-for-elsewhere", 200);
            assertEquals(List.of("Bearer sk-for-elsewhere"), elsewhere.authorizations);
            post("/admin/llm", "baseUrl=" + elsewhere.baseUrl() + "&model=m&clearKey=on", 200);
            assertEquals(null, settings.current().apiKey());
        }
    }

    @Test
    void anUnexpectedFailureIsNamedWithoutTheExceptionsOwnText() {
        String reason = LlmFailure.describe(new IllegalArgumentException("invalid header value: \"Bearer " + KEY + "\""));
        assertFalse(reason.contains(KEY) || reason.contains("Exception"), reason);
        assertEquals(LlmFailure.UNEXPECTED, reason);
        assertEquals(LlmFailure.CUT_OFF, LlmFailure.describe(
                new RuntimeException(new IOException("HTTP/1.1 header parser received no bytes"))));
    }
}
