package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.monitoring.replay.ReplayCommand;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A drift replay measures the model: with an LLM connected, replayed tickets are answered from the library, with no call to it. */
@QuarkusTest
class ReplayWithoutLlmTest extends FakeLlmTest {
    @Inject
    LlmFigures figures;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    @io.quarkus.test.common.http.TestHTTPResource("/")
    URL base;

    @BeforeEach
    void setUp() throws Exception {
        ActiveModel.await();
        llm.drafts = List.of(LlmServingTest.GOOD);
        settings.save(new LlmSettingsService.Change(true, llm.baseUrl(), "fake-" + UUID.randomUUID(), "sk-test-secret-1234", false,
                5.0, 3, 0.7, null), "test");
    }

    @AfterEach
    void tearDown() throws Exception {
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

    @Test
    void theCommandLinesReplayCallsNoLlmEither() throws Exception {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel " + tag + "\ncan I return a lamp " + tag + "\n");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = new picocli.CommandLine(new ReplayCommand()).execute("--file", file.toString(),
                    "--key", admin.apiKey(), "--url", base.toString().replaceAll("/$", ""), "--stride", "1");
        } finally {
            System.setOut(out);
            Files.delete(file);
        }
        assertEquals(0, exit, printed.toString(StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Replayed 2 tickets (0 failed)"), printed.toString(StandardCharsets.UTF_8));
        assertEquals(0, llm.calls.get(), "no ticket the command line replayed reached the LLM");
        List<?> sources = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select coalesce(answer_source, 'library policy only') from served_requests where text like ?1")
                .setParameter(1, "%" + tag).getResultList());
        assertEquals(List.of("library policy only", "library policy only"), sources);
    }

    @Test
    void theApiReplaysAFileWithoutTheLlmAndRefusesABadOneWhole() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        String tag = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        admin.request().contentType("application/x-ndjson").body(("{\"text\":\"my discount code fails " + tag + "\"}\n")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/drift/replay?stride=1").then().statusCode(200)
                .body("requests", org.hamcrest.Matchers.equalTo(1)).body("failed", org.hamcrest.Matchers.equalTo(0));
        admin.request().contentType("text/csv").body("text\nfine " + tag + "\n\n\"   \"\n").post("/api/v1/drift/replay").then()
                .statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_file"))
                .body("error", org.hamcrest.Matchers.containsString("line 4: The text is empty"));
        admin.request().contentType("text/csv").body("text\nfine\n").post("/api/v1/drift/replay?stride=0").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("'stride'"));
        assertEquals(0, llm.calls.get());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where text like ?1").setParameter(1, "%" + tag).getSingleResult()).longValue()),
                "only the good file was served");
    }
}
