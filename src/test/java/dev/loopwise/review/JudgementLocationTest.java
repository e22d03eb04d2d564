package dev.loopwise.review;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A judgement's 201 names its address in Location, and GET reads it there as the reviewer gave it: for that reviewer and
 * for admins; to another reviewer it is not found, as one that is not there, and so is one taken back.
 */
@QuarkusTest
class JudgementLocationTest extends ReviewerTest {
    @Test
    void aJudgementNamesItsAddressWhichItsReviewerAndAdminsRead() {
        List<Long> items = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR);
        Caller reviewer = reviewer();
        long itemId = ((Number) reviewer.request().get("/api/v1/review/next").then().statusCode(200).extract().path("itemId")).longValue();
        assertEquals(items.get(0), itemId);
        String body = "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":2},\"durationMs\":1234}";
        Response created = reviewer.request().contentType("application/json").body(body).post("/api/v1/review/" + itemId);
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("judgementId");
        String location = created.header("Location");
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/review/judgements/" + id, location);
        String path = URI.create(location).getPath();
        // A and B as this reviewer saw them, whichever way the item's replies were swapped for them.
        reviewer.request().get(path).then().statusCode(200).body("judgementId", equalTo((int) id)).body("itemId", equalTo((int) itemId))
                .body("choice", equalTo("A")).body("ratings.A", equalTo(5)).body("ratings.B", equalTo(2))
                .body("rewrite", nullValue()).body("reason", nullValue()).body("judgedAt", notNullValue());

        // A retried request stores nothing new and names the same judgement.
        Response again = reviewer.request().contentType("application/json").body(body).post("/api/v1/review/" + itemId);
        again.then().statusCode(200).body("duplicate", equalTo(true)).body("judgementId", equalTo((int) id));
        assertEquals(location, again.header("Location"));

        Caller.apiKey(keys, "admin").request().get(path).then().statusCode(200).body("judgementId", equalTo((int) id));
        // Another reviewer's judgement answers as one that is not there, word for word but the id.
        Caller other = reviewer();
        long missing = Long.MAX_VALUE;
        Response foreign = other.request().accept("application/json").get(path);
        Response absent = other.request().accept("application/json").get("/api/v1/review/judgements/" + missing);
        foreign.then().statusCode(404).body("code", equalTo("not_found"));
        assertEquals(absent.statusCode(), foreign.statusCode());
        assertEquals(absent.jsonPath().getString("error").replace(String.valueOf(missing), String.valueOf(id)),
                foreign.jsonPath().getString("error"));
        Caller.service(users, keys).request().get(path).then().statusCode(403);
        Caller.anonymous().request().get(path).then().statusCode(401);
        reviewer.request().get("/api/v1/review/judgements/abc").then().statusCode(400);

        // Taken back, it is gone from its address.
        reviewer.request().contentType("application/json").post("/api/v1/review/" + itemId + "/undo").then().statusCode(204);
        reviewer.request().get(path).then().statusCode(404).body("code", equalTo("not_found"));
    }
}
