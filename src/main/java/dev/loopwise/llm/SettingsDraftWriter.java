package dev.loopwise.llm;

import dev.loopwise.knowledge.DraftWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The LLM writes drafts while its settings are active (switched on, with an address). */
@ApplicationScoped
class SettingsDraftWriter implements DraftWriter {
    @Inject
    LlmSettingsService settings;

    @Override
    public boolean writesDrafts() {
        return settings.current().active();
    }
}
