package dev.loopwise.security.account;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 201 names what it created in Location (RFC 9110, 15.3.2): without it the new account or key would be taken for the
 * collection it was posted to. The address given is the one the API changes or revokes it at.
 */
@QuarkusTest
class CreatedLocationTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aNewAccountNamesItsAddressAndThatAddressChangesIt() {
        Caller admin = Caller.apiKey(keys, "admin");
        String name = "located" + System.nanoTime() % 1_000_000_000L;
        Response created = admin.request().contentType("application/json")
                .body(Map.of("username", name, "password", "Xk29fjq!Pz81", "roles", new String[] {"reviewer"}))
                .post("/api/v1/users");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertNotNull(location, "a 201 without Location");
        assertTrue(location.endsWith("/api/v1/users/" + id), location);
        admin.request().contentType("application/json").body(Map.of("displayName", "Located")).patch(URI.create(location).getPath())
                .then().statusCode(200).body("username", equalTo(name)).body("displayName", equalTo("Located"));
    }

    @Test
    void aNewKeyNamesItsAddressAndThatAddressRevokesIt() {
        Caller admin = Caller.apiKey(keys, "admin");
        Response created = admin.request().contentType("application/json")
                .body(Map.of("name", "located " + System.nanoTime())).post("/api/v1/keys");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/keys/" + created.jsonPath().getLong("id")));
        String secret = created.jsonPath().getString("key");
        Caller.anonymous().request().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        admin.request().delete(URI.create(created.header("Location")).getPath()).then().statusCode(204);
        Caller.anonymous().request().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
    }
}
