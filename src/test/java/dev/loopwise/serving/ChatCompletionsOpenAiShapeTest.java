package dev.loopwise.serving;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request shapes OpenAI's SDKs and the frameworks built on them send today, and the answer and error fields their
 * parsers read: what openai-python, openai-node, LangChain, LlamaIndex and the Vercel AI SDK expect of an OpenAI model.
 */
@QuarkusTest
class ChatCompletionsOpenAiShapeTest {
    /** The parameters current SDKs put in a request beside the messages; Loopwise honours or ignores each, never refuses it. */
    private static final String SDK_PARAMETERS = "\"model\":\"gpt-4o\",\"max_completion_tokens\":300,\"max_tokens\":300,\"user\":\"u-7\","
            + "\"seed\":42,\"store\":false,\"metadata\":{\"channel\":\"chat\"},\"reasoning_effort\":\"low\",\"service_tier\":\"auto\","
            + "\"prediction\":{\"type\":\"content\",\"content\":\"x\"},\"web_search_options\":{},\"temperature\":null,"
            + "\"logit_bias\":{\"50256\":-100},\"frequency_penalty\":0.5,\"presence_penalty\":null,\"top_p\":1";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"developer\",\"content\":\"Answer as support.\"},"
            + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Be brief.\"}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + ChatCompletionsTest.TICKET + "\"}]}]";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    Caller helpdesk;
    int version;

    @BeforeEach
    void setUp() {
        version = ActiveModel.await();
        helpdesk = Caller.service(users, keys);
    }

    @Test
    void aCompletionCarriesEveryFieldTypedSdksRead() {
        for (String stop : new String[] {"\"stop\":\"\\n\"", "\"stop\":[\"\\n\\n\",\"END\"]"}) {
            helpdesk.request().contentType("application/json").accept("application/json")
                    .body("{" + MESSAGES + "," + SDK_PARAMETERS + "," + stop + "}").post("/v1/chat/completions").then().statusCode(200)
                    .body("id", startsWith("chatcmpl-")).body("object", equalTo("chat.completion"))
                    .body("created", instanceOf(Integer.class)).body("model", equalTo("loopwise-v" + version))
                    .body("choices[0].index", equalTo(0)).body("choices[0].finish_reason", equalTo("stop"))
                    .body("choices[0].message.role", equalTo("assistant"))
                    .body("choices[0].message", hasKey("refusal")).body("choices[0].message.refusal", nullValue())
                    .body("choices[0]", hasKey("logprobs")).body("choices[0].logprobs", nullValue())
                    .body("usage.prompt_tokens", instanceOf(Integer.class)).body("usage.completion_tokens", instanceOf(Integer.class))
                    .body("usage.total_tokens", instanceOf(Integer.class))
                    // Read by usage trackers as OpenAI always sends them, without a check that they are there.
                    .body("usage.prompt_tokens_details.cached_tokens", equalTo(0))
                    .body("usage.completion_tokens_details.reasoning_tokens", equalTo(0));
        }
    }

