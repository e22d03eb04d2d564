package dev.loopwise.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replay files and settings that cannot be sent: refused, through the API and the drift page, before any ticket is served. */
@QuarkusTest
class ReplayRefusalsTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    @Test
    void aReplayedFileIsHeldToTheAnsweringApisRulesAndAnUnknownSourceIsRefused() {
        ActiveModel.await();
        Caller admin = Caller.session("admin");
        long served = DriftReplayTest.servedRequests(em);
        // A blank line and a text over two lines come first: the lines named are the file's own.
        String file = "text\nwhere is my parcel\n\n\"the parcel\nhas not come\"\n\"   \"\n" + "x".repeat(4500) + "\nring\u0007ring\n";
        String refused = admin.pageRequest().accept("text/html")
                .multiPart("file", "replay.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("line 6: The text is empty") && refused.contains("line 7: The text has 4,500 characters")
                && refused.contains("line 8: The text holds a control character (U+0007 at character 5)"), refused);
        assertEquals(served, DriftReplayTest.servedRequests(em), "nothing of the file was served");
        String unknown = admin.pageRequest().accept("text/html").multiPart("source", "bogus")
                .multiPart("file", "replay.csv", "text\nwhere is my parcel\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay").then().statusCode(400).extract().asString();
        assertTrue(unknown.contains("not &#39;bogus&#39;"), unknown);
        assertTrue(unknown.contains("id=\"drift-error\"") && unknown.contains("id=\"replay\""),
                "the drift page itself, its form below the message: " + unknown);
        String both = admin.pageRequest().accept("text/html").multiPart("source", "demo")
                .multiPart("file", "mine.csv", "text\nwhere is my parcel\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay").then().statusCode(400).extract().asString();
        assertTrue(both.contains("also a file (mine.csv)"), "a chosen file is not silently dropped: " + both);
        assertEquals(served, DriftReplayTest.servedRequests(em));
    }

    @Test
    void aCsvFileNamedAsJsonLinesIsToldToTakeTheEndingCsvOnThePage() {
        Caller admin = Caller.session("admin");
        // A browser sends the file by its name: the content type is not the user's to choose.
        String page = admin.pageRequest().accept("text/html")
                .multiPart("file", "traffic.jsonl", "text,label\nwhere is my parcel,track\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("csrf-token", admin.csrfToken()).post("/admin/drift/replay").then().statusCode(400).extract().asString();
        assertTrue(page.contains("give the file the ending .csv") && !page.contains("content type text/csv"), page);
    }

    @Test
    void aFileWithoutRowsIsRefusedSayingSoAndNothingIsSent() {
        // Without an active version every replay is refused first for that (409): this test must not rely on another's run.
        ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        long served = DriftReplayTest.servedRequests(em);
        for (String[] file : List.of(new String[] {"text/csv", "text\n"}, new String[] {"application/x-ndjson", "[]"})) {
            admin.request().contentType(file[0]).body(file[1].getBytes(StandardCharsets.UTF_8)).post("/api/v1/drift/replay").then().statusCode(400)
                    .body("code", equalTo("invalid_file"))
                    .body("error", startsWith("The file holds no rows"));
        }
        Caller lead = Caller.session("admin");
        String page = lead.pageRequest().accept("text/html").multiPart("file", "empty.csv", new byte[0], "text/csv")
                .multiPart("csrf-token", lead.csrfToken()).post("/admin/drift/replay").then().statusCode(400).extract().asString();
        assertTrue(page.contains("The file holds no rows"), page);
        assertEquals(served, DriftReplayTest.servedRequests(em));
    }

    @Test
    void aFileThatDoesNotReadAsTicketsIsNamedInOneSentence() {
        Caller admin = Caller.apiKey(keys, "admin");
        long served = DriftReplayTest.servedRequests(em);
        // The problem's own sentence ends with a full stop: the refusal ended "twice ("")..".
        String said = admin.request().contentType("text/csv").body("text\n\"where is my parcel\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/drift/replay").then().statusCode(400).body("code", equalTo("invalid_file")).extract().path("error");
        assertTrue(said.startsWith("The file was not replayed: line 2: a quoted field starts here and is never closed."), said);
        assertTrue(said.endsWith("(\"\").") && !said.endsWith(".."), said);
        assertEquals(served, DriftReplayTest.servedRequests(em), "nothing of the file was served");
    }

    @Test
    void theReplayApiSaysWhichTypesItTakes() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String type : List.of("application/json", "application/xml")) {
            String said = admin.request().contentType(type).body("text\nwhere is my parcel\n").post("/api/v1/drift/replay")
                    .then().statusCode(415).extract().path("error");
            assertTrue(said.contains("text/csv") && said.contains("application/x-ndjson"), "a ticket file, as for the import: " + said);
        }
    }

    @Test
    void aStrideThatIsNoWholeNumberGetsTheSameSentenceAsZero() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String stride : List.of("0", "abc", "-3", "2.5", "99999999999")) {
            admin.request().contentType("text/csv").queryParam("stride", stride).body("text\nwhere is my parcel\n")
                    .post("/api/v1/drift/replay").then().statusCode(400).body("code", equalTo("validation_failed"))
                    .body("error", startsWith("'stride' is how many tickets are sent between drift checks"));
        }
    }

    @Test
    void aStrideWithALeadingZeroSignOrSpaceIsRefusedAsEveryCountInAnAddressIs() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String stride : List.of("01", " 5", "+2", "5 ")) {
            admin.request().contentType("text/csv").queryParam("stride", stride).body("text\nwhere is my parcel\n")
                    .post("/api/v1/drift/replay").then().statusCode(400).body("code", equalTo("validation_failed"))
                    .body("error", containsString("without a sign, leading zeros or spaces; got '" + stride + "'"));
        }
    }
}
