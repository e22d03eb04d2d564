package dev.loopwise.alignment.preference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A preference file whose field names are capitalised or spaced, as spreadsheets and hand-written exporters write them. */
@QuarkusTest
class PreferenceFieldCaseTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void fieldNamesAreReadInAnyCaseAndAnExactNameWinsOverAnotherSpelling() {
        Caller admin = Caller.apiKey(keys, "admin");
        String tag = UUID.randomUUID().toString();
        try {
            String file = "{\"Prompt\":\"where is my parcel " + tag + "\",\"CHOSEN\":\"It ships today.\",\" Rejected \":\"No idea.\","
                    + "\"Margin\":2}\n"
                    + "{\"prompt\":\"refund " + tag + "\",\"Prompt\":\"other\",\"chosen\":\"On its way.\",\"rejected\":\"No.\"}\n";
            admin.request().contentType("application/x-ndjson").body(file.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("imported", equalTo(2))
                    .body("notRead", equalTo(List.of("Prompt")));
            assertEquals(List.of("refund " + tag + "|On its way.|No.|null", "where is my parcel " + tag + "|It ships today.|No idea.|2.0"),
                    stored(tag));
            // Two spellings of one name and no exact one: the first is read, the other named as not read.
            String twice = "{\"PROMPT\":\"twice " + tag + "\",\"Prompt\":\"other\",\"chosen\":\"Yes.\",\"rejected\":\"No.\"}";
            admin.request().contentType("application/x-ndjson").body(twice.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("notRead", equalTo(List.of("Prompt")));
            // A name no shape reads, in any case, is still refused with the shapes.
            String unknown = "{\"Ticket\":\"x\",\"Good\":\"y\",\"Bad\":\"z\"}";
            admin.request().contentType("application/x-ndjson").body(unknown.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(400).body("error", containsString("each row needs 'prompt'"));
            // A name that matches only once other scripts' letters are folded (a dotless ı) is no field any shape reads.
            String dotless = "{\"\u0131nput\":\"x\",\"prompt\":\"dotless " + tag + "\",\"chosen\":\"Yes.\",\"rejected\":\"No.\"}";
            admin.request().contentType("application/x-ndjson").body(dotless.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/datasets/preferences").then().statusCode(201).body("notRead", equalTo(List.of("\u0131nput")));
            // A table is said to be one, and where it is read, rather than its first name not being JSON.
            admin.request().contentType("application/x-ndjson").body(("prompt,chosen,rejected\ntable " + tag + ",Yes.,No.\n")
                            .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences").then().statusCode(400)
                    .body("code", equalTo("invalid_file"))
                    .body("error", containsString("line 1: this looks like a table (a header line of column names), but the import"
                            + " reads JSON lines"))
                    .body("error", containsString("read by eval-reward"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where prompt like ?1")
                    .setParameter(1, "%" + tag + "%").executeUpdate());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> stored(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("select prompt, chosen, rejected,"
                        + " margin from imported_preferences where prompt like ?1 order by prompt").setParameter(1, "%" + tag + "%")
                .getResultList()).stream().map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3]).toList());
    }
}
