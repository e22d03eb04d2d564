package dev.loopwise.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.text.PlainText;
import java.util.List;
import java.util.Set;

/**
 * The parameters of a chat completion request other than its messages. Sampling settings are the served policy's
 * business and are ignored, but a value OpenAI itself refuses (a wrong type, an unknown choice, a number out of range),
 * or a request this endpoint cannot honour (several choices, a JSON reply, tools, token probabilities), is refused
 * as OpenAI would, naming the parameter, rather than answered otherwise. Any {@code model} name is accepted: a bot keeps
 * the one it was set up with while versions are promoted, and the answer names the version that served.
 */
final class ChatParameters {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Set<String> PART_TYPES = Set.of("text", "image_url", "input_audio", "file", "refusal");
    private static final Set<String> TOOL_CHOICES = Set.of("auto", "none", "required");

    private ChatParameters() {
    }

    static void checkRole(String role, int index) {
        if (!ROLES.contains(role)) {
            throw invalid("messages.[" + index + "].role", "'" + shown(role) + "' is not a message role: use system, developer, user, assistant or tool.");
        }
    }

    /** A part's type is known, and a part other than text carries its own field as OpenAI shapes it ({"type": "image_url", "image_url": {...}}). */
    static void checkPart(JsonNode part, int index) {
        String type = part.path("type").asText();
        if (!PART_TYPES.contains(type)) {
            throw invalid("messages.[" + index + "].content", "'" + shown(type) + "' is not a content part type: the customer's words go in a part of type text.");
        }
        JsonNode own = part.path(type);
        boolean shaped = switch (type) {
            case "text", "refusal" -> true;
            case "image_url" -> own.isObject() && own.path("url").isTextual();
            default -> own.isObject();
        };
        if (!shaped) {
            throw invalid("messages.[" + index + "].content", LlmMessages.chatPartWithoutValue(index, type));
        }
    }

