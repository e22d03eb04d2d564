package dev.loopwise.common.http;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An address named by a word (/api/v1/models/train) beside one that takes an id in its place (/api/v1/models/{version})
 * refuses the wrong method with 405 and what it takes, not with a 400 saying the word is no whole number.
 */
@QuarkusTest
class NamedAddressMethodTest {
    @Inject
    ApiKeyService keys;

    @Test
    void theWrongMethodOnANamedAddressIsA405NamingWhatItTakes() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().get("/api/v1/models/train").then().statusCode(405).body("code", equalTo("method_not_allowed"))
                .body("error", containsString("use POST.")).header("Allow", equalTo("POST, OPTIONS"));
        admin.request().head("/api/v1/models/train").then().statusCode(405).header("Allow", equalTo("POST, OPTIONS"));
        admin.request().options("/api/v1/models/train").then().statusCode(204).header("Allow", equalTo("POST, OPTIONS"));
        // GET alone: a HEAD of the next item would lease it.
        admin.request().contentType("application/json").body("{}").post("/api/v1/review/next").then().statusCode(405)
                .header("Allow", equalTo("GET, OPTIONS"));
        admin.request().options("/api/v1/review/next").then().statusCode(204).header("Allow", not(containsString("POST")));

        Caller reviewer = Caller.session("reviewer1");
        reviewer.request().header("X-CSRF-Token", reviewer.csrfToken()).contentType("application/json").body("{\"choice\":\"A\"}")
                .post("/review/items/next").then().statusCode(405).body("code", equalTo("method_not_allowed"))
                .header("Allow", allOf(containsString("GET"), not(containsString("POST"))));
        Caller.session("admin").request().accept("text/html").get("/admin/models/train").then().statusCode(405)
                .contentType(containsString("text/html")).body(containsString("use POST"));
    }

    @Test
    void aRefusedMethodNamesWhatOptionsNames() {
        Caller admin = Caller.apiKey(keys, "admin");
        for (String path : List.of("/api/v1/models/train", "/api/v1/respond", "/api/v1/review/next", "/api/v1/tickets", "/v1/chat/completions")) {
            String options = admin.request().options(path).then().statusCode(204).extract().header("Allow");
            String refused = admin.request().delete(path).then().statusCode(405).extract().header("Allow");
            assertEquals(options, refused, path);
        }
    }

    @Test
    void anIdThatIsNoNumberIsStillA400() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().get("/api/v1/models/abc").then().statusCode(400).body("code", equalTo("bad_parameter"));
        admin.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/abc").then().statusCode(400)
                .body("code", equalTo("bad_parameter"));
        admin.request().contentType("application/json").post("/api/v1/models/1/promote?expectedActive=abc").then().statusCode(400)
                .body("code", equalTo("bad_parameter"));
    }
}
