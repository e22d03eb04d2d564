package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The columns of an exported row as TRL's dataset formats define them, checked as a trainer would read them. */
final class ExportRows {
    private ExportRows() {
    }

    /** The row's keys in the order written. */
    static List<String> fields(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A list of messages each exactly {"role","content"}, non-empty text, with these roles in this order. */
    static void assertTurns(JsonNode messages, List<String> roles, String line) {
        assertTrue(messages != null && messages.isArray(), "a list of messages: " + line);
        List<String> found = new ArrayList<>();
        for (JsonNode message : messages) {
            assertEquals(List.of("role", "content"), fields(message), line);
            assertTrue(message.get("role").isTextual() && message.get("content").isTextual()
                    && !message.get("content").asText().isBlank(), line);
            found.add(message.get("role").asText());
        }
        assertEquals(roles, found, line);
    }
}
