package dev.loopwise.llm;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against a {@link FakeLlm}: the fake server starts before each test and stops after it, and the LLM settings
 * the test saved (as user "test") are forgotten, so no test leaves an LLM connected for the next.
 */
abstract class FakeLlmTest {
    @Inject
    Vertx vertx;
    @Inject
    LlmSettingsService settings;
    FakeLlm llm;

    @BeforeEach
    void startFakeLlm() throws Exception {
        llm = new FakeLlm(vertx);
    }

    @AfterEach
    void stopFakeLlm() throws Exception {
        settings.forget("test");
        llm.close();
    }
}
