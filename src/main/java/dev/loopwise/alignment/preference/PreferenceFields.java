package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.text.PlainText;
import java.util.List;

/** The texts of a preference row: a field as plain text or as chat messages, checked as an imported ticket is. */
final class PreferenceFields {
    private PreferenceFields() {
    }

    /** A field as text: a string, or in the conversational form the content of the last message with {@code role}. */
    static String text(JsonNode node, String field, String role, Place line, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isArray()) {
            String text = null;
            for (JsonNode message : value) {
                String content = role.equals(message.path("role").asText()) ? content(message.path("content")) : null;
                text = content != null ? content : text;
            }
            if (text == null) {
                problems.add(line + ": '" + field + "' as messages needs one whose role is '" + role
                        + "' and whose content is a string or a list of text parts ([{\"type\": \"text\", \"text\": \"...\"}];"
                        + " an image or another kind of part cannot be read)");
            }
            return text == null ? null : checked(text, field, line, problems);
        }
        if (!value.isTextual()) {
            problems.add(line + ": '" + field + "' must be a non-empty string, or a list of chat messages");
            return null;
        }
        return checked(value.asText(), field, line, problems);
    }

    /**
     * A message's content: a string, or OpenAI's list of parts (as chat exports write it), its text parts joined by line
     * breaks as {@code /v1/chat/completions} reads them; null for anything else. A list holding another kind of part (an
     * image) is not read: the pair would teach a preference for a reply to only part of what the reviewer saw.
     */
    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray() || content.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                return null;
            }
            text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
        }
        return text.toString();
    }

    static String checked(String text, String field, Place line, List<String> problems) {
        if (!PlainText.showsSomething(text)) {
            problems.add(line + ": '" + field + "' must be a non-empty string, or a list of chat messages");
            return null;
        }
        if (PlainText.length(text) > PreferenceRows.MAX_TEXT_LENGTH) {
            problems.add(line + ": '" + field + "' is longer than " + PreferenceRows.MAX_TEXT_LENGTH + " characters");
            return null;
        }
        if (!JsonStrictness.storable(text)) {
            problems.add(line + ": '" + field + "' contains a NUL character or half of a surrogate pair");
            return null;
        }
        return text;
    }
}
