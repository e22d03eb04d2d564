package dev.loopwise.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.text.PlainText;

/**
 * How much conversation a chat request may carry. Only its last user message is read, yet every message is checked as
 * OpenAI checks it; without a bound, a client sending its whole history (or a runaway loop appending to it) costs a
 * parse and a walk of every turn on each call, up to the body limit. Both bounds are counted before any message is
 * checked, so an oversized request is refused before that work.
 */
final class ChatLimits {
    private ChatLimits() {
    }

    /** The characters of text across the messages, once both bounds hold. */
    static long check(JsonNode messages, ServingConfig config) {
        if (messages.size() > config.maxChatMessages()) {
            throw ApiException.badRequest("too_many_messages", LlmMessages.chatTooManyMessages(messages.size(), config.maxChatMessages()));
        }
        long characters = 0;
        for (JsonNode message : messages) {
            characters += characters(message.path("content"));
        }
        if (characters > config.maxChatCharacters()) {
            throw ApiException.badRequest("messages_too_long", LlmMessages.chatTooLong(characters, config.maxChatCharacters()));
        }
        return characters;
    }

    /** The text a content holds, as a person counts characters: a string, or the text of its parts. Other shapes count none (they are refused later). */
    private static long characters(JsonNode content) {
        if (content.isTextual()) {
            return PlainText.length(content.asText());
        }
        long characters = 0;
        if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    characters += PlainText.length(part.get("text").asText());
                }
            }
        }
        return characters;
    }
}
