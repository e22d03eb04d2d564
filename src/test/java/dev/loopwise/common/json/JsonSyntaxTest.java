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

    @Test
    void mistakesInNumbersEscapesCommentsAndStrayCharactersAreSaidInWordsNotInTheParsers() {
        Caller admin = Caller.apiKey(keys, "admin");
        String[][] mistakes = {
            {"{\u0007\"text\": \"hi\"}", "a control character (U+0007) outside text: remove it"},
            {"{\"text\": -x}", "a minus sign without a digit after it"},
            {"{\"text\": 1.}", "a number that ends in a decimal point: write 1 or 1.0, not 1."},
            {"{\"text\": 1e}", "a number whose exponent has no digits"},
            {"{\"text\": +1}", "a number with a plus sign: write 5, not +5"},
            {"{\"text\": \"\\u12\"}", "a \\u escape without its four hex digits"},
            {"{/* ticket */ \"text\": \"hi\"}", "a comment: JSON has none, remove it"},
            {",", "a value is missing before ','"},
            {"{\u201ctext\u201d: \"hi\"}", "'\u201c' outside double quotes: write keys and text in plain double quotes"},
            {"{\"text\": " + "b".repeat(300) + "}", "'" + "b".repeat(40) + "…' is not JSON (text goes in double quotes)"},
        };
        for (String[] mistake : mistakes) {
            post(admin, "/api/v1/respond", mistake[0]).statusCode(400).body("code", equalTo("malformed_json"))
                    .body("error", containsString(mistake[1])).body("error", not(containsString("code ")))
                    .body("error", not(containsString("Feature"))).body("error", not(containsString("JSON String")));
        }
        // Read from the body's bytes, a typographic quote before a value is reported by the parser as a byte that is not
        // UTF-8: the answer names both, where it said only that the body was not UTF-8.
        post(admin, "/api/v1/respond", "{\"text\": \u201chi\u201d}").statusCode(400)
                .body("error", containsString("a typographic quote such as “ or ”")).body("error", containsString("not UTF-8"));
        // The same words for a line of an imported file.
        admin.request().contentType("application/x-ndjson").body("{\"text\": -x}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/tickets").then().statusCode(400)
                .body("error", containsString("line 1: not valid JSON (a minus sign without a digit after it"));
    }

    private static io.restassured.response.ValidatableResponse post(Caller caller, String path, String body) {
        return caller.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(path).then();
    }
}
