package dev.loopwise.common.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A ticket file or a replay sent with a type the address does not read: the answer names what was sent and what to send,
 * and speaks of forms only to a caller who attached the file to one.
 */
@QuarkusTest
class WrongBodyTypeWordsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aMarkdownBodyIsNamedAndTheTicketFileTypesAreSaid() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String path : new String[] {"/api/v1/datasets/tickets", "/api/v1/drift/replay"}) {
            admin.request().contentType("text/markdown").body("# where is my parcel".getBytes(StandardCharsets.UTF_8)).post(path)
                    .then().statusCode(415).body("code", equalTo("unsupported_media_type"))
                    .body("error", allOf(containsString("sent as text/markdown"), containsString("text/csv"),
                            containsString("application/x-ndjson"), not(containsString("multipart"))));
        }
    }

    @Test
    void aFormUploadIsToldToSendTheFileItself() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().multiPart("file", "tickets.csv", "text,intent\nwhere is my parcel,track\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv").post("/api/v1/datasets/tickets")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"))
                .body("error", allOf(containsString("sent as multipart/form-data"), containsString("not attached to a form"),
                        containsString("text/csv")));
    }
}
