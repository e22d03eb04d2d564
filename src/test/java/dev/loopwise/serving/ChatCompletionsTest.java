package dev.loopwise.serving;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.loopwise.common.ServingMessages;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loopwise as an OpenAI model, called by a real OpenAI client library (langchain4j's), blocking and streaming. */
@QuarkusTest
class ChatCompletionsTest {
    static final String TICKET = "I would like to cancel the order I placed this morning, it was a mistake";

    @TestHTTPResource("/v1")
    URL base;
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;
    @Inject
    ServingConfig config;
    Caller helpdesk;
    int version;

    @BeforeEach
    void setUp() {
        version = ActiveModel.await();
        helpdesk = Caller.service(users, keys);
    }

    private String served(String text) {
        return helpdesk.request().contentType("application/json").body(Map.of("text", text)).post("/api/v1/respond")
                .then().statusCode(200).extract().path("response.text");
    }

    @Test
    void anOpenAiClientGetsTheServedReplyNamedByTheActiveVersion() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(base.toString()).apiKey(helpdesk.apiKey()).modelName("anything")
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();
        ChatResponse response = model.chat(dev.langchain4j.data.message.SystemMessage.from("You are a support bot."),
                dev.langchain4j.data.message.UserMessage.from(TICKET));
        assertEquals(served(TICKET), response.aiMessage().text());
        assertEquals("loopwise-v" + version, response.metadata().modelName());
        assertTrue(response.metadata().tokenUsage().inputTokenCount() > 0);
        assertTrue(response.metadata().tokenUsage().outputTokenCount() > 0);
        assertEquals(response.metadata().tokenUsage().inputTokenCount() + response.metadata().tokenUsage().outputTokenCount(),
                response.metadata().tokenUsage().totalTokenCount());
    }

    @Test
    void aTicketSupportDoesNotHandleIsAnsweredWithTheHandOverMessageNotAnEmptyOne() {
        String ticket = "What is the capital of France?";
        helpdesk.request().contentType("application/json").body(Map.of("text", ticket)).post("/api/v1/respond")
                .then().statusCode(200).body("outOfScope", equalTo(true));
        helpdesk.request().contentType("application/json")
                .body(Map.of("model", "anything", "messages", List.of(Map.of("role", "user", "content", ticket))))
                .post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.content", equalTo(config.handoverMessage()))
                .body("loopwise.outOfScope", equalTo(true));
        // A streaming widget learns it too, from the chunk that ends the answer.
        String events = helpdesk.request().contentType("application/json")
                .body(Map.of("stream", true, "messages", List.of(Map.of("role", "user", "content", ticket))))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        String end = Arrays.stream(events.split("\n\n")).filter(event -> event.contains("\"finish_reason\":\"stop\""))
                .findFirst().orElseThrow();
        assertEquals(true, JsonPath.from(end.substring("data: ".length())).getBoolean("loopwise.outOfScope"), end);
    }

    @Test
    void aReplyWithSlotsNobodyFilledIsHandedOverUnlessTheMetadataFillsThem() {
        String reply = "Good news: order FH-123456 is on its way. Follow it here: {{tracking_link}} (arrives {{ Delivery Date }}).";
        List<String> open = List.of("tracking_link", "delivery_date");
        IntentPrediction intent = new IntentPrediction("track_order", 0.9, false, List.of());
        ServingPipeline.Answer answer = new ServingPipeline.Answer(UUID.randomUUID(), new ServingModel.Decision(
                intent, new ServingModel.Candidate(7, "track_order", reply), reply, open, null), 3, null);
        String ticket = "where is my order FH-123456";
        ChatFormats.Completion handedOver = ChatFormats.completion(answer, new ChatFormats.Request(ticket, false, false, Map.of()), "HAND OVER");
        assertEquals("HAND OVER", handedOver.choices().get(0).message().content(), "a chat widget would show the braces");
        assertEquals(open, handedOver.loopwise().response().openSlots(), "the bot still learns what was missing");
        ChatFormats.Completion partly = ChatFormats.completion(answer,
                new ChatFormats.Request(ticket, false, false, Map.of("Tracking Link", "https://t.example/1")), "HAND OVER");
        assertEquals("HAND OVER", partly.choices().get(0).message().content(), "one slot is still open");
        ChatFormats.Completion filled = ChatFormats.completion(answer, new ChatFormats.Request(ticket, false, false,
                Map.of("Tracking Link", "https://t.example/1", "delivery-date", "Friday")), "HAND OVER");
        assertEquals("Good news: order FH-123456 is on its way. Follow it here: https://t.example/1 (arrives Friday).",
                filled.choices().get(0).message().content());
        for (String empty : new String[] {"", "   ", "{{tracking_link}}"}) {
            assertEquals("HAND OVER", ChatFormats.completion(answer, new ChatFormats.Request(ticket, false, false,
                    Map.of("tracking_link", empty, "delivery_date", "Friday")), "HAND OVER").choices().get(0).message().content(),
                    "'" + empty + "' fills nothing");
        }
        // The metadata arrives as OpenAI sends it, and a value that is not a string is named.
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("order_status", "shipped"))).post("/v1/chat/completions").then().statusCode(200);
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("tracking_link", 5))).post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("'tracking_link'"));
        // A value goes into the customer's reply, so a terminal escape or a writing-direction mark is refused, named.
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("tracking_link", "https://x.example/\u001B[31m"))).post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("'tracking_link' holds a character no one can see (U+001B"));
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("tracking_link", "\u202Egpj.exe"))).post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("U+202E at character 1"));
        // A key names a slot: one carrying a control character is refused with the character's place, not ignored.
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + TICKET
                + "\"}],\"metadata\":{\"track\\u0007ing\":\"x\"}}").post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("'metadata' key holds a character no one can see (U+0007 at character 6)"));
        // Lengths count characters as a person does: 512 emoji are 512 characters, one more is too many.
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("order_status", "\uD83D\uDCE6".repeat(512)))).post("/v1/chat/completions").then().statusCode(200);
        helpdesk.request().contentType("application/json").body(Map.of("messages", List.of(Map.of("role", "user", "content", TICKET)),
                "metadata", Map.of("order_status", "\uD83D\uDCE6".repeat(513)))).post("/v1/chat/completions").then().statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("at most 512 characters"));
    }

    @Test
    void aTicketOfInvisibleCharactersAndLoneAccentsIsEmpty() {
        helpdesk.request().contentType("application/json; charset=UTF-8").body("{\"text\":\"\u200b\u0301\ufeff\"}").post("/api/v1/respond")
                .then().statusCode(400).body("error", equalTo(ServingMessages.TEXT_INVISIBLE));
        helpdesk.request().contentType("application/json").body("{\"text\":\"\\u0001\\u0002\\u0003\"}").post("/api/v1/respond")
                .then().statusCode(400).body("error", equalTo(ServingMessages.TEXT_INVISIBLE));
        helpdesk.request().contentType("application/json").body("{\"text\":\"   \"}").post("/api/v1/respond")
                .then().statusCode(400).body("error", equalTo(ServingMessages.TEXT_EMPTY));
        // A control character among readable text is refused too, as the ticket import and /respond refuse it.
        helpdesk.request().contentType("application/json").body("{\"messages\":[{\"role\":\"user\",\"content\":\"where\\u0007 is it\"}]}")
                .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.message", org.hamcrest.Matchers.containsString("control character (U+0007 at character 6)"));
    }

    @Test
    void streamingSendsTheSameReplyInChunksThenDone() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(base.toString()).apiKey(helpdesk.apiKey())
                .modelName("anything").timeout(Duration.ofSeconds(30)).build();
        StringBuilder partial = new StringBuilder();
        int[] chunks = {0};
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(TICKET, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                partial.append(text);
                chunks[0]++;
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        String expected = served(TICKET);
        assertEquals(expected, partial.toString());
        assertEquals(expected, response.aiMessage().text());
        assertTrue(chunks[0] > 1, "sent in more than one chunk: " + chunks[0]);
        String raw = helpdesk.request().contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + TICKET + "\"}],\"stream\":true}")
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertTrue(raw.startsWith("data: {") && raw.endsWith("data: [DONE]\n\n"), raw);
    }

    @Test
    void modelsListsTheActiveVersion() {
        helpdesk.request().get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list")).body("data[0].id", equalTo("loopwise-v" + version))
                .body("data[0].object", equalTo("model"));
        helpdesk.request().get("/v1/models/loopwise-v" + version).then().statusCode(200)
                .body("id", equalTo("loopwise-v" + version)).body("owned_by", equalTo("loopwise"));
        helpdesk.request().get("/v1/models/gpt-4o").then().statusCode(404).body("error.type", equalTo("not_found_error"))
                .body("error.code", equalTo("model_not_found")).body("error.param", equalTo("model"))
                .body("error.message", org.hamcrest.Matchers.containsString("loopwise-v" + version));
        // A direction mark in the name is quoted as its code, so it cannot turn the message around.
        helpdesk.request().urlEncodingEnabled(false).get("/v1/models/gpt%E2%80%8F4o").then().statusCode(404)
                .body("error.message", org.hamcrest.Matchers.containsString("'gptU+200F4o'"));
        // An override is no part of any name: refused with the address, as in any text sent.
        helpdesk.request().urlEncodingEnabled(false).get("/v1/models/gpt%E2%80%AE4o").then().statusCode(400);
        // "created" is when the version was made, the same on every call.
        long created = helpdesk.request().get("/v1/models").jsonPath().getLong("data[0].created");
        long made = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ModelVersion.findByVersion(version).orElseThrow().createdAt.toEpochSecond());
        assertEquals(made, created);
    }
}
