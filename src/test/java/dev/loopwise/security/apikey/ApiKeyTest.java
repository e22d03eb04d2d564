package dev.loopwise.security.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: shown once, stored hashed, carry their user's roles, stop working when revoked. */
@QuarkusTest
class ApiKeyTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aKeyIsShownOnceStoredHashedAndActsWithItsUsersRoles() {
        Caller admin = Caller.apiKey(keys, "admin");
        Response created = admin.request().contentType("application/json").body("{\"name\":\"helpdesk\"}")
                .post("/api/v1/keys");
        created.then().statusCode(201).body("key", startsWith("lw_")).body("username", equalTo("admin"));
        String secret = created.path("key");
        long id = ScratchAccounts.keyWithId(((Number) created.path("id")).longValue());

        String stored = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(id).hash);
        assertEquals(Hashing.sha256Hex(secret), stored);
        assertNotEquals(secret, stored);

        given().header("Authorization", "Bearer " + secret).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo("admin")).body("roles", hasItem("admin"));
        admin.request().get("/api/v1/keys")
                .then().statusCode(200).body("findAll { it.id == " + id + " }.prefix", everyItem(startsWith("lw_")))
                .body("key", everyItem(equalTo(null)));
    }

    @Test
    void aRevokedKeyIsRefusedWithAClearMessage() {
        String secret = ScratchAccounts.key(keys.create("reviewer1", "short-lived")).secret();
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        long id = given().header("Authorization", "Bearer " + secret).get("/api/v1/keys")
                .then().extract().jsonPath().getLong("find { it.name == 'short-lived' }.id");

        given().header("Authorization", "Bearer " + secret).delete("/api/v1/keys/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("unauthenticated"))
                .body("error", startsWith("The API key is not valid"));
    }

    @Test
    void aReviewerCannotSeeOrRevokeSomeoneElsesKeys() {
        Caller reviewer = Caller.apiKey(keys, "reviewer2");
        long adminKeyId = ScratchAccounts.key(keys.create("admin", "admin's")).key().id;
        reviewer.request().delete("/api/v1/keys/" + adminKeyId).then().statusCode(404);
        reviewer.request().get("/api/v1/keys?username=admin").then().statusCode(403);
        reviewer.request().contentType("application/json").body("{\"username\":\"admin\"}").post("/api/v1/keys")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", "Bearer " + ScratchAccounts.key(keys.create("admin", "check")).secret()).get("/api/v1/me")
                .then().statusCode(200);
    }

    @Test
    void aNameAKeyInUseHasIsRefusedOnTheApiAndThePageAndAKeyWithoutANameIsNumbered() {
        Caller helpdesk = Caller.service(users, keys);
        Caller admin = Caller.apiKey(keys, "admin");
        String body = "{\"name\":\"%s\",\"username\":\"" + helpdesk.username + "\"}";
        long first = ((Number) admin.request().contentType("application/json").body(body.formatted("Zendesk")).post("/api/v1/keys")
                .then().statusCode(201).extract().path("id")).longValue();
        admin.request().contentType("application/json").body(body.formatted(" zendesk ")).post("/api/v1/keys").then().statusCode(409)
                .body("code", equalTo("key_name_taken"))
                .body("error", equalTo(AccountMessages.keyNameTaken(helpdesk.username, "zendesk")));
        long userId = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(helpdesk.username).orElseThrow().id);
        Caller page = Caller.session("admin");
        String refused = page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("name", "ZENDESK")
                .post("/admin/users/" + userId + "/keys").then().statusCode(409).extract().asString();
        assertTrue(refused.contains("already has an API key named &#39;ZENDESK&#39; in use"), refused);
        assertTrue(refused.contains("value=\"ZENDESK\"") && refused.contains("<details open>"),
                "the account's fold opens again with the refused name in its field: " + refused);
        assertEquals(1, refused.split("<details open>", -1).length - 1, "only that account's fold opens");

        // The same on one's own Account page.
        String own = "own key " + UUID.randomUUID();
        long ownId = ScratchAccounts.keyWithId(((Number) admin.request().contentType("application/json").body("{\"name\":\"" + own + "\"}")
                .post("/api/v1/keys").then().statusCode(201).extract().path("id")).longValue());
        try {
            String again = page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("name", own)
                    .post("/account/keys").then().statusCode(409).extract().asString();
            assertTrue(again.contains("value=\"" + own + "\""), "the refused name stays in its field: " + again);
        } finally {
            admin.request().delete("/api/v1/keys/" + ownId).then().statusCode(204);
        }
        assertEquals(List.of("Zendesk"), activeNames(helpdesk.username, "zendesk"), "no second key was made");

        admin.request().delete("/api/v1/keys/" + first).then().statusCode(204);
        admin.request().contentType("application/json").body(body.formatted("Zendesk")).post("/api/v1/keys").then().statusCode(201);
        // An empty field is a name left out; spaces typed there, or a blank name sent to the API, are a slip and refused.
        for (int i = 0; i < 2; i++) {
            page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("name", "")
                    .post("/admin/users/" + userId + "/keys").then().statusCode(303);
        }
        page.pageRequest().accept("text/html").formParam("csrf-token", page.csrfToken()).formParam("name", "   ")
                .post("/admin/users/" + userId + "/keys").then().statusCode(400);
        for (String blank : new String[] {"", "   "}) {
            admin.request().contentType("application/json").body(body.formatted(blank)).post("/api/v1/keys").then().statusCode(400)
                    .body("code", equalTo("validation_failed")).body("error", equalTo(AccountMessages.KEY_NAME_BLANK));
        }
        assertEquals(List.of(helpdesk.username + " key", helpdesk.username + " key 2"),
                activeNames(helpdesk.username, helpdesk.username + " key"));
    }

    private static List<String> activeNames(String username, String startingWith) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>list("user.username = ?1 and revokedAt is null order by id",
                username).stream().map(k -> k.name).filter(n -> n.toLowerCase().startsWith(startingWith.toLowerCase())).toList());
    }

    @Test
    void anAdminCanIssueAKeyForAnotherUser() {
        Caller admin = Caller.apiKey(keys, "admin");
        String secret = admin.request().contentType("application/json")
                .body("{\"name\":\"for reviewer3\",\"username\":\"reviewer3\"}").post("/api/v1/keys")
                .then().statusCode(201).extract().path("key");
        ScratchAccounts.keyNamed("for reviewer3");
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo("reviewer3")).body("roles", not(hasItem("admin")));
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        given().header("Authorization", "Bearer lw_made-up").get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/me").then().statusCode(401);
    }

    /** A name that names nobody is quoted back with its direction mark as a code, so the sentence reads as written. */
    @Test
    void anUnknownUsernameIsQuotedWithItsMarksAsCodes() {
        Caller admin = Caller.apiKey(keys, "admin");
        admin.request().queryParam("username", "\u200Fnimda").get("/api/v1/keys").then().statusCode(400)
                .body("code", equalTo("unknown_user")).body("error", equalTo("No user named 'U+200Fnimda'."));
        admin.request().contentType("application/json").body("{\"username\":\"\u200Fnimda\"}").post("/api/v1/keys").then()
                .statusCode(400).body("error", equalTo("No user named 'U+200Fnimda'."));
        // An override never reaches the lookup: it is refused wherever text is sent.
        admin.request().queryParam("username", "\u202Enimda").get("/api/v1/keys").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
    }
}
