package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Knowledge page says the passages feed the team's LLM only while one is connected, and where to connect one otherwise. */
@QuarkusTest
class KnowledgePageLlmWordsTest {
    @Inject
    Vertx vertx;
    @Inject
    LlmSettingsService settings;

    private static String page() {
        return Caller.session("admin").pageRequest().accept("text/html").get("/admin/knowledge").then().statusCode(200)
                .extract().asString();
    }

    @Test
    void thePassagesGoToTheLlmOnlyWhileOneIsConnected() throws Exception {
        settings.forget("test");
        String without = page();
        assertTrue(without.contains("no LLM is connected now") && without.contains("href=\"/admin/llm\""), without);
        assertFalse(without.contains("they are given to your team's LLM"), without);
        try (FakeLlm llm = new FakeLlm(vertx)) {
            settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 5.0, 1, 0.7, null),
                    "test");
            String with = page();
            assertTrue(with.contains("they are given to your team's LLM") && !with.contains("no LLM is connected now"), with);
        } finally {
            settings.forget("test");
        }
    }
}