    @Test
    void thePromptsUsageCountsEveryMessageAsOpenAiBillsIt() {
        String instructions = "Answer as Fernhill's support team, kindly and briefly. ".repeat(80);
        int alone = helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user",
                "content", ChatCompletionsTest.TICKET)))).post("/v1/chat/completions").then().statusCode(200).extract().path("usage.prompt_tokens");
        int withSystem = helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "system",
                "content", instructions), Map.of("role", "user", "content", ChatCompletionsTest.TICKET)))).post("/v1/chat/completions")
                .then().statusCode(200).extract().path("usage.prompt_tokens");
        assertEquals((ChatCompletionsTest.TICKET.length() + 3) / 4, alone);
        assertEquals((instructions.length() + ChatCompletionsTest.TICKET.length() + 3) / 4, withSystem);
    }

    @Test
    void aStreamIsWhatSdkStreamParsersNeed() {
        var response = helpdesk.request().contentType("application/json").accept("application/json")
                .body("{" + MESSAGES + "," + SDK_PARAMETERS + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
                .post("/v1/chat/completions").then().statusCode(200).header("Content-Type", startsWith("text/event-stream")).extract();
        String raw = response.asString();
        assertTrue(raw.endsWith("data: [DONE]\n\n"), raw);
        List<JsonPath> chunks = new ArrayList<>();
        for (String event : raw.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            if (!event.equals("data: [DONE]")) {
                chunks.add(JsonPath.from(event.substring("data: ".length())));
            }
        }
        JsonPath first = chunks.get(0);
        for (JsonPath chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.getString("object"));
            assertEquals(first.getString("id"), chunk.getString("id"));
            assertEquals(first.getLong("created"), chunk.getLong("created"));
            assertEquals("loopwise-v" + version, chunk.getString("model"));
            assertTrue(chunk.getMap("$").containsKey("usage"), "asked for usage, every chunk has the field, null until the last");
        }
        assertEquals("assistant", first.getString("choices[0].delta.role"));
        JsonPath end = chunks.get(chunks.size() - 2);
        assertEquals("stop", end.getString("choices[0].finish_reason"));
        // Loopwise's own answer comes once, on the chunk that ends it: its request id, for feedback, and whether to hand over.
        assertEquals(first.getString("id"), "chatcmpl-" + end.getString("loopwise.requestId"));
        assertEquals(false, end.getBoolean("loopwise.outOfScope"));
        assertEquals(1, chunks.stream().filter(chunk -> chunk.get("loopwise") != null).count());
        JsonPath usage = chunks.get(chunks.size() - 1);
        assertEquals(List.of(), usage.getList("choices"));
        assertEquals(usage.getInt("usage.prompt_tokens") + usage.getInt("usage.completion_tokens"), usage.getInt("usage.total_tokens"));
        assertEquals(0, usage.getInt("usage.prompt_tokens_details.cached_tokens"));
        assertEquals(0, usage.getInt("usage.completion_tokens_details.reasoning_tokens"));
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.getString("choices[0].delta.content") == null ? "" : chunk.getString("choices[0].delta.content")));
        String whole = helpdesk.request().contentType("application/json").body("{" + MESSAGES + "}").post("/v1/chat/completions")
                .then().statusCode(200).extract().path("choices[0].message.content");
        assertEquals(whole, text.toString());
    }

    @Test
    void errorsNameTheParameterAtFaultAsOpenAiDoes() {
        for (Map.Entry<String, String> refused : Map.of("\"temperature\":5", "temperature", "\"n\":0", "n",
                "\"stop\":{\"a\":1}", "stop", "\"parallel_tool_calls\":\"no\"", "parallel_tool_calls",
                "\"stream_options\":{\"include_usage\":true}", "stream_options").entrySet()) {
            helpdesk.request().contentType("application/json").body("{" + MESSAGES + "," + refused.getKey() + "}")
                    .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("validation_failed")).body("error.param", equalTo(refused.getValue()));
        }
        // What Loopwise cannot honour has OpenAI's codes for what a model does not support, which clients dropping it look for.
        for (String[] refused : new String[][] {{"\"n\":2", "n", "unsupported_value"}, {"\"parallel_tool_calls\":false",
                "parallel_tool_calls", "unsupported_parameter"}, {"\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]",
                "tools", "unsupported_parameter"}, {"\"response_format\":{\"type\":\"json_object\"}", "response_format",
                "unsupported_value"}, {"\"logprobs\":true", "logprobs", "unsupported_value"}, {"\"audio\":{\"voice\":\"alloy\"}", "audio",
                "unsupported_parameter"}, {"\"modalities\":[\"audio\"]", "modalities", "unsupported_value"}}) {
            helpdesk.request().contentType("application/json").body("{" + MESSAGES + "," + refused[0] + "}")
                    .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.param", equalTo(refused[1])).body("error.code", equalTo(refused[2]));
        }
        helpdesk.request().contentType("application/json")
                .body("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"},{\"role\":\"wizard\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("messages.[1].role"));
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":5}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("messages.[0].content"));
        // No one field is at fault: the key is there, null, as OpenAI sends it.
        given().contentType("application/json").body("{" + MESSAGES + "}").post("/v1/chat/completions").then().statusCode(401)
                .body("error", hasKey("param")).body("error.param", nullValue());
        helpdesk.request().contentType("application/json").body("{\"messages\":[}").post("/v1/chat/completions").then().statusCode(400)
                .body("error.code", equalTo("malformed_json")).body("error", hasKey("param"));
        // Loopwise's own API keeps its one shape.
        helpdesk.request().contentType("application/json").body("{\"text\":5}").post("/api/v1/respond").then().statusCode(400)
                .body("$", org.hamcrest.Matchers.not(hasKey("param")));
    }

    @Test
    void anAddressOpenAiHasAndLoopwiseDoesNotSaysWhatIsServed() {
        for (String address : new String[] {"/v1/completions", "/v1/embeddings", "/v1/responses", "/v1/audio/speech",
                "/v1/chat/completions/chatcmpl-123"}) {
            var answer = address.endsWith("123") ? helpdesk.request().get(address)
                    : helpdesk.request().contentType("application/json").body("{\"model\":\"x\",\"input\":\"hi\"}").post(address);
            answer.then().statusCode(404).body("error.type", equalTo("not_found_error")).body("error.code", equalTo("not_found"))
                    .body("error.message", containsString("Loopwise serves chat completions only"))
                    .body("error.message", containsString("POST /v1/chat/completions"))
                    .body("error.message", containsString("'" + address + "'"));
        }
        helpdesk.request().options("/v1/embeddings").then().statusCode(404).body("error.type", equalTo("not_found_error"))
                .body("error.message", containsString("chat completions only"));
        // Elsewhere a missing address is said as before.
        Caller.apiKey(keys, "admin").request().get("/api/v1/nothing-here").then().statusCode(404)
                .body("error", equalTo("There is nothing at this address."));
    }
}
