package dev.loopwise.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A caller without the address's role learns that, and nothing else: not the methods it takes (405, OPTIONS), the
 * answers it gives (406), the bodies it reads (415) or how large they may be (413). A caller with the role still gets
 * those answers, which tell them what to fix.
 */
@QuarkusTest
class RolesFirstTest {
    private static final String ADMIN_ONLY = "Your role does not allow this action: it needs the role admin. An admin can give it on the Users page.";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aKeyWithoutTheRoleGetsA403BeforeTheMethodOrTheTypesAreJudged() {
        Caller reviewer = Caller.apiKey(keys, "reviewer1");
        Caller admin = Caller.apiKey(keys, "admin");
        reviewer.request().delete("/api/v1/tickets").then().statusCode(403).header("Allow", nullValue())
                .body("code", equalTo("forbidden")).body("error", equalTo(ADMIN_ONLY));
        admin.request().delete("/api/v1/tickets").then().statusCode(405).header("Allow", containsString("GET"));
        reviewer.request().accept("application/xml").get("/api/v1/tickets").then().statusCode(403).body("error", equalTo(ADMIN_ONLY));
        admin.request().accept("application/xml").get("/api/v1/tickets").then().statusCode(406);
        reviewer.request().contentType("application/xml").body("<x/>").post("/api/v1/datasets/preferences").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        admin.request().contentType("application/xml").body("<x/>").post("/api/v1/datasets/preferences").then().statusCode(415);
        byte[] huge = ("{\"method\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        reviewer.request().contentType("application/json").body(huge).post("/api/v1/rounds").then().statusCode(403);
        // A method the address takes, asked by a caller with its role, is not held up here.
        reviewer.request().get("/api/v1/intents").then().statusCode(200);
    }

    @Test
    void aServiceKeyIsNotToldWhatAnAdminAddressTakesNorAReviewerWhatTheChatEndpointTakes() {
        Caller service = Caller.service(users, keys);
        service.request().put("/api/v1/rounds").then().statusCode(403).body("error", equalTo(ADMIN_ONLY));
        service.request().options("/api/v1/rounds").then().statusCode(403).header("Allow", nullValue());
        Caller.apiKey(keys, "admin").request().options("/api/v1/rounds").then().statusCode(204)
                .header("Allow", containsString("POST"));
        Caller reviewer = Caller.apiKey(keys, "reviewer1");
        // OpenAI's error shape, which its SDKs read.
        reviewer.request().contentType("text/plain").body("hi").post("/v1/chat/completions").then().statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.message", containsString("admin or service"));
        reviewer.request().get("/v1/chat/completions").then().statusCode(403).header("Allow", nullValue());
        service.request().get("/v1/chat/completions").then().statusCode(405);
    }

    @Test
    void onThePagesAReviewerGetsA403AndAStrangerIsSentToSignInBeforeA405() {
        Caller reviewer = Caller.session("reviewer1");
        reviewer.pageRequest().header("X-CSRF-TOKEN", reviewer.csrfToken()).accept("text/html").put("/admin/models").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("it needs the role admin"));
        Caller admin = Caller.session("admin");
        admin.pageRequest().header("X-CSRF-TOKEN", admin.csrfToken()).accept("text/html").put("/admin/models").then().statusCode(405);
        given().redirects().follow(false).header("Origin", Caller.origin()).accept("text/html").put("/admin/models").then()
                .statusCode(303).header("Location", containsString("/login"));
        given().redirects().follow(false).header("Origin", Caller.origin()).accept("application/json").put("/admin/models").then()
                .statusCode(401).body("code", equalTo("unauthenticated"));
        // A request the page takes still reaches it, which sends a stranger to sign in and back.
        given().redirects().follow(false).accept("text/html").get("/admin/models").then().statusCode(303)
                .header("Location", containsString("/login"));
    }
}
