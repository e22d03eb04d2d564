package dev.loopwise.alignment.preference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.ScratchAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preference and audit exports answer every name of JSON lines their imports take, each with the same body under
 * the name asked for: a client asking for application/jsonl was refused with 406 although it may send that type.
 */
@QuarkusTest
class JsonLinesAcceptTest {
    @Inject
    ApiKeyService keys;

    private ApiKeyService.CreatedKey key;

    @BeforeEach
    void createKey() {
        key = ScratchAccounts.key(keys.create("admin", "json lines accept " + System.nanoTime()));
    }

    @Test
    void theExportsAnswerEachNameOfJsonLines() {
        // A closed range holding at least the key's creation, so that entries written meanwhile change no answer.
        String until = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString();
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
        for (String export : List.of("/api/v1/export/preferences?format=trl", "/api/v1/audit?since=" + since + "&until=" + until)) {
            String ndjson = admin().accept("application/x-ndjson").get(export).then().statusCode(200)
                    .contentType(startsWith("application/x-ndjson")).extract().asString();
            if (export.contains("audit")) {
                assertFalse(ndjson.isBlank(), "the audit export holds the key's creation");
            }
            admin().get(export).then().statusCode(200).contentType(startsWith("application/x-ndjson"));
            for (String type : List.of("application/jsonl", "application/json-lines")) {
                String body = admin().accept(type).get(export).then().statusCode(200)
                        .contentType(startsWith(type)).extract().asString();
                assertEquals(ndjson, body, export + " as " + type);
            }
        }
    }

    @Test
    void aBadFormatAskedForAsJsonLinesIsAnsweredInTheErrorShape() {
        admin().accept("application/jsonl").get("/api/v1/export/preferences?format=csv").then()
                .statusCode(400).body("code", equalTo("invalid_format"));
    }

    private RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + key.secret());
    }
}