    static void check(JsonNode body) {
        JsonNode model = body.path("model");
        if (present(model) && !model.isTextual()) {
            throw invalid("model", "'model' is a string, such as the name GET /v1/models lists.");
        }
        JsonNode n = body.path("n");
        if (present(n) && !n.isIntegralNumber()) {
            throw invalid("n", "'n' is a whole number (here only 1: Loopwise answers with the one reply it serves).");
        }
        // A number past a long's range wraps around when read: 2^64 + 1 would be read as 1.
        if (present(n) && (!n.canConvertToLong() || n.asLong() != 1)) {
            String message = "'n' can only be 1: Loopwise answers with the one reply it serves.";
            throw n.canConvertToLong() && n.asLong() < 1 ? invalid("n", message) : unsupportedValue("n", message);
        }
        range(body, "temperature", 0, 2);
        range(body, "top_p", 0, 1);
        range(body, "presence_penalty", -2, 2);
        range(body, "frequency_penalty", -2, 2);
        for (String field : List.of("max_tokens", "max_completion_tokens")) {
            JsonNode limit = body.path(field);
            // asLong() of a number past a long's range wraps around: check it fits before reading it.
            if (present(limit) && (!limit.isIntegralNumber() || !limit.canConvertToLong() || limit.asLong() < 1)) {
                throw invalid(field, "'" + field + "' is a whole number of at least 1, written without an exponent.");
            }
        }
        logitBias(body.path("logit_bias"));
        JsonNode seed = body.path("seed");
        // As max_tokens: a number past a long's range would wrap around when read, and 1e30 is no seed either.
        if (present(seed) && (!seed.isIntegralNumber() || !seed.canConvertToLong())) {
            throw invalid("seed", "'seed' is a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", written without an exponent.");
        }
        JsonNode stop = body.path("stop");
        if (present(stop) && !stop.isTextual() && !(stop.isArray() && stop.size() <= 4 && allText(stop))) {
            throw invalid("stop", "'stop' is a string or a list of at most 4 strings.");
        }
        JsonNode user = body.path("user");
        if (present(user) && !user.isTextual()) {
            throw invalid("user", "'user' is a string.");
        }
        JsonNode streamOptions = body.path("stream_options");
        if (present(streamOptions) && !streamOptions.isObject()) {
            throw invalid("stream_options", "'stream_options' is an object such as {\"include_usage\": true}.");
        }
        if (present(streamOptions) && !body.path("stream").asBoolean(false)) {
            // As OpenAI answers it: a client sending it expects chunks, and would otherwise wait for usage that never comes.
            throw invalid("stream_options", "'stream_options' is only allowed when 'stream' is true.");
        }
        JsonNode responseFormat = body.path("response_format");
        if (present(responseFormat) && !(responseFormat.isObject() && responseFormat.path("type").isTextual())) {
            throw invalid("response_format", "'response_format' is an object such as {\"type\": \"text\"}.");
        }
        String format = responseFormat.path("type").asText("text");
        if (!format.equals("text")) {
            throw unsupportedValue("response_format", "'response_format' can only be text: Loopwise answers with a support reply, not " + format.replace("_", " ") + ".");
        }
        tools(body);
        JsonNode logprobs = body.path("logprobs");
        if (present(logprobs) && !logprobs.isBoolean()) {
            throw invalid("logprobs", "'logprobs' is true or false.");
        }
        JsonNode topLogprobs = body.path("top_logprobs");
        if (present(topLogprobs) && (!topLogprobs.isIntegralNumber() || !topLogprobs.canConvertToLong() || topLogprobs.asLong() < 0
                || topLogprobs.asLong() > 20)) {
            throw invalid("top_logprobs", "'top_logprobs' is a whole number from 0 to 20.");
        }
        if (logprobs.asBoolean(false) || topLogprobs.asLong(0) > 0) {
            throw unsupportedValue(logprobs.asBoolean(false) ? "logprobs" : "top_logprobs", "'logprobs' and 'top_logprobs' cannot be returned: the reply is chosen from the team's replies, not"
                    + " sampled token by token.");
        }
        // A client asking for spoken output waits for message.audio, which a reply from the library never has.
        JsonNode modalities = body.path("modalities");
        if (present(modalities) && !(modalities.isArray() && allText(modalities))) {
            throw invalid("modalities", "'modalities' is a list of output types, such as [\"text\"].");
        }
        for (JsonNode modality : modalities) {
            if (!modality.asText().equals("text")) {
                throw unsupportedValue("modalities", LlmMessages.chatTextOnly("'modalities' holds '" + shown(modality.asText()) + "'"));
            }
        }
        if (present(body.path("audio"))) {
            throw unsupportedParameter("audio", LlmMessages.chatTextOnly("'audio' asks for spoken output"));
        }
    }

    /** As OpenAI reads it: token ids (as keys) with a bias from -100 to 100. Accepted and not used: nothing is sampled. */
    private static void logitBias(JsonNode bias) {
        if (!present(bias)) {
            return;
        }
        boolean valid = bias.isObject();
        for (var entries = bias.fields(); valid && entries.hasNext(); ) {
            var entry = entries.next();
            valid = entry.getKey().matches("\\d{1,9}") && entry.getValue().isNumber()
                    && entry.getValue().asDouble() >= -100 && entry.getValue().asDouble() <= 100;
        }
        if (!valid) {
            throw invalid("logit_bias", "'logit_bias' is an object of token ids with a bias from -100 to 100, such as {\"50256\": -100}.");
        }
    }

    /**
     * Loopwise answers with a support reply and never calls a tool, so tools offered would be silently ignored: refused as
     * servers without tool calling refuse them, unless the client says none are to be called ({@code "tool_choice": "none"}).
     */
    private static void tools(JsonNode body) {
        for (String field : List.of("tools", "functions")) {
            JsonNode offered = body.path(field);
            if (present(offered) && !offered.isArray()) {
                throw invalid(field, "'" + field + "' is a list of tools.");
            }
        }
        boolean noneCalled = false;
        for (String field : List.of("tool_choice", "function_call")) {
            JsonNode choice = body.path(field);
            if (present(choice) && !choice.isObject() && !(choice.isTextual() && TOOL_CHOICES.contains(choice.asText()))) {
                throw invalid(field, "'" + field + "' is \"auto\", \"none\", \"required\" or a tool object.");
            }
            noneCalled |= choice.isTextual() && choice.asText().equals("none");
        }
        JsonNode parallel = body.path("parallel_tool_calls");
        if (present(parallel) && !parallel.isBoolean()) {
            throw invalid("parallel_tool_calls", "'parallel_tool_calls' is true or false.");
        }
        if (noneCalled) {
            return;
        }
        for (String field : List.of("tools", "functions", "tool_choice", "function_call", "parallel_tool_calls")) {
            if (present(body.path(field))) {
                throw unsupportedParameter(field, LlmMessages.chatNoTools(field));
            }
        }
    }

    private static void range(JsonNode body, String field, double low, double high) {
        JsonNode value = body.path(field);
        if (present(value) && (!value.isNumber() || value.asDouble() < low || value.asDouble() > high)) {
            throw invalid(field, "'" + field + "' is a number from " + number(low) + " to " + number(high) + " (Loopwise ignores it: the reply"
                    + " comes from the served policy).");
        }
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String shown(String value) {
        return PlainText.quoted(value);
    }

    private static ApiException invalid(String param, String message) {
        return ApiException.invalidParameter(param, message);
    }

    /**
     * What Loopwise cannot honour, told apart from a mistake by OpenAI's own codes for what a model does not support: a
     * client that drops such a parameter and sends the request again looks for them.
     */
    private static ApiException unsupportedParameter(String param, String message) {
        return ApiException.badRequest("unsupported_parameter", message).at(param);
    }

    private static ApiException unsupportedValue(String param, String message) {
        return ApiException.badRequest("unsupported_value", message).at(param);
    }
}
