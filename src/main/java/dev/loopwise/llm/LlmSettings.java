package dev.loopwise.llm;

import java.time.Duration;

/** The connection in effect: the admin page's saved settings, or the configuration's when none were saved. */
public record LlmSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout, int drafts,
                          double temperature, String brandVoice, String origin) {

    /** Turned on and complete enough to call. */
    public boolean active() {
        return enabled && baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
    }

    /** The key as shown on a page: its last four characters at most, never the whole. */
    public String maskedKey() {
        if (apiKey == null || apiKey.isEmpty()) {
            return null;
        }
        return apiKey.length() <= 8 ? "••••" : "••••" + apiKey.substring(apiKey.length() - 4);
    }

    static LlmSettings from(LlmConfig config) {
        return new LlmSettings(config.enabled(), config.baseUrl().orElse(null), config.model().orElse(null),
                config.apiKey().orElse(null), config.timeout(), config.drafts(), config.temperature(), config.brandVoice(),
                "the configuration");
    }
}
