package dev.loopwise.serving;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat request holding more messages, or more text in all, than the settings allow is refused naming the limit and the
 * setting, before anything is answered or logged; one at the limit is answered.
 */
@QuarkusTest
class ChatLimitsTest {
    private static final String TURN = "{\"role\":\"assistant\",\"content\":\"Noted.\"},";
    private static final String TICKET = "{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET + "\"}";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    Caller helpdesk;

    @BeforeEach
    void setUp() {
        ActiveModel.await();
        helpdesk = Caller.service(users, keys);
    }

    @Test
    void moreMessagesThanTheSettingAllowsAreRefusedNamingIt() {
        long served = served();
        send("{\"messages\":[" + TURN.repeat(1000) + TICKET + "]}").statusCode(400)
                .body("error.code", equalTo("too_many_messages")).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", allOf(containsString("1,001 messages"), containsString("at most 1,000"),
                        containsString("LOOPWISE_SERVING_MAX_CHAT_MESSAGES")));
        // The 200,000 messages a looping client once sent: refused the same way, not answered.
        send("{\"messages\":[" + TURN.repeat(200_000) + TICKET + "]}").statusCode(400).body("error.code", equalTo("too_many_messages"));
        assertEquals(served, served(), "a refused request is neither answered nor logged");
        send("{\"messages\":[" + TURN.repeat(999) + TICKET + "]}").statusCode(200);
        assertEquals(served + 1, served());
    }

    @Test
    void moreTextAcrossTheMessagesThanTheSettingAllowsIsRefusedNamingIt() {
        long served = served();
        int ticket = ChatCompletionsTest.TICKET.length();
        send("{\"messages\":[{\"role\":\"system\",\"content\":\"" + "x".repeat(200_001 - ticket) + "\"}," + TICKET + "]}").statusCode(400)
                .body("error.code", equalTo("messages_too_long"))
                .body("error.message", allOf(containsString("200,001 characters"), containsString("at most 200,000"),
                        containsString("LOOPWISE_SERVING_MAX_CHAT_CHARACTERS")));
        // Text in a list of parts counts as text given as a string.
        send("{\"messages\":[{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"" + "x".repeat(200_001 - ticket)
                + "\"}]}," + TICKET + "]}").statusCode(400).body("error.code", equalTo("messages_too_long"));
        assertEquals(served, served(), "a refused request is neither answered nor logged");
        // At the limit it is answered. Characters are counted as a person counts them: an emoji is one, though Java holds two.
        send("{\"messages\":[{\"role\":\"system\",\"content\":\"" + "\uD83D\uDE00".repeat(200_000 - ticket) + "\"}," + TICKET + "]}")
                .statusCode(200);
        assertEquals(served + 1, served());
    }

    private ValidatableResponse send(String body) {
        return helpdesk.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/chat/completions").then();
    }

    private long served() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from served_requests where caller = ?1").setParameter(1, helpdesk.username).getSingleResult()).longValue());
    }
}
