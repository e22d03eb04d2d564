package dev.loopwise.ticket;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns Loopwise reads from a ticket file, under the names public data sets and helpdesk exports give them: for
 * each, the first name on its list that the file has is read ({@code label_text} before {@code label}, because data
 * set exports that have both keep the intent's name there and a number in {@code label}).
 */
final class TicketColumns {
    static final Map<String, List<String>> NAMES = names();

    private TicketColumns() {
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("text", List.of("text", "utterance", "utt", "sentence", "query", "question", "message", "ticket", "instruction"));
        names.put("label", List.of("label_text", "label", "intent", "category", "intent_name"));
        names.put("response", List.of("response", "reply", "answer", "agent_response"));
        names.put("split", List.of("split", "partition"));
        return names;
    }

    /** Which column of the file each column Loopwise reads comes from (absent when the file has none of its names). */
    static Map<String, String> sources(Collection<String> present) {
        Map<String, String> sources = new LinkedHashMap<>();
        // Exports capitalise headers as they like ("Text", "LABEL"): a name matches ignoring case and spaces around it.
        NAMES.forEach((column, names) -> names.stream().flatMap(name -> present.stream()
                        .filter(header -> header.strip().equalsIgnoreCase(name))).findFirst()
                .ifPresent(source -> sources.put(column, source)));
        return sources;
    }

    /** The name Loopwise reads a column under ({@code text} for {@code " Text"}), or the column's own name when it reads none. */
    static String readAs(String header) {
        return NAMES.values().stream().flatMap(List::stream).filter(name -> header.strip().equalsIgnoreCase(name)).findFirst()
                .orElse(header);
    }

    /** The other names of a column, for a message about a missing one: "utterance, utt, sentence, …". */
    static String otherNames(String column) {
        List<String> names = NAMES.get(column);
        return String.join(", ", names.subList(1, names.size()));
    }
}
