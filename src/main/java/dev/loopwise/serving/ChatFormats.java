package dev.loopwise.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.ticket.SlotFiller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAI chat-completions shapes Loopwise answers in. Token counts are an estimate, about four characters a
 * token (OpenAI's own rule of thumb for English): the answer comes from the library or the team's LLM, not from a
 * tokenizer Loopwise could count with exactly, and clients use the figures for budgets, not billing.
 */
final class ChatFormats {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words per streamed chunk: small enough to look like typing in a chat widget, few enough events to stay cheap. */
    private static final int WORDS_PER_CHUNK = 4;

    private ChatFormats() {
    }

    /**
     * {@code slots}: values for the served reply's open slots, from the request's {@code metadata}. {@code promptCharacters}:
     * the text of every message, system prompt and earlier turns included, as OpenAI counts a prompt: a client adding up
     * its usage would otherwise see a long system prompt cost nothing.
     */
    record Request(String ticket, boolean stream, boolean includeUsage, Map<String, String> slots, long promptCharacters) {
        Request(String ticket, boolean stream, boolean includeUsage, Map<String, String> slots) {
            this(ticket, stream, includeUsage, slots, ticket.length());
        }
    }

    /**
     * {@code refusal} and the choice's {@code logprobs} are always null, sent as OpenAI sends them: its typed SDKs declare
     * both, and a null refusal tells a client the content is the answer.
     */
    @Schema(name = "ChatMessage", description = "The answer, as the assistant's message")
    record Message(@Schema(description = "Always assistant") String role,
                   @Schema(description = "The served reply with its slots filled, or the handover message when there is no reply to"
                           + " send (out of scope, or a slot nothing could fill)") String content,
                   @Schema(description = "Always null: Loopwise answers or hands over, it never refuses") String refusal) {
    }

    @Schema(name = "ChatChoice", description = "The one answer of a completion")
    record Choice(@Schema(description = "Always 0: one answer is given") int index,
                  @Schema(description = "The answer") Message message,
                  @Schema(description = "Always null: no token probabilities are kept") Object logprobs,
                  @Schema(description = "Always stop") @JsonProperty("finish_reason") String finishReason) {
    }

    /**
     * The breakdowns are sent, all zero, as OpenAI always sends them: usage trackers and typed clients written against
     * OpenAI read {@code prompt_tokens_details.cached_tokens} without checking it is there, and fail when it is not.
     */
    @Schema(name = "ChatUsage", description = "Token counts, estimated at about four characters a token")
    record Usage(@Schema(description = "The request's messages, every one counted") @JsonProperty("prompt_tokens") int promptTokens,
                 @Schema(description = "The answer's content") @JsonProperty("completion_tokens") int completionTokens,
                 @Schema(description = "The two added up") @JsonProperty("total_tokens") int totalTokens,
                 @Schema(description = "The prompt's breakdown, all zero: nothing is cached, and no audio is read")
                 @JsonProperty("prompt_tokens_details") PromptDetails promptDetails,
                 @Schema(description = "The answer's breakdown, all zero: no reasoning, audio or predicted output")
                 @JsonProperty("completion_tokens_details") CompletionDetails completionDetails) {
        Usage(int promptTokens, int completionTokens) {
            this(promptTokens, completionTokens, promptTokens + completionTokens, new PromptDetails(0, 0),
                    new CompletionDetails(0, 0, 0, 0));
        }
    }

    @Schema(name = "ChatPromptTokensDetails", description = "OpenAI's breakdown of the prompt's tokens, all zero here")
    record PromptDetails(@Schema(description = "Always 0: no prompt is cached") @JsonProperty("cached_tokens") int cachedTokens,
                         @Schema(description = "Always 0: no audio is read") @JsonProperty("audio_tokens") int audioTokens) {
    }

    @Schema(name = "ChatCompletionTokensDetails", description = "OpenAI's breakdown of the answer's tokens, all zero here")
    record CompletionDetails(@Schema(description = "Always 0: the reply is chosen, not reasoned out")
                             @JsonProperty("reasoning_tokens") int reasoningTokens,
                             @Schema(description = "Always 0: the answer is text") @JsonProperty("audio_tokens") int audioTokens,
                             @Schema(description = "Always 0: no predicted output is read")
                             @JsonProperty("accepted_prediction_tokens") int acceptedPredictionTokens,
                             @Schema(description = "Always 0: no predicted output is read")
                             @JsonProperty("rejected_prediction_tokens") int rejectedPredictionTokens) {
    }

    /** {@code loopwise}: the full answer of /api/v1/respond (intent, out of scope: hand over to a human, source, scores). */
    @Schema(name = "ChatCompletion", description = "OpenAI's chat completion, with Loopwise's own answer beside it")
    record Completion(@Schema(description = "chatcmpl- and the served request's id, as the request log names it") String id,
                      @Schema(description = "Always chat.completion, as OpenAI says it") String object,
                      @Schema(description = "When it was answered, in seconds since 1970-01-01 UTC") long created,
                      @Schema(description = "The version that answered, loopwise-vN", example = "loopwise-v3") String model,
                      @Schema(description = "The answer, as the one choice") List<Choice> choices,
                      @Schema(description = "Estimated token counts") Usage usage,
                      @Schema(description = "The full answer of /api/v1/respond: intent, out of scope (hand over to a person),"
                              + " reply, source and scores") ServingResource.RespondResponse loopwise) {
    }

    record Delta(@JsonInclude(JsonInclude.Include.NON_NULL) String role, @JsonInclude(JsonInclude.Include.NON_NULL) String content) {
    }

    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    /**
     * {@code loopwise}, on the chunk that ends the answer only: a streaming bot needs {@code outOfScope} to hand the
     * customer over as much as one reading the whole completion does.
     */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
                 @JsonInclude(JsonInclude.Include.NON_NULL) ServingResource.RespondResponse loopwise) {
    }

    record Model(@Schema(description = "The active version's name, loopwise-vN; any name is accepted in a request", example = "loopwise-v3")
                 String id,
                 @Schema(description = "Always model, as OpenAI says it") String object,
                 @Schema(description = "When the version was made, in seconds since 1970-01-01 UTC") long created,
                 @Schema(description = "Always loopwise") @JsonProperty("owned_by") String ownedBy) {
    }

    record ModelList(@Schema(description = "Always list, as OpenAI says it") String object,
                     @Schema(description = "The active version as the one model; empty while none is") List<Model> data) {
    }

    static String modelName(int version) {
        return "loopwise-v" + version;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static int tokens(String text) {
        return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }

    /**
     * A ticket without a reply (out of scope) answers with {@code handover}; {@code loopwise.outOfScope} tells the bot to hand
     * over. So does a reply whose slots ({@code {{tracking_link}}}) neither the ticket nor the request's metadata could
     * fill: a chat widget would show the braces to the customer; {@code loopwise.response} still holds the reply and its
     * open slots for a bot that can fill them.
     */
    static Completion completion(ServingPipeline.Answer answer, Request request, String handover) {
        ServingResource.RespondResponse full = ServingResource.RespondResponse.of(answer);
        String content = handover;
        if (full.response() != null) {
            SlotFiller.Filled filled = SlotFiller.fillWith(full.response().text(), request.slots());
            content = filled.openSlots().isEmpty() ? filled.text() : handover;
        }
        int prompt = (int) Math.max(1, (request.promptCharacters() + 3) / 4);
        int completion = tokens(content);
        return new Completion("chatcmpl-" + answer.requestId(), "chat.completion", now(), modelName(answer.modelVersion()),
                List.of(new Choice(0, new Message("assistant", content, null), null, "stop")), new Usage(prompt, completion), full);
    }

    /** The completion as server-sent events: the role, the text a few words at a time, the end, usage if asked, [DONE]. */
    static String events(Completion completion, boolean includeUsage) {
        List<Chunk> chunks = new ArrayList<>();
        chunks.add(chunk(completion, new Delta("assistant", "")));
        String content = completion.choices().get(0).message().content();
        String[] words = content.split("(?<=\\s)");
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            piece.append(words[i]);
            if ((i + 1) % WORDS_PER_CHUNK == 0 || i == words.length - 1) {
                chunks.add(chunk(completion, new Delta(null, piece.toString())));
                piece.setLength(0);
            }
        }
        chunks.add(new Chunk(completion.id(), "chat.completion.chunk", completion.created(), completion.model(),
                List.of(new ChunkChoice(0, new Delta(null, null), "stop")), null, completion.loopwise()));
        if (includeUsage) {
            chunks.add(new Chunk(completion.id(), "chat.completion.chunk", completion.created(), completion.model(), List.of(),
                    completion.usage(), null));
        }
        StringBuilder out = new StringBuilder();
        for (Chunk chunk : chunks) {
            ObjectNode event = JSON.valueToTree(chunk);
            if (includeUsage && !event.has("usage")) {
                // As OpenAI streams it: asked for usage, every chunk has the field, null until the last.
                event.putNull("usage");
            }
            out.append("data: ").append(event).append("\n\n");
        }
        return out.append("data: [DONE]\n\n").toString();
    }

    private static Chunk chunk(Completion completion, Delta delta) {
        return new Chunk(completion.id(), "chat.completion.chunk", completion.created(), completion.model(),
                List.of(new ChunkChoice(0, delta, null)), null, null);
    }
}
