package dev.loopwise.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.loopwise.llm.LlmClient;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests to Loopwise as an OpenAI model that it cannot honour: refused in OpenAI's error shape, which client libraries read. */
@QuarkusTest
class ChatCompletionsErrorsTest {
    @TestHTTPResource("/v1")
    URL base;
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    Caller helpdesk;

    @BeforeEach
    void setUp() {
        ActiveModel.await();
        helpdesk = Caller.service(users, keys);
    }

    @Test
    void errorsComeInOpenAisShapeThatClientsRead() {
        // No key and a wrong key are both OpenAI's invalid_api_key, the code SDKs and bots look for.
        given().contentType("application/json").body("{\"messages\":[]}").post("/v1/chat/completions")
                .then().statusCode(401).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key")).body("error.message", notNullValue());
        given().header("Authorization", "Bearer lw_not_a_key").contentType("application/json").body("{\"messages\":[]}")
                .post("/v1/chat/completions").then().statusCode(401).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key")).body("error.message", notNullValue());
        given().header("Authorization", "Bearer lw_not_a_key").get("/v1/models").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"));
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"system\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.message", notNullValue());
        // What cannot be honoured (several choices, a JSON reply) or OpenAI itself refuses is refused, not quietly ignored.
        for (String refusedSetting : new String[] {"\"n\":3", "\"temperature\":5", "\"max_tokens\":-5", "\"max_tokens\":99999999999999999999",
                "\"response_format\":{\"type\":\"json_object\"}", "\"tool_choice\":\"required\"", "\"logprobs\":true",
                // and values of the wrong type, as OpenAI refuses them
                "\"logprobs\":\"false\"", "\"response_format\":\"json\"", "\"tool_choice\":5", "\"model\":5", "\"tools\":\"x\"",
                "\"tool_choice\":\"banana\"", "\"function_call\":{\"name\":\"f\"}", "\"top_logprobs\":5", "\"stream_options\":\"x\"",
                "\"stream_options\":{\"include_usage\":true}", "\"stream\":false,\"stream_options\":{\"include_usage\":true}",
                "\"stop\":{\"a\":1}", "\"seed\":\"x\"", "\"top_p\":-3", "\"n\":\"1\"", "\"logit_bias\":{\"50256\":-300}",
                "\"logit_bias\":{\"word\":1}", "\"logit_bias\":[1]", "\"tool_choice\":\"auto\"", "\"parallel_tool_calls\":true",
                "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]", "\"functions\":[{\"name\":\"f\"}]",
                // spoken output, which a reply from the library never has
                "\"modalities\":[\"text\",\"audio\"],\"audio\":{\"voice\":\"alloy\",\"format\":\"wav\"}", "\"modalities\":[\"audio\"]",
                "\"modalities\":\"text\"", "\"audio\":{\"voice\":\"alloy\"}"}) {
            helpdesk.request().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET + "\"}]," + refusedSetting + "}")
                    .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
        }
        // The field the request sent is the one named, so a bot's author finds it.
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET
                + "\"}],\"top_logprobs\":5}").post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("top_logprobs")).body("error.code", equalTo("unsupported_value"));
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET
                + "\"}],\"n\":1,\"temperature\":0.7,\"max_tokens\":200,\"response_format\":{\"type\":\"text\"},\"model\":\"gpt-4o\","
                + "\"stop\":[\"\\n\\n\"],\"seed\":3,\"top_p\":0.9,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],"
                + "\"tool_choice\":\"none\",\"parallel_tool_calls\":false,\"user\":\"u-1\","
                + "\"logit_bias\":{\"50256\":-100},\"modalities\":[\"text\"]}")
                .post("/v1/chat/completions").then().statusCode(200);
        // An unknown role or part type is named, not reported as a missing user message or an empty text.
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.message", containsString("'wizard'"));
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"hi\"}]}]}").post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", containsString("'input_text'"));
        // Content as a list of parts, as newer SDKs send it: text parts are read, a malformed part is named.
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
                + ChatCompletionsTest.TICKET + "\"}]}]}").post("/v1/chat/completions").then().statusCode(200);
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":[\"" + ChatCompletionsTest.TICKET + "\"]}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.message", containsString("list of parts"));
        Caller reviewer = Caller.apiKey(keys, "reviewer1");
        reviewer.request().get("/v1/models").then().statusCode(403).body("error.type", equalTo("permission_error"));
        OpenAiChatModel wrongKey = OpenAiChatModel.builder().baseUrl(base.toString()).apiKey("lw_not_a_key").modelName("x")
                .maxRetries(0).build();
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> wrongKey.chat(ChatCompletionsTest.TICKET));
        assertTrue(refused.getMessage().contains("API key"), refused.getMessage());
        // An LLM address pointing back at Loopwise: its own drafting calls are refused at once, and said to be the loop.
        helpdesk.request().contentType("application/json").header(LlmClient.DRAFTING_HEADER, "1")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET + "\"}]}").post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("points at Loopwise itself"));
    }

    /** A whole number past a long's range is refused for what it is, not read wrapped around into an allowed value. */
    @Test
    void aNumberPastALongIsRefusedNotReadWrappedAround() {
        for (String[] refused : new String[][] {{"n", "18446744073709551617"}, {"top_logprobs", "18446744073709551616"},
                {"top_logprobs", "-18446744073709551616"}}) {
            helpdesk.request().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + ChatCompletionsTest.TICKET + "\"}],\"" + refused[0] + "\":"
                            + refused[1] + "}")
                    .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo(refused[0]))
                    .body("error.message", containsString("'" + refused[0] + "'"));
        }
    }
}
