package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.StoredSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM key in the database is sealed; a key stored in clear is sealed at start; one sealed under another key is asked for again. */
@QuarkusTest
class LlmKeySealingTest extends FakeLlmTest {
    private static final String KEY = "sk-sealing-test-secret-4321";

    Caller admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = Caller.session("admin");
    }

    private String page() {
        return admin.pageRequest().accept("text/html").get("/admin/llm").then().statusCode(200).extract().asString();
    }

    private void save(String form, int status) {
        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body(form + "&csrf-token=" + admin.csrfToken()).post("/admin/llm").then().statusCode(status);
    }

    private static String storedKey() {
        return QuarkusTransaction.requiringNew().call(() -> LlmSettingsRow.current().apiKey);
    }

    private static void store(String value) {
        QuarkusTransaction.requiringNew().run(() -> LlmSettingsRow.current().apiKey = value);
    }

    @Test
    void theDatabaseHoldsTheKeySealedAndTheLlmStillReceivesIt() {
        save("enabled=on&baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        String stored = storedKey();
        assertTrue(StoredSecrets.isSealed(stored), stored);
        assertFalse(stored.contains("4321"), stored);
        settings.reload();
        assertEquals(KEY, settings.current().apiKey());
        assertEquals("Bearer " + KEY, llm.authorizations.get(llm.authorizations.size() - 1), "the save's test call carried the key");
        assertFalse(settings.keyUnreadable());
        assertFalse(page().contains("key-unreadable"));
    }

    @Test
    void aKeyStoredInClearIsSealedAtStartAndKeepsWorking() {
        save("baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        store(KEY); // as an earlier version, or a start without a session key, left it
        settings.reload();
        assertEquals(KEY, settings.current().apiKey(), "a key in clear is read as it is");
        settings.sealStoredKey(null);
        assertTrue(StoredSecrets.isSealed(storedKey()));
        settings.reload();
        assertEquals(KEY, settings.current().apiKey());
    }

    @Test
    void aKeySealedUnderAnotherSessionKeyIsAskedForAgainAndNotSent() {
        save("baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        store(new StoredSecrets(Optional.of("the-session-key-before-it-was-rotated-0000")).seal(KEY, LlmSettingsService.KEY_PURPOSE));
        settings.reload();
        assertNull(settings.current().apiKey());
        assertTrue(settings.keyUnreadable());
        String html = page();
        assertTrue(html.contains("id=\"key-unreadable\"") && html.contains("Type the key again and"), html);
        // Saving other fields without the key leaves the stored key as it is: an instance with the right session key still
        // opens it, and it stays bound to its server.
        String foreign = storedKey();
        save("baseUrl=" + llm.baseUrl() + "&model=another-model", 200);
        assertEquals(foreign, storedKey());
        assertTrue(settings.keyUnreadable());
        save("baseUrl=http://another-server.example:9/v1&model=m", 400);
        assertEquals(foreign, storedKey(), "refused: the kept key would go to another server");
        // Typing it again and saving seals it under this instance's key.
        save("baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        assertFalse(settings.keyUnreadable());
        assertEquals(KEY, settings.current().apiKey());
        assertFalse(page().contains("key-unreadable"));
    }

    @Test
    void removingAKeyThatCannotBeOpenedRemovesItAndTheTrailSaysSo() {
        save("baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        store(new StoredSecrets(Optional.of("the-session-key-before-it-was-rotated-0000")).seal(KEY, LlmSettingsService.KEY_PURPOSE));
        settings.reload();
        long mark = QuarkusTransaction.requiringNew().call(() -> ((Number) LlmSettingsRow.getEntityManager().createNativeQuery(
                "select coalesce(max(id), 0) from audit_events").getSingleResult()).longValue());
        save("baseUrl=" + llm.baseUrl() + "&model=m&clearKey=on", 200);
        assertNull(storedKey());
        assertFalse(settings.keyUnreadable());
        // Only the entry of this save: other tests save the LLM settings as admin too.
        String details = QuarkusTransaction.requiringNew().call(() -> (String) LlmSettingsRow.getEntityManager().createNativeQuery(
                "select cast(details as text) from audit_events where action = 'llm.settings' and actor = 'admin' and id > ?1")
                .setParameter(1, mark).getSingleResult());
        assertTrue(details.contains("\"keyChanged\": true") || details.contains("\"keyChanged\":true"), details);
    }

    /**
     * An instance starting (and sealing the key stored in clear) while an admin saves on another must not write the old
     * settings back over the new ones: the sealing reads the row under a lock, so it waits for the save and finds it.
     */
    @Test
    void sealingAtStartDoesNotUndoASaveMadeMeanwhileOnAnotherInstance() throws Exception {
        save("baseUrl=" + llm.baseUrl() + "&model=m&apiKey=" + KEY, 200);
        store(KEY); // the old key in clear, as an earlier version left it
        String newKey = "sk-saved-meanwhile-9876";
        StoredSecrets sameKey = new StoredSecrets(Optional.of("test-session-key-that-is-at-least-32-characters-long"));
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> save = CompletableFuture.runAsync(() ->
                QuarkusTransaction.requiringNew().run(() -> {
                    LlmSettingsRow row = LlmSettingsRow.current();
                    row.apiKey = sameKey.seal(newKey, LlmSettingsService.KEY_PURPOSE);
                    row.model = "saved-meanwhile";
                    LlmSettingsRow.getEntityManager().flush();
                    written.countDown();
                    try {
                        Thread.sleep(1500); // the other instance's sealing runs now, while this save is not yet committed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }), command -> new Thread(command).start());
        assertTrue(written.await(10, TimeUnit.SECONDS));
        settings.sealStoredKey(null);
        save.get(10, TimeUnit.SECONDS);
        settings.reload();
        assertEquals(newKey, settings.current().apiKey(), "the key saved meanwhile is kept");
        assertEquals("saved-meanwhile", settings.current().model());
    }
}
