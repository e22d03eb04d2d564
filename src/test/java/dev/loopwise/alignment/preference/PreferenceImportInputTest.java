package dev.loopwise.alignment.preference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A preference file sent as a client would send it: a JSON array as application/json, over-long texts, chat exports. */
@QuarkusTest
class PreferenceImportInputTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aJsonArrayIsTakenAsApplicationJsonAndTextsLongerThanServingTakesAreRefusedAllOrNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        // The pairs it stores would feed later tests' rounds and exports.
        try {
            String array = "[{\"prompt\":\"where is my parcel " + tag + "\",\"chosen\":\"It ships today.\",\"rejected\":\"No idea.\"}]";
            admin.request().contentType("application/json").body(array.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(1));
            // A prompt over the serving limit (4,000 by default) and a reply over the library's: both named, nothing kept of the file.
            String file = "{\"prompt\":\"short " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\"}\n"
                    + "{\"prompt\":\"" + "p".repeat(4_001) + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\"}\n"
                    + "{\"prompt\":\"long reply " + tag + "\",\"chosen\":\"" + "r".repeat(4_500) + "\",\"rejected\":\"No.\"}\n";
            admin.request().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(400).body("code", equalTo("invalid_file"))
                    .body("error", containsString("line 2: the prompt has 4,001 characters, and Loopwise answers tickets of at most 4,000"
                            + " (LOOPWISE_SERVING_MAX_TEXT_LENGTH)"))
                    .body("error", containsString("line 3: the chosen reply has 4,500 characters, and a reply may have at most 4,000"))
                    .body("error", not(containsString("line 1")));
            assertEquals(0L, stored("short " + tag), "all or nothing");
            // At the limits themselves, a pair is taken.
            String atLimits = "{\"prompt\":\"" + tag + "p".repeat(4_000 - tag.length()) + "\",\"chosen\":\"" + "r".repeat(4_000)
                    + "\",\"rejected\":\"No.\"}";
            admin.request().contentType("application/x-ndjson").body(atLimits.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("imported", equalTo(1));
            // Another type still names both that are taken.
            admin.request().contentType("application/xml").body("<x/>").post("/api/v1/datasets/preferences").then().statusCode(415)
                    .body("error", containsString("application/json with one array of rows"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag + "%").executeUpdate());
        }
    }

    @Test
    void anArrayElementThatIsNoObjectIsNamedByItsRow() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        String pair = "{\"prompt\":\"null row " + tag + "\",\"chosen\":\"It ships today.\",\"rejected\":\"No idea.\"}";
        admin.request().contentType("application/json").body("[" + pair + ", null, 5, \"text\"]").post("/api/v1/datasets/preferences")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("row 2: each row must be a JSON object ({\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}), not null"))
                .body("error", containsString("row 3: each row must be a JSON object ({\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}), not a number"))
                .body("error", containsString("row 4: each row must be a JSON object ({\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}), not text"))
                .body("error", not(containsString("row 1")));
        admin.request().contentType("application/x-ndjson").body((pair + "\nnull\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                .then().statusCode(400).body("error", containsString("line 2: each row must be a JSON object"));
        assertEquals(0L, stored("null row " + tag), "all or nothing");
    }

    @Test
    void chatMessagesWhoseContentIsAListOfTextPartsAreReadAsTheirTextJoined() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        try {
            String parts = "{\"prompt\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Where is my parcel?\"},"
                    + "{\"type\":\"text\",\"text\":\"" + tag + "\"}]}],"
                    + "\"chosen\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"It ships today.\"}]}],"
                    + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"No idea.\"}]}";
            admin.request().contentType("application/x-ndjson").body(parts.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(1));
            assertEquals(1L, stored("Where is my parcel?\n" + tag), "the text parts, one a line");
            // A part that is not text is named as what cannot be read, not as a missing message.
            String image = "{\"prompt\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}],"
                    + "\"chosen\":\"Yes.\",\"rejected\":\"No.\"}";
            admin.request().contentType("application/x-ndjson").body(image.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(400).body("error", containsString("line 1: 'prompt' as messages needs one whose role is 'user' and whose"
                            + " content is a string or a list of text parts")).body("error", containsString("an image"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag).executeUpdate());
        }
    }

    @Test
    void aControlCharacterInAPromptOrAReplyIsRefusedNamingItsLineAndPlaceAsTheTicketImportDoes() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        // JSON escapes, as an export writes a bell or a terminal escape; tabs and line breaks stay allowed.
        String file = "{\"prompt\":\"fine " + tag + "\",\"chosen\":\"Yes,\\tand\\nmore.\",\"rejected\":\"No.\"}\n"
                + "{\"prompt\":\"ring \\u0007 " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\"}\n"
                + "{\"prompt\":\"colour " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"\\u001b[31mNo.\"}\n"
                + "{\"prompt\":\"thumb " + tag + "\",\"completion\":\"Ok\\u0008.\",\"label\":true}\n";
        admin.request().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                .then().statusCode(400).body("code", equalTo("invalid_file"))
                .body("error", containsString("line 2: the prompt holds a control character (U+0007 at character 6): remove it"
                        + " (tabs and line breaks may stay)"))
                .body("error", containsString("line 3: the rejected reply holds a control character (U+001B at character 1)"))
                .body("error", containsString("line 4: the completion holds a control character (U+0008 at character 3)"))
                .body("error", not(containsString("line 1")));
        assertEquals(0L, stored("fine " + tag), "all or nothing");
    }

    /** Reviewers who split 2–1 export as two rows one way and one the other: imported, the majority stays, not a tie. */
    @Test
    void aPairRepeatedInTheFileIsStoredAsOftenAndTheSameFileAgainStoresNothing() {
        Caller admin = Caller.apiKey(keys, "admin");
        // Letters only: the export masks a run of digits that reads as a phone number, so a UUID's digits failed at random.
        String prompt = "split two to one " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String ab = "{\"prompt\":\"" + prompt + "\",\"chosen\":\"It ships today.\",\"rejected\":\"No idea.\",\"margin\":0}\n";
        String ba = "{\"prompt\":\"" + prompt + "\",\"chosen\":\"No idea.\",\"rejected\":\"It ships today.\",\"margin\":0}\n";
        byte[] file = (ab + ba + ab).getBytes(StandardCharsets.UTF_8);
        try {
            admin.request().contentType("application/x-ndjson").body(file).post("/api/v1/datasets/preferences").then().statusCode(201)
                    .body("imported", equalTo(3)).body("duplicates", equalTo(0)).body("opposed", equalTo(2));
            assertEquals(3L, stored(prompt));
            admin.request().contentType("application/x-ndjson").body(file).post("/api/v1/datasets/preferences").then().statusCode(201)
                    .body("imported", equalTo(0)).body("duplicates", equalTo(3));
            assertEquals(3L, stored(prompt), "sent again: nothing stored twice");
            String exported = admin.request().get("/api/v1/export/preferences?format=trl").then().statusCode(200).extract().asString();
            assertEquals(List.of(ab.strip(), ba.strip(), ab.strip()).stream().map(l -> l.replace("\"margin\":0", "\"margin\":0.0")).toList(),
                    exported.lines().filter(l -> l.contains(prompt)).toList(), "the export has the majority back");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt = ?1")
                    .setParameter(1, prompt).executeUpdate());
        }
    }

    private long stored(String prompt) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from imported_preferences where prompt = ?1").setParameter(1, prompt).getSingleResult()).longValue());
    }

    @Test
    void aFieldNotReadIsNamedBackWithItsInvisibleCharactersAsCodes() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        try {
            String file = "{\"prompt\":\"field names " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\",\"m\\u202Eargn\":1,\""
                    + "k".repeat(300) + "\":2}\n";
            admin.request().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(1))
                    .body("notRead", equalTo(List.of("k".repeat(40) + "…", "mU+202Eargn")));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag).executeUpdate());
        }
    }

    @Test
    void anOptionalFieldSentAsNullIsTakenAsAbsent() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        try {
            String file = "{\"prompt\":\"null margin " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\",\"margin\":null}\n"
                    + "{\"prompt\":\"null label " + tag + "\",\"chosen\":\"Sure.\",\"rejected\":\"Nope.\",\"completion\":null,\"label\":null}\n";
            admin.request().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences")
                    .then().statusCode(201).body("imported", equalTo(2));
            assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from imported_preferences where prompt like ?1 and margin is not null")
                    .setParameter(1, "%" + tag).getSingleResult()).longValue()));
            // A required field left null is still refused, as missing.
            admin.request().contentType("application/x-ndjson").body(("{\"prompt\":\"x " + tag + "\",\"chosen\":null,\"rejected\":\"No.\"}\n")
                    .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences").then().statusCode(400)
                    .body("error", containsString("line 1: each row needs 'prompt', 'chosen' and 'rejected'"));
            // A file in a shape not read says the shapes once, with the lines, not once per line; OpenAI's shape imports.
            admin.request().contentType("application/x-ndjson").body(("{\"text\":\"x " + tag + "\",\"good\":\"Yes.\",\"bad\":\"No.\"}\n")
                    .repeat(3).getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences").then().statusCode(400)
                    .body("error", containsString("(3 problems; fix them and send the file again): lines 1, 2, 3: each row needs"))
                    .body("error", containsString("(OpenAI's preference fine-tuning)."));
            admin.request().contentType("application/x-ndjson").body(("{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"openai "
                    + tag + "\"}]},\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"Yes.\"}],\"non_preferred_output\":"
                    + "[{\"role\":\"assistant\",\"content\":\"No.\"}]}\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("imported", equalTo(1)).body("notRead", equalTo(List.of()));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag).executeUpdate());
        }
    }
}
