package dev.loopwise.serving;

import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.common.ServingMessages;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A ticket sent as null is told the text must be a string; one left out is told it is missing; no body, that there is none. */
@QuarkusTest
class RespondInputTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aNullTextIsNotCalledMissing() {
        Caller service = Caller.service(users, keys);
        for (String path : new String[] {"/api/v1/respond", "/api/v1/classify"}) {
            service.request().contentType("application/json").body("{\"text\": null}").post(path).then().statusCode(400)
                    .body("code", equalTo("validation_failed"))
                    .body("error", equalTo("'text' is null: it must be a string, the text in double quotes, such as"
                            + " {\"text\": \"Where is my parcel?\"}."));
            service.request().contentType("application/json").body("{}").post(path).then().statusCode(400)
                    .body("error", equalTo("Send the ticket as {\"text\": \"...\"}: the text field is missing."));
            // No body at all, or a bare null, is not a body without its text field.
            for (String body : new String[] {"", "null"}) {
                service.request().contentType("application/json").body(body).post(path).then().statusCode(400)
                        .body("code", equalTo("validation_failed")).body("error", equalTo(dev.loopwise.common.ServingMessages.TICKET_BODY_REQUIRED));
            }
        }
    }
}
