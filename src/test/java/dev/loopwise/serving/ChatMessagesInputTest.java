package dev.loopwise.serving;

import static org.hamcrest.Matchers.equalTo;

import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A chat request whose messages are malformed is told which message and what its content may be. */
@QuarkusTest
class ChatMessagesInputTest {
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void aMessageWithoutARoleOrWithContentOfTheWrongTypeIsNamedByItsPlace() {
        Caller service = Caller.service(users, keys);
        send(service, "{\"messages\": [{\"role\": \"system\", \"content\": \"Be kind.\"}, {\"content\": \"hi\"}]}").statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.message", equalTo("messages[1] needs a 'role' (system, developer, user, assistant or tool) and a 'content':"
                        + " each message is an object such as {\"role\": \"user\", \"content\": \"...\"}."));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": 5}]}").statusCode(400)
                .body("error.message", equalTo("messages[0].content must be the customer's text, a string, or a list of parts such as"
                        + " [{\"type\": \"text\", \"text\": \"...\"}]; it is a number."));
        send(service, "{\"messages\": [{\"role\": \"system\", \"content\": \"x\"}, {\"role\": \"user\"}]}").statusCode(400)
                .body("error.message", equalTo("messages[1].content must be the customer's text, a string, or a list of parts such as"
                        + " [{\"type\": \"text\", \"text\": \"...\"}]; it has none."));
    }

    @Test
    void theMessagesBeforeTheTicketAndASpeakersNameAreCheckedAsOpenAiChecksThem() {
        Caller service = Caller.service(users, keys);
        send(service, "{\"messages\": [{\"role\": \"system\", \"content\": 42}, {\"role\": \"user\", \"content\": \"hi\"}]}")
                .statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.message", equalTo("messages[0].content (a system message) must be a string or a list of parts such as"
                        + " [{\"type\": \"text\", \"text\": \"...\"}]; it is a number."));
        send(service, "{\"messages\": [{\"role\": \"assistant\", \"content\": [{\"text\": \"x\"}]}, {\"role\": \"user\", \"content\":"
                + " \"hi\"}]}").statusCode(400).body("error.code", equalTo("validation_failed"));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\", \"name\": 5}]}").statusCode(400)
                .body("error.message", equalTo("messages[0].name is the speaker's name, a string such as \"alex\": send it in quotes,"
                        + " or leave it out."));
        // What OpenAI takes still passes (an assistant turn that only called a tool has no content): the refusal is then 'n'.
        send(service, "{\"messages\": [{\"role\": \"assistant\", \"content\": null}, {\"role\": \"user\", \"content\":"
                + " \"Where is my parcel?\", \"name\": \"alex\"}], \"n\": 2}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.startsWith("'n' can only be 1"));
    }

    @Test
    void messagesNotAListAnImageAloneAndToolsAreRefusedSayingWhatToSend() {
        Caller service = Caller.service(users, keys);
        send(service, "{\"messages\": {\"role\": \"user\", \"content\": \"hi\"}}").statusCode(400)
                .body("error.message", equalTo("'messages' must be a list of {role, content} objects, such as"
                        + " [{\"role\": \"user\", \"content\": \"Where is my order?\"}]."));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"Where is my parcel?\"}, {\"role\": \"user\", \"content\":"
                + " [{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}]}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.startsWith("Loopwise needs text in the last user message: messages[1]"));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"\"}]}]}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.startsWith("Loopwise needs text in the last user message: messages[0] has no"
                        + " text in its parts"));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Where is my parcel?\"},"
                + " {\"type\": \"image_url\"}]}]}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.startsWith("messages[0] has a part of type image_url without its 'image_url'"));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"Where is my parcel?\"}], \"tools\": [{\"type\": \"function\","
                + " \"function\": {\"name\": \"track\"}}]}").statusCode(400)
                .body("error.message", org.hamcrest.Matchers.startsWith("'tools' cannot be used here: Loopwise does not call tools"));
        send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"Where is my parcel?\"}], \"parallel_tool_calls\": true}")
                .statusCode(400).body("error.message", org.hamcrest.Matchers.startsWith("'parallel_tool_calls' cannot be used here"));
    }

    @Test
    void aSeedPastALongsRangeIsRefusedRatherThanWrappedAround() {
        Caller service = Caller.service(users, keys);
        for (String seed : new String[] {"99999999999999999999", "1e30", "-9223372036854775809"}) {
            send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"Where is my parcel?\"}], \"seed\": " + seed + "}")
                    .statusCode(400).body("error.message", equalTo("'seed' is a whole number from -9223372036854775808 to"
                            + " 9223372036854775807, written without an exponent."));
        }
    }

    @Test
    void aTokenLimitSaysWhatItTakesWithoutALongsRange() {
        Caller service = Caller.service(users, keys);
        for (String limit : new String[] {"0", "99999999999999999999", "1e3", "\"200\""}) {
            send(service, "{\"messages\": [{\"role\": \"user\", \"content\": \"Where is my parcel?\"}], \"max_tokens\": " + limit + "}")
                    .statusCode(400).body("error.message", equalTo("'max_tokens' is a whole number of at least 1, written without an exponent."));
        }
    }

    @Test
    void aTicketTextRefusedByTheServingRulesNamesTheMessageItCameIn() {
        Caller service = Caller.service(users, keys);
        String system = "{\"role\": \"system\", \"content\": \"Be kind.\"}, ";
        String[][] cases = {{"\"   \"", "validation_failed"}, {"\"" + "a".repeat(30_000) + "\"", "text_too_long"},
                {"\"hi \\u0007 there\"", "invalid_text"}, {"\"hi \\u202e there\"", "invalid_text"},
                {"[{\"type\": \"text\", \"text\": \"hi \\u001b[31m\"}]", "invalid_text"}};
        for (String[] refused : cases) {
            for (String stream : new String[] {"false", "true"}) {
                send(service, "{\"stream\": " + stream + ", \"messages\": [" + system + "{\"role\": \"user\", \"content\": "
                        + refused[0] + "}]}").statusCode(400).body("error.code", equalTo(refused[1]))
                        .body("error.param", equalTo("messages.[1].content"));
            }
        }
    }

    private static io.restassured.response.ValidatableResponse send(Caller caller, String body) {
        return caller.request().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post("/v1/chat/completions").then();
    }
}
