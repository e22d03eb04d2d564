package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx in the one error shape {code, error}, and changes nothing. */
@QuarkusTest
class ErrorShapeTest {
    @Inject
    ApiKeyService keys;
    Caller admin;

    @BeforeEach
    void admin() {
        admin = Caller.apiKey(keys, "admin");
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() {
        long users = countUsers();
        admin.request().contentType("application/json").body("{\"username\": \"x\", ").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("malformed_json"))
                .body("error", containsString("not valid JSON"));
        assertEquals(users, countUsers());
    }

    @Test
    void missingBodyAndInvalidFieldsAre400s() {
        admin.request().contentType("application/json").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("error", containsString("send a JSON object with Content-Type application/json")).body("error", containsString("/q/swagger-ui"));
        admin.request().contentType("application/json").body("null").patch("/api/v1/users/1")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("error", containsString("lists its fields"));
        // A reviewer's client is told the one field a judgement needs, and its values.
        admin.request().contentType("application/json").post("/api/v1/review/1")
                .then().statusCode(400).body("code", equalTo("validation_failed")).body("error", containsString("{\"choice\": \"A\"}"));
        admin.request().contentType("application/json")
                .body("{\"username\":\"ok-name\",\"password\":\"short\",\"roles\":\"reviewer\"}").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("weak_password"));
        // A person's account without any password is told so, not that its (absent) password is too short.
        admin.request().contentType("application/json").body("{\"username\":\"ok-name\",\"roles\":\"reviewer\"}").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("password_needed"));
        admin.request().contentType("application/json")
                .body("{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"roles\":\"superuser\"}").post("/api/v1/users")
                .then().statusCode(400).body("error", containsString("Unknown role 'superuser'"));
        // A role name holding a direction override is refused as any text is, in a list or alone.
        for (String roles : new String[] {"[\"rev\\u202eiewer\"]", "\"rev\\u202eiewer\""}) {
            admin.request().contentType("application/json")
                    .body("{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"roles\":" + roles + "}").post("/api/v1/users")
                    .then().statusCode(400).body("code", equalTo("invalid_text")).body("error", containsString("roles"));
        }
        // Other hidden characters are quoted back as codes; a full-width space after a name is a space, as an ASCII one is.
        admin.request().contentType("application/json")
                .body("{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"roles\":[\"rev\\u200biewer\"]}").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("unknown_role"))
                .body("error", equalTo("Unknown role 'revU+200Biewer': use 'admin', 'reviewer' or 'service'."));
        admin.request().contentType("application/json").body("{\"messages\":" + "[".repeat(1001) + "]".repeat(1001) + "}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", containsString("nested more than 1,000 levels deep"));
        admin.request().contentType("application/json")
                .body("{\"username\":\"ok-name\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer,service\"}").post("/api/v1/users")
                .then().statusCode(400).body("code", equalTo("conflicting_roles"));
        admin.request().contentType("application/json").body("{\"username\":\"\"}").post("/api/v1/keys")
                .then().statusCode(400).body("error", containsString("'username' is empty"));
        admin.request().contentType("application/json")
                .body("{\"username\":\"admin\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}").post("/api/v1/users")
                .then().statusCode(409).body("code", equalTo("username_taken"));
        admin.request().get("/api/v1/tickets?size=100000")
                .then().statusCode(400).body("code", equalTo("invalid_paging")).body("error", containsString("size must be"));
        admin.request().get("/api/v1/tickets?page=-1")
                .then().statusCode(400).body("error", equalTo("page must be a whole number, 0 or more; got '-1'."));
        admin.request().get("/api/v1/tickets?page=abc")
                .then().statusCode(400).body("code", equalTo("invalid_paging")).body("error", containsString("'abc'"));
        // A whole number too large for the parameter is no "not a whole number" mistake.
        admin.request().get("/api/v1/models/99999999999999")
                .then().statusCode(400).body("code", equalTo("bad_parameter"))
                .body("error", containsString("is too large ('99999999999999'): it is at most 2,147,483,647"));
        // Nor is a negative one: ids have no sign.
        admin.request().get("/api/v1/models/-99999999999999")
                .then().statusCode(400).body("code", equalTo("bad_parameter"))
                .body("error", equalTo("The version in the path: " + HttpMessages.notPlainNumber("-99999999999999")));
        Caller page = Caller.session("admin");
        for (String[] typed : new String[][] {{"2.5", "'2.5' is not a whole number: this field asks for a count."},
                {"99999999999", "'99999999999' is far larger than this field takes"}, {"0,5", "'0,5' is not a number"},
                {"-99999999999", "'-99999999999' is not a plain number: ids are plain positive whole numbers"},
                {" 3 ", "' 3 ' has spaces around the number: type the number alone."}}) { // was "is not a number: type digits"
            // A form field the resource reads as a number (the version a comparison is asked for) is refused before it runs.
            String refused = page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("version", typed[0])
                    .post("/admin/review/compare").then().statusCode(400).extract().asString();
            assertTrue(refused.contains(typed[1].replace("'", "&#39;")), typed[0] + ": " + refused);
        }
        admin.request().contentType("application/json").body("{\"disabled\":true}").patch("/api/v1/users/abc")
                .then().statusCode(400).body("code", equalTo("bad_parameter"));
    }

    @Test
    void jsonOfTheWrongShapeIsExplainedFieldByFieldAndNothingIsGuessed() {
        long users = countUsers();
        admin.request().contentType("application/json").body("{\"text\": 5}").post("/api/v1/respond")
                .then().statusCode(400).body("error", equalTo("The field 'text' has the wrong type: send text (a JSON string in quotes)."))
                .body("error", not(containsString("java")));
        admin.request().contentType("application/json").body("{\"name\":\"k\",\"requestsPerMinute\":\"10\"}").post("/api/v1/keys")
                .then().statusCode(400).body("error", containsString("'requestsPerMinute' has the wrong type: send a whole number"));
        admin.request().contentType("application/json").body("{\"name\":\"k\",\"requestsPerMinute\":1.7}").post("/api/v1/keys")
                .then().statusCode(400).body("error", containsString("'requestsPerMinute'"));
        admin.request().contentType("application/json").body("{\"name\":\"k\",\"requestsPerMinute\":99999999999}").post("/api/v1/keys")
                .then().statusCode(400).body("error", equalTo("'requestsPerMinute' is far out of range (it must at least be a"
                        + " whole number no larger than 2,147,483,647): send a value this field allows."));
        // Latin-1 bytes labelled as UTF-8 (a label naming Latin-1 is honoured: BodyCharsetTest).
        admin.request().contentType("application/json; charset=UTF-8").body("{\"text\": \"caf\u00e9 cr\u00e8me\"}".getBytes(
                StandardCharsets.ISO_8859_1)).post("/api/v1/respond")
                .then().statusCode(400).body("error", containsString("not UTF-8"));
        long adminId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow().id);
        admin.request().contentType("application/json").body("{\"disabled\":1}").patch("/api/v1/users/" + adminId)
                .then().statusCode(400).body("error", containsString("true or false"));
        admin.request().contentType("application/json").body("{\"rolez\":\"admin\"}").patch("/api/v1/users/" + adminId)
                .then().statusCode(400).body("error", containsString("The field 'rolez' is not one this request takes"))
                .body("error", containsString("roles"));
        admin.request().contentType("application/json")
                .body("{\"username\":\"trailing-json\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"} {}").post("/api/v1/users")
                .then().statusCode(400);
        assertEquals(users, countUsers());
        admin.request().get("/api/v1/tickets?page=4294968&size=500").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void messagesStayShortAndInOurWords() {
        // A megabyte-long value is quoted back shortened; an empty regime is no regime (nothing is trained).
        admin.request().contentType("application/json").body("{\"regime\":\"" + "x".repeat(100_000) + "\"}").post("/api/v1/models/train")
                .then().statusCode(400).body("error", containsString("…")).body("error.length()", org.hamcrest.Matchers.lessThan(1_100));
        admin.request().contentType("application/json").body("{\"regime\":\"  \"}").post("/api/v1/models/train").then().statusCode(400);
        admin.request().contentType("application/json").body("{\"username\":\"x\"} {}").post("/api/v1/users")
                .then().statusCode(400).body("error", containsString("Something follows the JSON object"));
        admin.request().contentType("application/json").body("{\"text\": NaN}").post("/api/v1/respond")
                .then().statusCode(400).body("error", not(containsString("JsonReadFeature")));
    }

    @Test
    void aKeyNameThatReversesTheWritingDirectionIsRefused() {
        admin.request().contentType("application/json").body("{\"name\":\"\u202eevil\"}").post("/api/v1/keys")
                .then().statusCode(400).body("error", containsString("writing direction"));
    }

    @Test
    void wrongMediaTypeAndUnknownAddressesAreExplained() {
        admin.request().contentType("text/plain").body("hello").post("/api/v1/users")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        admin.request().get("/api/v1/no-such-thing").then().statusCode(404).body("code", equalTo("not_found"));
        admin.request().put("/api/v1/users").then().statusCode(405).body("code", equalTo("method_not_allowed"))
                .body("error", org.hamcrest.Matchers.allOf(containsString("does not accept that HTTP method: use "), containsString("GET")))
                .header("Allow", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("GET"), org.hamcrest.Matchers.containsString("POST")));
        // "next" is no item id: sending to it is a wrong method, not a bad id. No HEAD either: it would lease the item.
        admin.request().contentType("application/json").body("{}").post("/api/v1/review/next").then().statusCode(405)
                .body("code", equalTo("method_not_allowed")).header("Allow", equalTo("GET, OPTIONS"));
    }

    @Test
    void browsersGetAnHtmlPageAndNeverAStackTrace() {
        Caller reviewer = Caller.session("reviewer1");
        reviewer.request().accept("text/html").get("/admin")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Your role does not allow this action: it needs the role admin."))
                .body(not(containsString("Exception")));
        Caller reviewerKey = Caller.apiKey(keys, "reviewer1");
        reviewerKey.request().accept("application/json").get("/api/v1/users").then().statusCode(403).body("code", equalTo("forbidden"))
                .body("error", equalTo("Your role does not allow this action: it needs the role admin. An admin can give it on the Users page."));
        reviewerKey.request().accept("application/json").contentType("application/json").body("{\"text\":\"where is my order\"}")
                .post("/api/v1/respond").then().statusCode(403).body("error", containsString("it needs the role admin or service."));
        given().accept("text/html").get("/no-such-page")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(not(containsString("at dev.loopwise")));
    }

    @Test
    void aNulCharacterInTextIsA400NotACrash() {
        long users = countUsers();
        for (String path : new String[] {"/api/v1/respond", "/api/v1/classify"}) {
            admin.request().contentType("application/json").body("{\"text\":\"where is my order\\u0000 FH-123\"}").post(path)
                    .then().statusCode(400).body("code", equalTo("invalid_text"))
                    .body("error", containsString("NUL"));
        }
        admin.request().contentType("application/json")
                .body("{\"username\":\"nul\\u0000name\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}")
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("invalid_text"));
        assertEquals(users, countUsers());
    }

    @Test
    void aDuplicatedJsonKeyIsA400ThatNamesIt() {
        long users = countUsers();
        admin.request().contentType("application/json")
                .body("{\"username\":\"dup-one\",\"username\":\"dup-two\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"}")
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo("malformed_json"))
                .body("error", containsString("username"));
        admin.request().contentType("application/json").body("{\"text\":\"a\",\"text\":\"b\"}").post("/api/v1/respond")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        assertEquals(users, countUsers());
    }

    @Test
    void aFormBodyThatCannotBeReadIsA400ThatSaysWhatTheAddressTakes() {
        long keys = QuarkusTransaction.requiringNew().call(() -> ApiKey.count());
        // An API call that takes JSON says so, whatever the form body holds.
        admin.request().contentType("application/x-www-form-urlencoded").body("name=%zz").post("/api/v1/keys")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type")).body("error", containsString("application/json"));
        admin.request().contentType("multipart/form-data; boundary=xx").body("garbage".getBytes(StandardCharsets.UTF_8)).post("/api/v1/keys")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
        admin.request().contentType("application/x-www-form-urlencoded").body("a=%").post("/api/v1/knowledge/articles?name=a.md")
                .then().statusCode(400).body("error", containsString("text/markdown"));
        Caller browser = Caller.session("admin");
        browser.request().contentType("application/x-www-form-urlencoded").accept("text/html")
                .body("csrf-token=" + browser.csrfToken() + "&username=x%zz").post("/admin/users")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("reload the page"));
        // A form is a page's: its sender gets the page even when it names no type.
        browser.request().contentType("application/x-www-form-urlencoded")
                .body("csrf-token=" + browser.csrfToken() + "&displayName=" + "a".repeat(70_000)).post("/admin/users")
                .then().statusCode(413).contentType(containsString("text/html")).body(containsString("64 KB"));
        assertEquals(keys, QuarkusTransaction.requiringNew().call(() -> ApiKey.count()));
    }

    static long countUsers() {
        return QuarkusTransaction.requiringNew().call(() -> User.count());
    }
}
