package dev.loopwise.common.json;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON typed by hand, with the mistakes people make, is refused with where the mistake is and what to change. */
@QuarkusTest
class JsonSyntaxTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aRequestBodysSyntaxMistakeIsNamedInPlainWordsWithItsLineAndColumn() {
        Caller admin = Caller.apiKey(keys, "admin");
        post(admin, "/api/v1/rounds", "{\"method\": \"dpo\",}").statusCode(400).body("code", equalTo("malformed_json"))
                .body("error", equalTo("The request body is not valid JSON (a comma before '}' with no key after it: remove the comma"
                        + " after the last entry, at line 1, column 18). Send a JSON object."));
        post(admin, "/api/v1/rounds", "{\n  \"beta\": 1,\n  seed: 3\n}").statusCode(400)
                .body("error", containsString("a key without double quotes where 's' is: write keys in double quotes (\"key\": value), at line 3, column 3"))
                .body("error", not(containsString("code 115")));
        post(admin, "/api/v1/rounds", "{'beta': 1}").statusCode(400).body("error", containsString("a key in single quotes"));
        post(admin, "/api/v1/rounds", "{\"beta\": 1 \"seed\": 3}").statusCode(400)
                .body("error", containsString("a comma is missing between two entries of an object, before '\"'"));
        post(admin, "/api/v1/rounds", "{\"beta\": \"high\"}").statusCode(400)
                .body("error", equalTo("The field 'beta' has the wrong type: send a number, without quotes."));
        post(admin, "/api/v1/knowledge/search", "{\"q\": \"where is\nmy parcel\"}").statusCode(400)
                .body("error", containsString("a line break inside text: write it as \\n"));
    }

    @Test
    void aOneLineArrayWithATrailingCommaInAJsonlEndpointSaysWhatToRemove() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/x-ndjson").body("[{\"prompt\":\"a\",\"chosen\":\"b\",\"rejected\":\"c\"},]"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/datasets/preferences").then().statusCode(400)
                .body("error", containsString("row 2 (line 1): not valid JSON (a comma before ']' with no value after it: remove the comma"))
                .body("error", not(containsString("code 93")));
        admin.request().contentType("application/x-ndjson").queryParam("name", "kb.jsonl").body("[{\"title\": \"x\", \"body\": \"y\"},]"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/knowledge/articles").then().statusCode(400)
                .body("error", containsString("row 2 (line 1): not valid JSON (a comma before ']' with no value after it"));
    }

    @Test
    void aNumberOrAKeyPastTheParsersLimitsIsSaidInWordsNotInItsSettingsNames() {
        Caller admin = Caller.apiKey(keys, "admin");
        post(admin, "/api/v1/rounds", "{\"beta\": " + "9".repeat(2_000) + "}").statusCode(400).body("code", equalTo("malformed_json"))
                .body("error", containsString("a number 2,000 digits long: a number has at most 1,000 digits"))
                .body("error", not(containsString("(1000,")));
        post(admin, "/api/v1/rounds", "{\"" + "k".repeat(60_000) + "\": 1}").statusCode(400)
                .body("error", containsString("a key 60,000 characters long: a key is a field's name, at most 50,000 characters"));
    }

    private static io.restassured.response.ValidatableResponse post(Caller caller, String path, String body) {
        return caller.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(path).then();
    }
}
