package dev.loopwise.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.text.PlainText;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chat completion request's {@code metadata}, read as the values of the served reply's open slots. */
final class ChatMetadata {
    private ChatMetadata() {
    }

    /**
     * OpenAI's {@code metadata}: up to 16 string values, keys of at most 64 characters and values of at most 512. Here they
     * fill the served reply's open slots ({@code {"tracking_link": "https://..."}}), which a chat widget cannot.
     */
    static Map<String, String> read(JsonNode body) {
        JsonNode metadata = body.path("metadata");
        if (metadata.isMissingNode() || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject() || metadata.size() > 16) {
            throw invalid("'metadata' is an object of at most 16 string values, such as {\"tracking_link\": \"https://...\"}.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) metadata::fields) {
            // A key names a slot ({{tracking_link}}) and is quoted back in refusals: one holding a control character names
            // no slot and would carry a terminal escape into the message and the log.
            String inKey = PlainText.firstHiddenCharacter(field.getKey());
            if (inKey != null) {
                throw invalid("A 'metadata' key holds a character no one can see (" + inKey + "): keys name the reply's slots,"
                        + " such as tracking_link; remove it.");
            }
            // Counted as a person counts characters: an emoji is one, as everywhere else in Loopwise.
            if (PlainText.length(field.getKey()) > 64 || !field.getValue().isTextual()
                    || PlainText.length(field.getValue().asText()) > 512) {
                throw invalid("'metadata' values are strings of at most 512 characters under keys of at most 64: '"
                        + PlainText.quoted(field.getKey()) + "' is not.");
            }
            // The value is written into the reply the customer reads, so it follows the rules of a reply's own text.
            String hidden = PlainText.firstHiddenCharacter(field.getValue().asText());
            if (hidden != null) {
                throw invalid("'metadata' value '" + PlainText.quoted(field.getKey()) + "' holds a character no one can see (" + hidden
                        + "); it would be written into the customer's reply as it is: remove it.");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static ApiException invalid(String message) {
        return ApiException.invalidParameter("metadata", message);
    }
}
