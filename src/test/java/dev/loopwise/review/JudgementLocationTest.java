package dev.loopwise.review;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.queue.ReviewLeases;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A judgement's 201 names its address in Location, and GET reads it there as the reviewer gave it: for that reviewer and
 * for admins; to another reviewer it is not found, as one that is not there, and so is one taken back. The replies' order
 * is set for each item, as a lease would have drawn it, so both orders are read back every time.
 */
@QuarkusTest
class JudgementLocationTest extends ReviewerTest {
    @Inject
    ReviewLeases leases;

    @Test
    void aJudgementNamesItsAddressWhichItsReviewerAndAdminsRead() {
        List<Long> items = ReviewItems.fresh(em, 2, 1, ReviewItem.REGULAR);
        Caller reviewer = reviewer();
        long swappedItem = next(reviewer);
        assertEquals(items.get(0), swappedItem);
        long reviewerId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select reviewer_id from review_leases where item_id = ?1").setParameter(1, swappedItem).getSingleResult()).longValue());
        QuarkusTransaction.requiringNew().run(() -> leases.grant(swappedItem, reviewerId, true));
        String body = "{\"choice\":\"A\",\"ratings\":{\"A\":5,\"B\":2},\"durationMs\":1234}";
        Response created = reviewer.request().contentType("application/json").body(body).post("/api/v1/review/" + swappedItem);
        created.then().statusCode(201);
        long id = created.jsonPath().getLong("judgementId");
        String location = created.header("Location");
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/review/judgements/" + id, location);
        String path = URI.create(location).getPath();
        // A and B as this reviewer saw them: A was the item's second reply, and the stored row says so.
        reviewer.request().get(path).then().statusCode(200).body("judgementId", equalTo((int) id)).body("itemId", equalTo((int) swappedItem))
                .body("choice", equalTo("A")).body("ratings.A", equalTo(5)).body("ratings.B", equalTo(2))
                .body("rewrite", nullValue()).body("reason", nullValue()).body("judgedAt", notNullValue());
        assertStored(id, "2", "A", true, 2, 5);

        // A retried request stores nothing new and names the same judgement.
        Response again = reviewer.request().contentType("application/json").body(body).post("/api/v1/review/" + swappedItem);
        again.then().statusCode(200).body("duplicate", equalTo(true)).body("judgementId", equalTo((int) id));
        assertEquals(location, again.header("Location"));

        Caller.apiKey(keys, "admin").request().get(path).then().statusCode(200).body("judgementId", equalTo((int) id))
                .body("choice", equalTo("A"));
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

        // In the item's own order, B is the item's second reply too: the same stored choice, read back as another letter.
        long plainItem = next(reviewer);
        assertEquals(items.get(1), plainItem);
        QuarkusTransaction.requiringNew().run(() -> leases.grant(plainItem, reviewerId, false));
        Response plain = reviewer.request().contentType("application/json").body("{\"choice\":\"B\",\"ratings\":{\"A\":1,\"B\":4}}")
                .post("/api/v1/review/" + plainItem);
        plain.then().statusCode(201);
        long plainId = plain.jsonPath().getLong("judgementId");
        String plainPath = URI.create(plain.header("Location")).getPath();
        reviewer.request().get(plainPath).then().statusCode(200).body("choice", equalTo("B")).body("ratings.A", equalTo(1))
                .body("ratings.B", equalTo(4));
        assertStored(plainId, "2", "B", false, 1, 4);

        // Rows stored without the letter pressed (imported history) are read through the reviewer's order as well.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update judgements set shown_as = null where id in (?1, ?2)")
                .setParameter(1, id).setParameter(2, plainId).executeUpdate());
        reviewer.request().get(path).then().statusCode(200).body("choice", equalTo("A"));
        reviewer.request().get(plainPath).then().statusCode(200).body("choice", equalTo("B"));

        // Taken back, it is gone from its address.
        reviewer.request().contentType("application/json").post("/api/v1/review/" + plainItem + "/undo").then().statusCode(204);
        reviewer.request().get(plainPath).then().statusCode(404).body("code", equalTo("not_found"));
    }

    private static long next(Caller reviewer) {
        return ((Number) reviewer.request().get("/api/v1/review/next").then().statusCode(200).extract().path("itemId")).longValue();
    }

    private void assertStored(long id, String choice, String shownAs, boolean swapped, int rating1, int rating2) {
        Judgement stored = QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>findById(id));
        assertEquals(choice, stored.choice, "the item's own reply chosen");
        assertEquals(shownAs, stored.shownAs);
        assertEquals(swapped, stored.swapped);
        assertEquals(rating1, stored.rating1.intValue(), "stars of the item's first reply");
        assertEquals(rating2, stored.rating2.intValue(), "stars of the item's second reply");
        assertNull(stored.rewrite);
    }
}
