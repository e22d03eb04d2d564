package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The knowledge base grounds the LLM's prompt, and the passages it drew on are cited with the answer. */
@QuarkusTest
class GroundedDraftsTest {
    static final String TRACKING = """
            # Tracking your order

            ## Where is my parcel?
            Every order gets a tracking link by email as soon as it leaves our warehouse. The tracking number starts
            with FH and the courier updates its status within a few hours of each scan.
            """;
    static final String UNRELATED = """
            # Gift cards

            Gift cards never expire and can be used for any product in the shop, online or in our stores.
            """;

    @Inject
    Vertx vertx;
    @Inject
    LlmSettingsService settings;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void theNearestPassagesGroundThePromptAndAreCitedAsSources() throws Exception {
        ActiveModel.await();
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        long tracking = importArticle(admin, "tracking.md", TRACKING);
        long gifts = importArticle(admin, "gift-cards.md", UNRELATED);
        try (FakeLlm llm = new FakeLlm(vertx)) {
            llm.drafts = List.of(LlmServingTest.GOOD);
            settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), null, false, 5.0, 1, 0.7, null),
                    "test");
            JsonPath answer = admin.request().contentType("application/json").body(Map.of("text", LlmServingTest.TICKET))
                    .post("/api/v1/respond").then().statusCode(200).extract().jsonPath();
            assertEquals("knowledge base", answer.getString("grounding"));
            List<Map<String, Object>> sources = answer.getList("sources");
            assertFalse(sources.isEmpty(), "the tracking article grounds a question about tracking: " + answer.prettify());
            assertTrue(String.valueOf(sources.get(0).get("source")).startsWith("Tracking your order"), sources.toString());
            assertTrue(sources.stream().noneMatch(s -> String.valueOf(s.get("source")).startsWith("Gift cards")),
                    "a passage below the minimum score grounds nothing: " + sources);
            String prompt = llm.requests.get(0).encode();
            assertTrue(prompt.contains("The tracking number starts") && !prompt.contains("no knowledge base"), prompt);
        } finally {
            settings.forget("test");
            admin.request().delete("/api/v1/knowledge/articles/" + tracking).then().statusCode(204);
            admin.request().delete("/api/v1/knowledge/articles/" + gifts).then().statusCode(204);
            LlmServingTest.forgetDraftedAnswers(em);
        }
    }

    private static long importArticle(Caller admin, String name, String markdown) {
        admin.request().contentType("text/markdown").queryParam("name", name).body(markdown.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/knowledge/articles").then().statusCode(201);
        List<Map<String, Object>> articles = admin.request().get("/api/v1/knowledge/articles").then().statusCode(200)
                .extract().jsonPath().getList("$");
        String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow().substring(2);
        return articles.stream().filter(a -> title.equals(a.get("title"))).mapToLong(a -> ((Number) a.get("id")).longValue())
                .findFirst().orElseThrow();
    }
}
