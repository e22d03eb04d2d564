package dev.loopwise.security.user;

import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A display name sent blank is refused, as a blank username is; only one left out shows the username. */
@QuarkusTest
class BlankDisplayNameTest {
    @Inject
    ApiKeyService keys;

    @Test
    void aBlankDisplayNameIsRefusedOnCreateAndChangeWhileOneLeftOutIsTheUsername() {
        Caller admin = Caller.apiKey(keys, "admin");
        String username = "blank" + UUID.randomUUID().toString().substring(0, 8);
        String create = "{\"username\":\"" + username + "\",\"password\":\"long-enough-pw\",\"roles\":\"reviewer\"%s}";
        for (String blank : new String[] {"", "   "}) {
            admin.request().contentType("application/json").body(create.formatted(",\"displayName\":\"" + blank + "\""))
                    .post("/api/v1/users").then().statusCode(400).body("code", equalTo("invalid_display_name"))
                    .body("error", equalTo(AccountMessages.DISPLAY_NAME_BLANK));
        }
        long id = ((Number) admin.request().contentType("application/json").body(create.formatted("")).post("/api/v1/users")
                .then().statusCode(201).body("displayName", equalTo(username)).extract().path("id")).longValue();
        ScratchAccounts.userNamed(username);
        admin.request().contentType("application/json").body("{\"displayName\":\"Sam Blank\"}").patch("/api/v1/users/" + id)
                .then().statusCode(200).body("displayName", equalTo("Sam Blank"));
        admin.request().contentType("application/json").body("{\"displayName\":\" \"}").patch("/api/v1/users/" + id)
                .then().statusCode(400).body("code", equalTo("invalid_display_name")).body("error", equalTo(AccountMessages.DISPLAY_NAME_BLANK));
        admin.request().get("/api/v1/users/" + id).then().statusCode(200).body("displayName", equalTo("Sam Blank"));
    }
}
