package dev.loopwise.security.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 201 names what it created in Location (RFC 9110, 15.3.2): without it the new account or key would be taken for the
 * collection it was posted to. The address given can be read with GET, and is the one the API changes or revokes it at.
 */
@QuarkusTest
class CreatedLocationTest {
    @Inject
    ApiKeyService keys;

    /** The whole address a client would follow: scheme, host and port of the request, not only the path. */
    private static String absolute(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    @Test
    void aNewAccountNamesItsAddressWhichReadsAndChangesIt() {
        Caller admin = Caller.apiKey(keys, "admin");
        String name = "located" + System.nanoTime() % 1_000_000_000L;
        Response created = admin.request().contentType("application/json")
                .body(Map.of("username", name, "password", "Xk29fjq!Pz81", "roles", new String[] {"reviewer"}))
                .post("/api/v1/users");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertEquals(absolute("/api/v1/users/" + id), location);
        admin.request().get(URI.create(location).getPath()).then().statusCode(200).body("id", equalTo((int) id))
                .body("username", equalTo(name)).body("roles[0]", equalTo("reviewer")).body("disabledAt", nullValue());
        admin.request().contentType("application/json").body(Map.of("displayName", "Located")).patch(URI.create(location).getPath())
                .then().statusCode(200).body("username", equalTo(name)).body("displayName", equalTo("Located"));
        admin.request().get(URI.create(location).getPath()).then().statusCode(200).body("displayName", equalTo("Located"));
    }

    @Test
    void anAccountIsReadByAnAdminOnly() {
        Caller admin = Caller.apiKey(keys, "admin");
        long own = admin.request().get("/api/v1/me").jsonPath().getLong("id");
        Caller reviewer = Caller.apiKey(keys, "reviewer1");
        reviewer.request().get("/api/v1/users/" + own).then().statusCode(403);
        Caller.anonymous().request().get("/api/v1/users/" + own).then().statusCode(401);
        admin.request().get("/api/v1/users/" + Long.MAX_VALUE).then().statusCode(404).body("code", equalTo("not_found"));
        admin.request().get("/api/v1/users/abc").then().statusCode(400);
    }

    @Test
    void aNewKeyNamesItsAddressWhichReadsAndRevokesIt() {
        Caller admin = Caller.apiKey(keys, "admin");
        String name = "located " + System.nanoTime();
        Response created = admin.request().contentType("application/json").body(Map.of("name", name)).post("/api/v1/keys");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertEquals(absolute("/api/v1/keys/" + id), location);
        String secret = created.jsonPath().getString("key");
        Response read = admin.request().get(URI.create(location).getPath());
        read.then().statusCode(200).body("id", equalTo((int) id)).body("name", equalTo(name))
                .body("prefix", equalTo(created.jsonPath().getString("prefix"))).body("username", equalTo("admin"))
                .body("revokedAt", nullValue()).body("key", nullValue());
        assertFalse(read.asString().contains(secret), "the secret is shown only when the key is created");
        Caller.anonymous().request().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        admin.request().delete(URI.create(location).getPath()).then().statusCode(204);
        Caller.anonymous().request().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
        admin.request().get(URI.create(location).getPath()).then().statusCode(200).body("revokedAt", notNullValue());
    }

    @Test
    void anotherAccountsKeyIsNotFoundExceptByAnAdmin() {
        Caller reviewer = Caller.apiKey(keys, "reviewer1");
        Caller other = Caller.apiKey(keys, "reviewer2");
        long own = reviewer.request().contentType("application/json").body(Map.of("name", "own " + System.nanoTime()))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getLong("id");
        reviewer.request().get("/api/v1/keys/" + own).then().statusCode(200).body("username", equalTo("reviewer1"));
        other.request().get("/api/v1/keys/" + own).then().statusCode(404).body("code", equalTo("not_found"));
        Caller.anonymous().request().get("/api/v1/keys/" + own).then().statusCode(401);
        Caller.apiKey(keys, "admin").request().get("/api/v1/keys/" + own).then().statusCode(200).body("username", equalTo("reviewer1"));
        reviewer.request().get("/api/v1/keys/" + Long.MAX_VALUE).then().statusCode(404).body("code", equalTo("not_found"));
        reviewer.request().delete("/api/v1/keys/" + own).then().statusCode(204);
    }
}
