package dev.loopwise.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.text.PlainText;
import dev.loopwise.llm.LlmClient;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Loopwise as an OpenAI-compatible model, so that bots and SDKs written for OpenAI call it unchanged: the last user
 * message is the ticket, the served reply is the answer, {@code model} names the active version. Roles: service and
 * admin, as for /api/v1/respond. With {@code stream} the whole answer is chosen first (best-of-n needs every draft)
 * and then sent as server-sent event chunks.
 */
@Path("/v1")
@Tag(name = "OpenAI-compatible")
@RolesAllowed({Role.ADMIN, Role.SERVICE})
public class ChatCompletionsResource {
    @Inject
    ServingRequests serving;
    @Inject
    ModelRegistry registry;
    @Inject
    ServingConfig config;
    @Inject
    ServableText servable;

    private static final String CHAT_EXAMPLE = "{\"model\": \"loopwise\", \"messages\": [{\"role\": \"system\", \"content\": \"You answer"
            + " Fernhill's customers.\"}, {\"role\": \"user\", \"content\": \"Hi, my order FH-10422 still hasn't arrived. Where is it?\"}],"
            + " \"metadata\": {\"tracking_link\": \"https://track.example.com/FH-10422\"}}";

    @Operation(summary = "Answer as an OpenAI chat model", description = "The last user message is the ticket and the served reply the answer; stream true sends server-sent events. Errors come in OpenAI's shape.")
    @APIResponse(responseCode = "200", description = "The answer: a chat completion, or with stream true its chunks as server-sent events",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatFormats.Completion.class)),
                    @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING,
                            description = "data: lines of chat.completion.chunk objects, then data: [DONE]; the chunk with finish_reason also"
                            + " carries loopwise, the full /api/v1/respond answer"))})
    @APIResponse(responseCode = "503", description = ServingResource.UNAVAILABLE)
    @APIResponse(responseCode = "400", description = ServingResource.BAD_TICKET + ", too_many_messages, messages_too_long (more messages or"
            + " characters than the server reads), llm_loop (the request comes from a Loopwise instance whose LLM address points at itself),"
            + " unsupported_parameter and unsupported_value (OpenAI's codes for what a model cannot honour: tools, spoken output, n above 1,"
            + " a JSON response_format, logprobs)")
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    public CompletionStage<Response> complete(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            description = "OpenAI's chat completion request: messages, and model, stream, metadata and the sampling settings it checks"),
            example = CHAT_EXAMPLE)) JsonNode body,
                                              @HeaderParam(LlmClient.DRAFTING_HEADER) String drafting) {
        if (drafting != null) {
            throw ApiException.badRequest("llm_loop", LlmMessages.LLM_LOOP);
        }
        ChatFormats.Request request = read(body, config, servable);
        return serving.answer(request.ticket(), true).thenApply(answer -> {
            ChatFormats.Completion completion = ChatFormats.completion(answer, request, config.handoverMessage());
            if (request.stream()) {
                return Response.ok(ChatFormats.events(completion, request.includeUsage()), "text/event-stream")
                        .header("Cache-Control", "no-cache").build();
            }
            return Response.ok(completion, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    /** The active version, the one model Loopwise serves (empty while none is active). */
    @Operation(summary = "List the served model", description = "The active version as loopwise-vN (empty while none is).")
    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    public ChatFormats.ModelList models() {
        return new ChatFormats.ModelList("list", registry.current()
                .map(m -> List.of(new ChatFormats.Model(ChatFormats.modelName(m.version()), "model", created(m.version()), "loopwise")))
                .orElse(List.of()));
    }

    /** When a version was made, in epoch seconds as OpenAI says it: the same on every call, as SDKs expect. */
    private static long created(int version) {
        return CREATED.computeIfAbsent(version, v -> QuarkusTransaction.requiringNew().call(() ->
                ModelVersion.findByVersion(v).map(found -> found.createdAt.toEpochSecond())
                        .orElseGet(ChatFormats::now)));
    }

    private static final Map<Integer, Long> CREATED = new ConcurrentHashMap<>();

    /**
     * One model, as SDKs retrieve it ({@code client.models.retrieve}): the active version under its listed name; any
     * other name is a 404 (an older version is not served here, whatever its number).
     */
    @Operation(summary = "Get the served model", description = "The active version as one OpenAI model; any other name is 404.")
    @APIResponse(responseCode = "200", description = "The active version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChatFormats.Model.class)))
    @APIResponse(responseCode = "404", description = "Not the name of the active version. Code: model_not_found, as OpenAI names it")
    @GET
    @Path("/models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    public ChatFormats.Model model(@PathParam("model") String model) {
        return models().data().stream().filter(m -> m.id().equals(model)).findFirst()
                // OpenAI's code for a model it does not have, which clients check to tell a wrong name from a wrong address.
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND, "model_not_found", "The model '" + PlainText.quoted(model)
                        + "' is not served here: Loopwise serves its active version, "
                        + models().data().stream().map(ChatFormats.Model::id).findFirst().orElse("none at the moment")
                        + " (GET /v1/models lists it).").at("model"));
    }

    private static ChatFormats.Request read(JsonNode body, ServingConfig config, ServableText servable) {
        if (body != null && body.isObject() && !body.path("messages").isMissingNode() && !body.path("messages").isNull()
                && !body.path("messages").isArray()) {
            throw ApiException.invalidParameter("messages", LlmMessages.CHAT_MESSAGES_LIST);
        }
        if (body == null || !body.isObject() || !body.path("messages").isArray() || body.path("messages").isEmpty()) {
            throw ApiException.invalidParameter("messages", LlmMessages.CHAT_NEEDS_USER_MESSAGE);
        }
        long promptCharacters = ChatLimits.check(body.get("messages"), config);
        String ticket = null;
        int ticketIndex = -1;
        int index = 0;
        for (JsonNode message : body.get("messages")) {
            if (!message.isObject() || !message.path("role").isTextual()) {
                throw ApiException.invalidParameter("messages.[" + index + "]", LlmMessages.chatBadMessage(index));
            }
            ChatParameters.checkRole(message.get("role").asText(), index);
            if (message.has("name") && !message.get("name").isTextual()) {
                throw ApiException.invalidParameter("messages.[" + index + "].name", LlmMessages.chatBadName(index));
            }
            if (message.get("role").asText().equals("user")) {
                ticket = text(message.get("content"), index);
                ticketIndex = index;
            } else {
                otherContent(message, index);
            }
            index++;
        }
        if (ticket == null) {
            throw ApiException.invalidParameter("messages", LlmMessages.CHAT_NEEDS_USER_MESSAGE);
        }
        if (ticket.isBlank() && body.get("messages").get(ticketIndex).get("content").isArray()) {
            // Only an image, audio or file: nothing a support reply can be chosen for.
            throw ApiException.invalidParameter("messages.[" + ticketIndex + "].content", LlmMessages.chatNeedsText(ticketIndex));
        }
        // The text rules are shared with /respond and know no field: the refusal names the message, as SDKs show it beside it.
        String ticketParam = "messages.[" + ticketIndex + "].content";
        try {
            JsonStrictness.checkText("content", ticket);
        } catch (ApiException e) {
            throw e.at(ticketParam);
        }
        JsonNode stream = body.path("stream");
        if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
            throw ApiException.invalidParameter("stream", LlmMessages.CHAT_STREAM_BOOLEAN);
        }
        JsonNode includeUsage = body.path("stream_options").path("include_usage");
        if (!includeUsage.isMissingNode() && !includeUsage.isNull() && !includeUsage.isBoolean()) {
            throw ApiException.invalidParameter("stream_options.include_usage", LlmMessages.CHAT_INCLUDE_USAGE_BOOLEAN);
        }
        ChatParameters.check(body);
        // Checked here as well as when answered, so that a refused text names its message too.
        ApiException refused = servable.refusal(ticket);
        if (refused != null) {
            throw refused.at(ticketParam);
        }
        return new ChatFormats.Request(ticket, stream.asBoolean(false), includeUsage.asBoolean(false), ChatMetadata.read(body),
                promptCharacters);
    }

    /**
     * Only the last user message is read, but the others are checked as OpenAI checks them: a client sending a number as
     * the system prompt, or a part without its type, would otherwise learn of its bug only from another server.
     */
    private static void otherContent(JsonNode message, int index) {
        JsonNode content = message.get("content");
        if (content == null || content.isNull() || content.isTextual()) {
            return; // an assistant message that called a tool has none
        }
        if (!content.isArray()) {
            throw ApiException.invalidParameter("messages.[" + index + "].content",
                    LlmMessages.chatOtherBadContent(index, message.get("role").asText(), content.getNodeType().name()));
        }
        text(content, index);
    }

    /** A message's text: a string, or OpenAI's list of parts of which the text ones count. */
    private static String text(JsonNode content, int index) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw ApiException.invalidParameter("messages.[" + index + "].content", LlmMessages.CHAT_BAD_CONTENT_PART);
                }
                ChatParameters.checkPart(part, index);
                if ("text".equals(part.path("type").asText())) {
                    if (!part.path("text").isTextual()) {
                        throw ApiException.invalidParameter("messages.[" + index + "].content", LlmMessages.CHAT_BAD_CONTENT_PART);
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        throw ApiException.invalidParameter("messages.[" + index + "].content", LlmMessages.chatBadContent(index, content == null ? null : content.getNodeType().name()));
    }
}
