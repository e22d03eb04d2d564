package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Preference rows as chat messages for TRL's DPO and KTO trainers, the system message grounded in the knowledge base. */
@QuarkusTest
class ConversationalExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETURNS = """
            # Returns policy

            ## Returning an item
            You can return any unworn item within 30 days of delivery for a full refund.
            """;
    private static final String TICKET = "My new boots pinch. How many days do I have to return them? Reply to jane.doe@example.com";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager em;

    @Test
    void dpoAndKtoRowsAreMessagesWithTheGroundingPassageAndMaskedTickets() throws Exception {
        Caller admin = Caller.apiKey(keys, "admin");
        String batch = null;
        try {
            batch = exportsGroundedAndMasked(admin);
        } finally {
            // Left behind, the article would ground other tests' drafts, which expect no knowledge base, and the pair
            // would stay in every later preference export.
            List<Integer> articles = admin.request().queryParam("limit", 1000).get("/api/v1/knowledge/articles").then().statusCode(200)
                    .extract().path("findAll { it.title == 'Returns policy' && it.sourceName == 'returns.md' }.id");
            articles.forEach(id -> admin.request().delete("/api/v1/knowledge/articles/" + id).then().statusCode(204));
            if (batch != null) {
                String imported = batch;
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                        .setParameter(1, imported).executeUpdate());
            }
        }
    }

    /** Returns the batch its preference pair was imported in. */
    private String exportsGroundedAndMasked(Caller admin) throws Exception {
        int article = admin.request().contentType("text/markdown").queryParam("name", "returns.md")
                .body(RETURNS.getBytes(StandardCharsets.UTF_8)).post("/api/v1/knowledge/articles").then().statusCode(201)
                .extract().path("articles");
        assertEquals(1, article);
        String pair = JSON.writeValueAsString(Map.of("prompt", TICKET, "chosen", "You have 30 days from delivery: "
                + "print the return label from your account.", "rejected", "We do not take returns."));
        String batch = admin.request().contentType("application/x-ndjson").body((pair + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/preferences").then().statusCode(201).extract().path("batch");

        JsonNode dpo = rowFor(admin.request().get("/api/v1/export/preferences?format=trl-chat").then().statusCode(200)
                .extract().asString(), "chosen");
        assertEquals("We do not take returns.", dpo.get("rejected").get(0).get("content").asText());
        assertEquals("assistant", dpo.get("chosen").get(0).get("role").asText());
        assertEquals("assistant", dpo.get("rejected").get(0).get("role").asText());
        assertFalse(dpo.has("margin"), "only the columns DPOTrainer reads");

        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body(JSON.writeValueAsString(Map.of("text", TICKET)))
                .post("/api/v1/respond").then().statusCode(200).extract().path("requestId");
        client.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"down\"}")
                .post("/api/v1/feedback").then().statusCode(201);
        JsonNode kto = rowFor(admin.request().get("/api/v1/export/preferences?format=kto-chat").then().statusCode(200)
                .extract().asString(), "completion");
        assertFalse(kto.get("label").asBoolean(), "thumbs down");
        assertEquals("assistant", kto.get("completion").get(0).get("role").asText());
        return batch;
    }

    /** Checks every row's shape and returns the one of {@link #TICKET}, whose prompt must be grounded and masked. */
    private static JsonNode rowFor(String export, String answerField) throws Exception {
        JsonNode found = null;
        String[] lines = export.strip().split("\n");
        assertTrue(lines.length >= 1, "rows exported");
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            // TRL's conversational rows: the prompt's system turn first, then the ticket as the user's; each answer one
            // assistant turn; no other columns (DPOTrainer and KTOTrainer read these by name).
            assertEquals("chosen".equals(answerField) ? List.of("prompt", "chosen", "rejected") : List.of("prompt", "completion", "label"),
                    ExportRows.fields(row), line);
            JsonNode prompt = row.get("prompt");
            ExportRows.assertTurns(prompt, List.of("system", "user"), line);
            ExportRows.assertTurns(row.get(answerField), List.of("assistant"), line);
            if ("chosen".equals(answerField)) {
                ExportRows.assertTurns(row.get("rejected"), List.of("assistant"), line);
                assertFalse(PreferencePair.sameWords(row.get("chosen").get(0).get("content").asText(),
                        row.get("rejected").get(0).get("content").asText()), "not a self-pair: " + line);
            } else {
                assertTrue(row.get("label").isBoolean(), line);
            }
            if (prompt.get(1).get("content").asText().startsWith("My new boots pinch")) {
                found = row;
            }
        }
        assertNotNull(found, export);
        String user = found.get("prompt").get(1).get("content").asText();
        assertFalse(user.contains("jane.doe@example.com"), "personal data masked: " + user);
        assertTrue(user.contains("[EMAIL]"), user);
        String system = found.get("prompt").get(0).get("content").asText();
        assertTrue(system.contains("customer-support assistant") && system.contains("Knowledge-base passages:"), system);
        assertTrue(system.contains("[1] Returns policy: You can return any unworn item within 30 days"), system);
        return found;
    }
}
