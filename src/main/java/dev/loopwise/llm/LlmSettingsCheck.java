package dev.loopwise.llm;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.text.PlainText;
import java.time.Duration;

/** The rules an LLM settings change obeys, checked before anything is saved or tried. */
final class LlmSettingsCheck {
    private LlmSettingsCheck() {
    }

    /** The settings {@code change} makes from {@code before}, checked field by field. */
    static LlmSettings checked(LlmSettingsService.Change change, LlmSettings before, boolean keyUnreadable) {
        String baseUrl = blankToNull(change.baseUrl());
        String model = blankToNull(change.model());
        if (baseUrl != null) {
            LlmAddress.checkUrl(baseUrl);
        }
        if (change.enabled() && (baseUrl == null || model == null)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_NEEDS_URL_AND_MODEL);
        }
        if (model != null && PlainText.length(model) > 200) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_MODEL_TOO_LONG);
        }
        if (model != null && model.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_MODEL_CONTROL);
        }
        double timeout = change.timeoutSeconds() == null ? before.timeout().toMillis() / 1000.0 : change.timeoutSeconds();
        if (!(timeout >= 0.1 && timeout <= 600)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_TIMEOUT_RANGE);
        }
        int drafts = change.drafts() == null ? before.drafts() : change.drafts();
        if (drafts < 1 || drafts > 8) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_DRAFTS_RANGE);
        }
        double temperature = change.temperature() == null ? before.temperature() : change.temperature();
        if (!(temperature >= 0 && temperature <= 2)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_TEMPERATURE_RANGE);
        }
        String voice = blankToNull(change.brandVoice()) == null ? before.brandVoice() : change.brandVoice().strip();
        if (PlainText.length(voice) > LlmSettingsService.MAX_BRAND_VOICE) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_BRAND_VOICE_TOO_LONG);
        }
        // It goes into every draft's prompt as written: a bell or a terminal escape there is nothing a person meant.
        String control = voice == null ? null : PlainText.firstControlCharacter(voice);
        if (control != null) {
            throw ApiException.badRequest("validation_failed", LlmMessages.llmBrandVoiceControl(control));
        }
        String key = change.clearKey() ? null : blankToNull(change.apiKey()) != null ? LlmAddress.checkKey(change.apiKey().strip()) : before.apiKey();
        // The page shows only the stored key's last characters: were it sent to any address typed there, whoever borrows an
        // admin's session would read it in their own server's log. It stays with the server it was saved for.
        // A stored key this instance cannot open is kept too (another instance may open it), so it is bound to its server alike.
        boolean keyKept = key != null || keyKeptSealed(change, keyUnreadable);
        if (keyKept && blankToNull(change.apiKey()) == null && baseUrl != null && !LlmAddress.sameServer(baseUrl, before.baseUrl())) {
            throw ApiException.badRequest("key_for_other_server", LlmMessages.llmKeyForOtherServer(before.baseUrl()));
        }
        return new LlmSettings(change.enabled(), baseUrl, model, key, Duration.ofMillis(Math.round(timeout * 1000)), drafts,
                (float) temperature, voice, "this page");
    }

    /**
     * Whether a change leaves a stored key this instance cannot open as it is: saving other fields must not delete it for
     * every instance (one with the right session key still opens it) while the audit trail says the key did not change.
     */
    static boolean keyKeptSealed(LlmSettingsService.Change change, boolean keyUnreadable) {
        return keyUnreadable && !change.clearKey() && blankToNull(change.apiKey()) == null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
