package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.review.item.ReviewView;
import dev.loopwise.review.queue.ReviewItemGenerator;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A draft item carries the knowledge passages its drafts were grounded on, from the request log row as the pipeline
 * writes it (GroundedDraftsTest checks that it does), to the review API — masked like the rest, without the search
 * score — and an item without drafts carries none.
 */
@QuarkusTest
class DraftPassagesApiTest {
    static final String TRACKING = "Every order gets a tracking link by email as soon as it leaves our warehouse. "
            + "Questions? Write to parcels@fernhill.example.";
    static final String RETURNS = "Returns are free within 30 days; the label is in the box.";

    @Inject
    ReviewItemGenerator generator;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;

    String ticket;

    @AfterEach
    void tearDown() {
        // Neither the request nor its item may reach the queues other tests set up.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update review_items set status = 'complete' where ticket_text = ?1").setParameter(1, ticket).executeUpdate();
            em.createNativeQuery("delete from served_requests where text = ?1").setParameter(1, ticket).executeUpdate();
        });
    }

    @Test
    void theReviewApiShowsThePassagesADraftWasGroundedOnAndNoneForALibraryPair() {
        int version = ActiveModel.await();
        Reply library = QuarkusTransaction.requiringNew().call(() -> Reply.listActive().get(0));
        ticket = "Where is my parcel, no tracking mail yet " + UUID.randomUUID();
        UUID request = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into served_requests (id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, reply_text,
                    model_version, latency_ms, caller, answer_source, llm_status, candidates, sources)
                values (?1, 'respond', ?2, md5(?2), 'track_order', 0.9, false, null, 'Your parcel is on its way.', ?3, 12, 'test',
                    'llm', 'ok: 1 draft', cast(?4 as jsonb), cast(?5 as jsonb))""").setParameter(1, request).setParameter(2, ticket)
                .setParameter(3, version).setParameter(4, """
                        [{"kind":"draft","replyId":null,"text":"Your parcel is on its way.","score":1.4,"chosen":true,"likeLibrary":0.8,"servable":true},
                         {"kind":"library","replyId":%d,"text":"Library reply","score":0.6,"chosen":false,"likeLibrary":null,"servable":true}]"""
                        .formatted(library.id))
                .setParameter(5, """
                        [{"source":"Tracking your order (https://help.fernhill.example/tracking)","text":"%s","score":0.71},
                         {"source":"Returns","text":"%s","score":0.52}]""".formatted(TRACKING, RETURNS)).executeUpdate());

        generator.refill(QuarkusTransaction.requiringNew().call(ReviewItem::countOpen).intValue() + 6);
        ReviewItem item = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>find("sourceId", request.toString()).singleResult());
        assertEquals(List.of(new ReviewView.Passage("Tracking your order (https://help.fernhill.example/tracking)", TRACKING),
                new ReviewView.Passage("Returns", RETURNS)), item.sources, "copied from the request, best first, without scores");

        // Only this item and a plain library pair wait, in this order.
        long plain = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update review_items set status = 'open' where id = ?1")
                .setParameter(1, item.id).executeUpdate());
        Caller reviewer = Caller.reviewer(users, keys);

        JsonPath next = reviewer.request().get("/api/v1/review/next").then().statusCode(200).extract().jsonPath();
        assertEquals(item.id.longValue(), next.getLong("itemId"));
        List<Map<String, Object>> sources = next.getList("sources");
        assertEquals(2, sources.size(), next.prettify());
        assertEquals(Map.of("source", "Tracking your order (https://help.fernhill.example/tracking)",
                "text", TRACKING.replace("parcels@fernhill.example", "[EMAIL]")), sources.get(0), "masked like the replies");
        assertEquals(Map.of("source", "Returns", "text", RETURNS), sources.get(1));
        reviewer.request().contentType("application/json").body("{\"choice\":\"A\"}").post("/api/v1/review/" + item.id)
                .then().statusCode(201);

        JsonPath libraryPair = reviewer.request().get("/api/v1/review/next").then().statusCode(200).extract().jsonPath();
        assertEquals(plain, libraryPair.getLong("itemId"));
        assertFalse(libraryPair.getMap("$").containsKey("sources"), "no passages for a pair without drafts: " + libraryPair.prettify());
        assertNull(QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(plain).sources));
    }
}
