package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Saving the LLM settings starts from what is stored, and the settings in use change only once a save is stored. */
@QuarkusTest
class LlmSettingsSaveTest {
    @Inject
    LlmSettingsService settings;

    @AfterEach
    void forget() {
        settings.forget("test");
    }

    private static LlmSettingsService.Change change(String model, String brandVoice) {
        return new LlmSettingsService.Change(false, "http://127.0.0.1:9/v1", model, null, false, 10.0, 2, 0.5, brandVoice);
    }

    @Test
    void aSaveKeepsWhatAnotherInstanceSavedMeanwhileInTheFieldsItLeavesAlone() {
        settings.save(change("first-model", "Friendly and short."), "test");
        // Another instance saves a new brand voice; this one has not read it yet.
        QuarkusTransaction.requiringNew().run(() -> LlmSettingsRow.getEntityManager()
                .createNativeQuery("update llm_settings set brand_voice = 'Formal, from the other instance.'").executeUpdate());
        LlmSettings saved = settings.save(change("second-model", null), "test");
        assertEquals("Formal, from the other instance.", saved.brandVoice());
        assertEquals("Formal, from the other instance.",
                QuarkusTransaction.requiringNew().call(() -> LlmSettingsRow.current().brandVoice));
    }

    @Test
    void aSaveThatIsNotStoredLeavesTheSettingsInUseAsTheyWere() {
        settings.save(change("kept-model", "Friendly and short."), "test");
        // The save's transaction is the caller's, and it fails after the save: nothing is stored.
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            settings.save(change("rolled-back-model", "Never stored."), "test");
            throw new IllegalStateException("what came after the save failed");
        }));
        assertEquals("kept-model", settings.current().model());
        assertEquals("Friendly and short.", settings.current().brandVoice());
    }

    @Test
    void aBrandVoiceWithAControlCharacterIsRefusedAndNothingSaved() {
        settings.save(change("kept-model", "Friendly and short."), "test");
        ApiException refused = assertThrows(ApiException.class,
                () -> settings.save(change("other-model", "Friendly\u0007 and\nshort."), "test"));
        assertEquals(true, refused.getMessage().contains("U+0007 at character 9"), refused.getMessage());
        assertEquals("Friendly and short.", QuarkusTransaction.requiringNew().call(() -> LlmSettingsRow.current().brandVoice));
        assertEquals("Warm,\nbrief \u05D1\u05E2\u05D1\u05E8\u05D9\u05EA\u200F.", settings.save(change("kept-model",
                "Warm,\nbrief \u05D1\u05E2\u05D1\u05E8\u05D9\u05EA\u200F."), "test").brandVoice());
    }
}
