package dev.loopwise.serving;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A thumb's 201 names the feedback's address in Location, and GET reads it there: for every key of the account that sent
 * it and for admins; to any other account it is not found, as one that is not there, so a client cannot read what another
 * client's customers said. Sending it again replaces the verdict: a 200 at the same address, no new resource.
 */
@QuarkusTest
class FeedbackLocationTest {
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;

    @Test
    void aThumbNamesItsAddressWhichItsSenderAndAdminsRead() {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body("{\"text\":\"please cancel my order FH-555124\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("requestId");
        Response created = client.request().contentType("application/json")
                .body("{\"requestId\":\"" + requestId + "\",\"rating\":\"up\"}").post("/api/v1/feedback");
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("feedbackId");
        String location = created.header("Location");
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/feedback/" + id, location);
        String path = URI.create(location).getPath();
        client.request().get(path).then().statusCode(200).body("feedbackId", equalTo((int) id)).body("requestId", equalTo(requestId))
                .body("rating", equalTo("up")).body("comment", nullValue()).body("caller", equalTo(client.username))
                .body("sentAt", notNullValue());

        // Sent again, the verdict changes at the same address: nothing new was made.
        Response again = client.request().contentType("application/json")
                .body("{\"requestId\":\"" + requestId + "\",\"rating\":\"down\",\"comment\":\"Wrong order\"}").post("/api/v1/feedback");
        again.then().statusCode(200).body("feedbackId", equalTo((int) id));
        assertEquals(location, again.header("Location"));
        client.request().get(path).then().statusCode(200).body("rating", equalTo("down")).body("comment", equalTo("Wrong order"));

        // The thumb is the account's: another key of it reads it, and sending with that key changes the same one.
        Caller sameAccount = Caller.apiKey(keys, client.username);
        sameAccount.request().get(path).then().statusCode(200).body("feedbackId", equalTo((int) id))
                .body("caller", equalTo(client.username)).body("rating", equalTo("down"));
        sameAccount.request().contentType("application/json").body("{\"requestId\":\"" + requestId + "\",\"rating\":\"up\"}")
                .post("/api/v1/feedback").then().statusCode(200).body("feedbackId", equalTo((int) id));

        Caller.apiKey(keys, "admin").request().get(path).then().statusCode(200).body("caller", equalTo(client.username));
        // Another account's thumb answers as one that is not there, word for word but the id.
        Caller stranger = Caller.service(users, keys);
        long missing = Long.MAX_VALUE;
        Response foreign = stranger.request().accept("application/json").get(path);
        Response absent = stranger.request().accept("application/json").get("/api/v1/feedback/" + missing);
        foreign.then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(absent.statusCode(), foreign.statusCode());
        assertEquals(absent.jsonPath().getString("code"), foreign.jsonPath().getString("code"));
        assertEquals(absent.jsonPath().getString("error").replace(String.valueOf(missing), String.valueOf(id)),
                foreign.jsonPath().getString("error"));
        Caller.apiKey(keys, "reviewer1").request().get(path).then().statusCode(404).body("code", equalTo("not_found"));
        Caller.anonymous().request().get(path).then().statusCode(401);
        client.request().get("/api/v1/feedback/" + Long.MAX_VALUE).then().statusCode(404).body("code", equalTo("not_found"));
        client.request().get("/api/v1/feedback/abc").then().statusCode(400);
    }
}
