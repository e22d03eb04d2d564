package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ConversionMessages;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A value in the address that is no number its parameter takes is refused naming that parameter — the path's version or
 * item, the query's expectedActive — since quoting "abc" alone left the client to find where it had written it; and a
 * refused switch of the active version switches nothing. The operations endpoints' refusal names the role they need,
 * as every endpoint's does.
 */
@QuarkusTest
class NamedAddressValuesTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aQueryParameterThatIsNoNumberIsNamedAndNothingSwitches() {
        int active = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().contentType("application/json").post("/api/v1/models/" + active + "/promote?expectedActive=abc").then().statusCode(400)
                .body("code", equalTo("bad_parameter"))
                .body("error", equalTo("The query parameter 'expectedActive' must be a whole number, written with the digits 0 to 9,"
                        + " not 'abc'."));
        admin.request().contentType("application/json").post("/api/v1/models/" + active + "/rollback?expectedActive=1.5").then().statusCode(400)
                .body("error", containsString("The query parameter 'expectedActive' must be a whole number"));
        admin.request().contentType("application/json").post("/api/v1/models/" + active + "/promote?expectedActive=99999999999").then().statusCode(400)
                .body("error", equalTo("The query parameter 'expectedActive' is too large ('99999999999'): it is at most 2,147,483,647."));
        admin.request().contentType("application/json").post("/api/v1/models/" + active + "/promote?expectedActive=-1").then().statusCode(400)
                .body("error", equalTo("The query parameter 'expectedActive': " + HttpMessages.notPlainNumber("-1")));
        assertEquals(active, ActiveModel.await(), "a refused switch leaves the active version serving");
    }

    @Test
    void aValueIsJudgedWholeAndQuotedAsSentShortened() {
        int active = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        String forty = "1".repeat(40);
        // cut to its start and the stretch around the letter that makes it no number
        String shown = "1".repeat(20) + "…" + "1".repeat(9) + "x";
        admin.request().contentType("application/json").queryParam("expectedActive", forty + "1x").post("/api/v1/models/" + active + "/promote")
                .then().statusCode(400).body("error", equalTo("The query parameter 'expectedActive' must be a whole number, written with"
                        + " the digits 0 to 9, not '" + shown + "'."));
        admin.request().contentType("application/json").queryParam("expectedActive", "5\"").post("/api/v1/models/" + active + "/promote")
                .then().statusCode(400).body("error", equalTo("The query parameter 'expectedActive' must be a whole number, written with"
                        + " the digits 0 to 9, not '5\\\"'."));
        assertEquals(active, ActiveModel.await(), "a refused switch leaves the active version serving");
        Caller page = Caller.session("admin");
        String refused = page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("version", forty + "1x")
                .post("/admin/review/compare").then().statusCode(400).extract().asString();
        assertTrue(refused.contains(ConversionMessages.notANumber(shown).replace("'", "&#39;")), refused);
    }

    @Test
    void anIdInThePathThatIsNoNumberIsNamed() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().get("/api/v1/models/abc").then().statusCode(400).body("code", equalTo("bad_parameter"))
                .body("error", equalTo("The version in the path must be a whole number, written with the digits 0 to 9, not 'abc'."));
        admin.request().get("/api/v1/rounds/99999999999999999999").then().statusCode(400)
                .body("error", equalTo("The id in the path is too large ('99999999999999999999'): it is at most 9,223,372,036,854,775,807."));
        admin.request().contentType("application/json").body("{\"displayName\":\"x\"}").patch("/api/v1/users/1.5").then()
                .statusCode(400).body("error", containsString("The id in the path must be a whole number"));
        Caller.reviewer(users, keys).request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/x1")
                .then().statusCode(400).body("code", equalTo("bad_parameter"))
                .body("error", containsString("The itemId in the path must be a whole number, written with the digits 0 to 9, not 'x1'."));
    }

    @Test
    void metricsAndTheApiDocumentRefuseOtherRolesNamingTheOneTheyNeed() {
        String needsAdmin = "it needs the role admin";
        Caller.reviewer(users, keys).request().get("/q/metrics").then().statusCode(403)
                .body("code", equalTo("forbidden")).body("error", containsString(needsAdmin));
        Caller service = Caller.service(users, keys);
        service.request().accept("application/json").get("/q/openapi").then().statusCode(403)
                .body("code", equalTo("forbidden")).body("error", containsString(needsAdmin));
        service.request().get("/q/metrics").then().statusCode(403).body("error", containsString(needsAdmin));
        Caller.anonymous().request().get("/q/metrics").then().statusCode(401).body("code", not(equalTo("forbidden")));
        Caller.apiKey(keys, "admin").request().accept("application/json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aNumberPastItsLimitInAnUnnamedParameterStillNamesTheLimit() {
        // @RestQuery alone leaves the name to the Java parameter's, which the refusal cannot read; the limit it can.
        Caller.session("admin").pageRequest().accept("text/html").get("/admin/drift?replayed=99999999999").then().statusCode(400)
                .body(containsString("A value in the address is too large")).body(containsString("99999999999"))
                .body(containsString("it is at most 2,147,483,647. Check the query parameters and the ids in the path."));
    }
}
