package dev.loopwise.alignment.preference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.alignment.round.Judgements;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.judging.ReviewService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Preference data in TRL and KTO form, out and in; thumbs up and down on served replies. */
@QuarkusTest
class PreferenceDataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReviewService review;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    /**
     * Every row has the same columns, as TRL's standard preference rows: text prompt, chosen and rejected, and a margin on
     * each (0 where none was given), since TRL's reward collator reads every row's margin once the first has one.
     */
    @Test
    void theTrlExportIsValidJsonlWithOneLinePerPreference() throws Exception {
        ActiveModel.await();
        Judgements.judgeShorterIsBetter(review, users, 12);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into imported_preferences (prompt, chosen, rejected, margin, batch, pair_hash) values
                ('trl columns: with a margin', 'Yes.', 'No.', 0.5, 'trl-columns', 'trl-columns-1'),
                ('trl columns: without one', 'Yes.', 'No.', null, 'trl-columns', 'trl-columns-2')""").executeUpdate());
        try {
            Caller admin = Caller.apiKey(keys, "admin");
            String body = admin.request().get("/api/v1/export/preferences?format=trl").then().statusCode(200)
                    .contentType(containsString("application/x-ndjson")).extract().asString();
            long strict = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select (select count(*) from judgements j join review_items i on i.id = j.item_id where j.choice in ('1', '2')"
                    + " and (i.kind <> 'gold' or j.choice = i.gold_choice)) + (select count(*) from imported_preferences)")
                    .getSingleResult()).longValue());
            String[] lines = body.strip().split("\n");
            assertEquals(strict, lines.length);
            Map<String, Double> margins = new HashMap<>();
            for (String line : lines) {
                JsonNode row = JSON.readTree(line);
                assertEquals(List.of("prompt", "chosen", "rejected", "margin"), ExportRows.fields(row), line);
                assertTrue(row.get("prompt").isTextual() && row.get("chosen").isTextual() && row.get("rejected").isTextual(), line);
                assertTrue(row.get("margin").isNumber() && row.get("margin").asDouble() >= 0 && row.get("margin").asDouble() <= 10, line);
                assertTrue(!PreferencePair.sameWords(row.get("chosen").asText(), row.get("rejected").asText()), "not a self-pair: " + line);
                margins.put(row.get("prompt").asText(), row.get("margin").asDouble());
            }
            assertEquals(0.5, margins.get("trl columns: with a margin"));
            assertEquals(0.0, margins.get("trl columns: without one"), "no margin: 0, the loss without one");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = 'trl-columns'")
                    .executeUpdate());
        }
        Caller admin = Caller.apiKey(keys, "admin");
        // The value sent is repeated, quoted, with every format the export takes: a wrong case is then seen at once.
        admin.request().get("/api/v1/export/preferences?format=csv").then().statusCode(400).body("code", equalTo("invalid_format"))
                .body("error", equalTo("format 'csv' is not one Loopwise exports: use trl (preference pairs), kto (thumbs up/down),"
                        + " trl-chat or kto-chat (the same as chat messages grounded in the knowledge base, for training an LLM)."));
        // A format in any case, as TRL's own documentation writes it; the file is named as the lower-case format.
        admin.request().queryParam("format", "TRL").get("/api/v1/export/preferences").then().statusCode(200)
                .header("Content-Disposition", containsString("loopwise-trl-"));
        admin.request().queryParam("format", "Kto-Chat").get("/api/v1/export/preferences").then().statusCode(200)
                .header("Content-Disposition", containsString("loopwise-kto-chat-"));
        admin.request().queryParam("format", "TRL2").get("/api/v1/export/preferences").then().statusCode(400)
                .body("code", equalTo("invalid_format")).body("error", startsWith("format 'TRL2' is not one Loopwise exports"));
    }

    @Test
    void anExportLongerThanOnePageHasEveryRowOnce() {
        int rows = PreferenceExchange.PAGE + 7;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into imported_preferences (prompt, chosen, rejected, batch, pair_hash)
                select 'paged export ' || g, 'chosen', 'rejected', 'paged-export', 'paged-export-' || g from generate_series(1, ?1) g""")
                .setParameter(1, rows).executeUpdate());
        try {
            String body = Caller.apiKey(keys, "admin").request().get("/api/v1/export/preferences?format=trl").then().statusCode(200)
                    .extract().asString();
            Set<String> seen = new HashSet<>();
            long paged = body.lines().filter(l -> l.contains("paged export ")).peek(l -> assertTrue(seen.add(l), "twice: " + l)).count();
            assertEquals(rows, paged);
            assertTrue(body.contains("\"paged export " + rows + "\""), "the last row, on the second page");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = 'paged-export'")
                    .executeUpdate());
        }
    }

    /** Two replies that differ only in what masking hides teach nothing once masked: left out, so the export imports back. */
    @Test
    void pairsThatMaskingMakesAlikeAreLeftOutOfTheExport() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into imported_preferences (prompt, chosen, rejected, batch, pair_hash) values
                ('masked alike: who do I write to?', 'Write to help@acme.example for a refund.', 'Write to billing@acme.example for a refund.',
                 'masked-alike', 'masked-alike-1'),
                ('masked apart: who do I write to?', 'Write to help@acme.example for a refund.', 'We do not give refunds.',
                 'masked-alike', 'masked-alike-2')""").executeUpdate());
        try {
            Caller admin = Caller.apiKey(keys, "admin");
            for (String format : List.of("trl", "trl-chat")) {
                String body = admin.request().get("/api/v1/export/preferences?format=" + format).then().statusCode(200).extract().asString();
                assertTrue(!body.contains("masked alike"), format + ": the pair masking made alike is left out");
                assertTrue(body.contains("masked apart"), format + ": the other is kept");
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = 'masked-alike'")
                    .executeUpdate());
        }
    }

    @Test
    void trlPairsImportAllOrNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        // Every stored pair's prompt ends in this run's tag: pairs an earlier run stored would be duplicates, and pairs
        // left behind would feed later tests' rounds and exports.
        String tag = UUID.randomUUID().toString();
        try {
            long before = imported();
            String bad = "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":\"p\",\"chosen\":\"\"}\nnot json\n";
            admin.request().contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(400).body("error", containsString("line 2")).body("error", containsString("line 3: not valid JSON"));
            assertEquals(before, imported());
            String unlearnable = "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"margin\":1e300}\n"
                    + "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\",\"margin\":-1}\n"
                    + "{\"prompt\":\"p\",\"chosen\":\"same\",\"rejected\":\"same\"}\n";
            admin.request().contentType("application/x-ndjson").body(unlearnable.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(400)
                    .body("error", containsString("lines 1, 2: 'margin' must be a number from 0 to 10"))
                    .body("error", containsString("line 3: 'chosen' and 'rejected' are the same reply"));
            assertEquals(before, imported());
            String good = "{\"prompt\":\"Where is my parcel? " + tag + "\",\"chosen\":\"Here is your tracking link.\",\"rejected\":\"Dear customer.\",\"margin\":0.5,"
                    + "\"margn\":1}\n";
            admin.request().contentType("application/x-ndjson").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(1)).body("notRead", equalTo(List.of("margn")));
            assertEquals(before + 1, imported());
            // The same file again stores nothing twice.
            admin.request().contentType("application/x-ndjson").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(0)).body("duplicates", equalTo(1));
            // Two people who disagreed on a prompt (an export of a team's judgements has such rows): both kept, and counted.
            String disagreement = "{\"prompt\":\"q " + tag + "\",\"chosen\":\"x\",\"rejected\":\"y\"}\n{\"prompt\":\"q " + tag
                    + "\",\"chosen\":\"y\",\"rejected\":\"x\"}\n";
            admin.request().contentType("application/x-ndjson").body(disagreement.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("imported", equalTo(2)).body("opposed", equalTo(1));
            before += 2;
            // A good completion with no bad one for its prompt pairs with nothing: named, not silently dropped.
            String lonely = "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":\"p2\",\"completion\":\"lonely good\",\"label\":true}\n";
            admin.request().contentType("application/x-ndjson").body(lonely.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(400)
                    .body("error", containsString("line 2: a good completion whose prompt has no bad one"));
            assertEquals(before + 1, imported());
            // Rows as chat messages (TRL's conversational form, and Loopwise's own trl-chat export) are read too.
            String chat = "{\"prompt\":[{\"role\":\"system\",\"content\":\"You answer for Fernhill.\"},{\"role\":\"user\","
                    + "\"content\":\"Can I change my delivery address? " + tag + "\"}],\"chosen\":[{\"role\":\"assistant\",\"content\":\"Yes, until it ships.\"}],"
                    + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"No.\"}]}\n";
            admin.request().contentType("application/x-ndjson").body(chat.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(1));
            assertEquals(before + 2, imported());
            // Lines ended by a lone carriage return (old Mac exports) are lines too, not one line with text after its object.
            String mac = "{\"prompt\":\"r1 " + tag + "\",\"chosen\":\"x\",\"rejected\":\"y\"}\r{\"prompt\":\"r2 " + tag
                    + "\",\"chosen\":\"x\",\"rejected\":\"y\"}\r";
            admin.request().contentType("application/x-ndjson").body(mac.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(2));
            assertEquals(before + 4, imported());
            // One JSON array of pairs, as eval-reward reads it, problems named by their row, counted from 1.
            String array = "[\n {\"prompt\":\"a1 " + tag + "\",\"chosen\":\"x\",\"rejected\":\"y\"},\n {\"prompt\":\"a2 " + tag
                    + "\",\n  \"chosen\":\"x\",\"rejected\":\"y\"}\n]\n";
            admin.request().contentType("application/x-ndjson").body(array.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(2));
            String badArray = "[\n {\"prompt\":\"a3 " + tag + "\",\"chosen\":\"x\",\"rejected\":\"y\"},\n {\"prompt\":\"a4 " + tag
                    + "\",\"chosen\":\"same\",\"rejected\":\"same\"}\n]\n";
            admin.request().contentType("application/x-ndjson").body(badArray.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(400).body("error", containsString("row 2: 'chosen' and 'rejected' are the same reply"));
            assertEquals(before + 6, imported());
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from imported_preferences where prompt = ?1 and chosen = 'Yes, until it ships.'")
                    .setParameter(1, "Can I change my delivery address? " + tag).getSingleResult()).longValue()), "the ticket and the reply, not the messages");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag).executeUpdate());
        }
    }

    @Test
    void thumbsBecomeKtoRows() throws Exception {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body("{\"text\":\"please cancel my order FH-555123\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("requestId");
        client.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"down\"}")
                .post("/api/v1/feedback").then().statusCode(201);
        client.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"Up\",\"comment\":\"fine\"}")
                .post("/api/v1/feedback").then().statusCode(200);
        client.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"meh\"}")
                .post("/api/v1/feedback").then().statusCode(400);
        client.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"down\",\"comment\":\"a \\u0007 bell\"}")
                .post("/api/v1/feedback").then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("invalid_comment"))
                .body("error", org.hamcrest.Matchers.containsString("U+0007 at character 3"));
        client.request().contentType("application/json").body("{\"requestId\":\"7d3c8a52-0000-0000-0000-000000000000\",\"rating\":\"up\"}")
                .post("/api/v1/feedback").then().statusCode(404);
        client.request().contentType("application/json").body("{\"requestId\":\"1-1-1-1-1\",\"rating\":\"up\"}")
                .post("/api/v1/feedback").then().statusCode(400);
        // A classification answers nobody: there is no reply to rate, and the drift page's share rated down stays about replies.
        String classified = client.request().contentType("application/json").body("{\"text\":\"please cancel my order FH-555123\"}")
                .post("/api/v1/classify").then().statusCode(200).extract().path("requestId");
        client.request().contentType("application/json").body("{\"requestId\":\"" + classified + "\",\"rating\":\"down\"}")
                .post("/api/v1/feedback").then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("no_reply_served"));
        String kto = Caller.apiKey(keys, "admin").request().get("/api/v1/export/preferences?format=kto").then().statusCode(200)
                .extract().asString();
        boolean found = false;
        for (String line : kto.strip().split("\n")) {
            JsonNode row = JSON.readTree(line);
            // TRL's unpaired preference rows: text prompt and completion, a true/false label (KTOTrainer takes no "up").
            assertEquals(List.of("prompt", "completion", "label"), ExportRows.fields(row), line);
            assertTrue(row.get("prompt").isTextual() && row.get("completion").isTextual() && row.get("label").isBoolean(), line);
            if (row.get("prompt").asText().equals("please cancel my order FH-555123")) {
                found = true;
                assertTrue(row.get("label").asBoolean(), "the caller changed the verdict to up");
                assertTrue(row.get("completion").asText().contains("FH-555123") || !row.get("completion").asText().isBlank());
            }
        }
        assertTrue(found, kto);
    }

    private long imported() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from imported_preferences")
                .getSingleResult()).longValue());
    }
}
