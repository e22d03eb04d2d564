package dev.loopwise.serving;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.ServingMessages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each thumb refused says what to send instead, and leaves no feedback behind for the request it named. */
@QuarkusTest
class FeedbackRefusalsTest {
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EntityManager em;
    @Inject
    ServingConfig config;

    @Test
    void eachRefusalSaysWhatToFixAndSavesNothing() {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body("{\"text\":\"please cancel my order FH-555125\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("requestId");
        String bell = "Thanks\u0007";
        String unknown = UUID.randomUUID().toString();

        refused(client, "{\"rating\":\"up\"}", 400, "validation_failed", ServingMessages.FEEDBACK_FIELDS_NEEDED);
        refused(client, "{\"requestId\":\"" + requestId + "\",\"rating\":\"sideways\"}", 400, "validation_failed",
                ServingMessages.RATING_UP_OR_DOWN);
        refused(client, "{\"requestId\":\"" + requestId + "\",\"rating\":\"up\",\"comment\":\"" + "a".repeat(FeedbackResource.MAX_COMMENT + 1)
                + "\"}", 400, "validation_failed", ServingMessages.commentTooLong(FeedbackResource.MAX_COMMENT));
        refused(client, "{\"requestId\":\"" + requestId + "\",\"rating\":\"up\",\"comment\":\"Thanks\\u0007\"}", 400, "invalid_comment",
                ServingMessages.controlCharacterInComment(PlainText.firstControlCharacter(bell)));
        refused(client, "{\"requestId\":\"1-1-1-1-1\",\"rating\":\"up\"}", 400, "validation_failed", ServingMessages.REQUEST_ID_FORMAT);
        refused(client, "{\"requestId\":\"" + unknown + "\",\"rating\":\"up\"}", 404, "not_found",
                ServingMessages.noServedRequest(UUID.fromString(unknown), config.retentionMonths()));
        assertEquals("No served request " + unknown + " in the request log (requests are kept LOOPWISE_SERVING_RETENTION_MONTHS months, 13"
                + " here): send the requestId exactly as Loopwise returned it (requestId of a /api/v1/respond answer, loopwise.requestId of a"
                + " /v1/chat/completions answer). Nothing was saved.",
                ServingMessages.noServedRequest(UUID.fromString(unknown), config.retentionMonths()), "an id of a dropped month is unknown too");

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from feedback where request_id = cast(?1 as uuid)").setParameter(1, requestId).getSingleResult()).longValue()),
                "no refused thumb was saved");
    }

    @Test
    void aReplyWhoseTextWasForgottenIsRefusedNamingTheSettingNotAsNoReply() {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body("{\"text\":\"please cancel my order FH-555126\"}")
                .post("/api/v1/respond").then().statusCode(200).extract().path("requestId");
        String served = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select reply_text from served_requests where id = cast(?1 as uuid)").setParameter(1, requestId).getSingleResult());
        assertNotNull(served, "the request served a reply before its text was forgotten");
        // As the text-retention job blanks a request, on this one row only.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update served_requests set text = '', reply_text = null where id = cast(?1 as uuid)").setParameter(1, requestId).executeUpdate());

        String error = ServingMessages.replyForgotten(UUID.fromString(requestId), config.textRetentionDays());
        refused(client, "{\"requestId\":\"" + requestId + "\",\"rating\":\"up\"}", 409, "reply_forgotten", error);
        assertTrue(error.contains("LOOPWISE_SERVING_TEXT_RETENTION_DAYS"), error);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from feedback where request_id = cast(?1 as uuid)").setParameter(1, requestId).getSingleResult()).longValue()),
                "no thumb was saved on a forgotten reply");
    }

    @Test
    void aClassificationWhoseTextWasForgottenIsStillRefusedAsNoReply() {
        ActiveModel.await();
        Caller client = Caller.service(users, keys);
        String requestId = client.request().contentType("application/json").body("{\"text\":\"where is my parcel FH-555127\"}")
                .post("/api/v1/classify").then().statusCode(200).extract().path("requestId");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update served_requests set text = '', reply_text = null where id = cast(?1 as uuid)").setParameter(1, requestId).executeUpdate());

        refused(client, "{\"requestId\":\"" + requestId + "\",\"rating\":\"up\"}", 409, "no_reply_served",
                ServingMessages.noReplyToRate(UUID.fromString(requestId)));
    }

    private static void refused(Caller client, String body, int status, String code, String error) {
        client.request().contentType("application/json").accept("application/json").body(body).post("/api/v1/feedback")
                .then().statusCode(status).body("code", equalTo(code)).body("error", equalTo(error));
    }
}
