package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A drift replay measures the model: with an LLM connected, replayed tickets are answered from the library, with no call to it. */
@QuarkusTest
class ReplayWithoutLlmTest {
    @Inject
    Vertx vertx;
    @Inject
    LlmSettingsService settings;
    @Inject
    LlmFigures figures;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    FakeLlm llm;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        llm = new FakeLlm(vertx);
        llm.drafts = List.of(LlmServingTest.GOOD);
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), "sk-test-secret-1234", false,
                5.0, 3, 0.7, null), "test");
    }

    @AfterEach
    void tearDown() throws Exception {
        settings.forget("test");
        llm.close();
        LlmServingTest.forgetDraftedAnswers(em);
    }

    @Test
    void replayedTicketsCallNoLlmAndStayOutOfItsFiguresWhileCustomersTicketsGetDrafts() {
        Caller client = Caller.apiKeyWithoutLimit(keys, "admin");
        String drafted = client.request().contentType("application/json").body(Map.of("text", LlmServingTest.TICKET))
                .post("/api/v1/respond").then().statusCode(200).extract().jsonPath().getString("llm");
        assertEquals("ok: 3 drafts", drafted, "a customer's ticket goes to the LLM");
        assertEquals(3, llm.calls.get());
        long counted = figures.lastDay().answered();

        llm.calls.set(0);
        String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String file = "text\nwhere is my parcel " + tag + "\ncan I return a lamp " + tag + "\nmy discount code fails " + tag + "\n";
        Caller admin = Caller.session("admin");
        var posted = admin.pageRequest().accept("text/html")
                .multiPart("file", "replay.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay");
        assertEquals(303, posted.statusCode(), posted.asString());
        assertTrue(posted.header("Location").contains("/admin/drift?replayed=3&failed=0"), posted.header("Location"));
        assertEquals(0, llm.calls.get(), "no replayed ticket reached the LLM");
        List<?> sources = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select coalesce(answer_source, 'library policy only') from served_requests where text like ?1")
                .setParameter(1, "%" + tag).getResultList());
        assertEquals(List.of("library policy only", "library policy only", "library policy only"), sources);
        assertEquals(counted, figures.lastDay().answered(), "the LLM page's figures count no replayed ticket");

        client.request().contentType("application/json").body(Map.of("text", LlmServingTest.TICKET + " " + tag))
                .post("/api/v1/respond").then().statusCode(200);
        assertEquals(3, llm.calls.get(), "the LLM still drafts for customers after a replay");
    }
}
