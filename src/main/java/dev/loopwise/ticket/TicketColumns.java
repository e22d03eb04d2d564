package dev.loopwise.ticket;

import dev.loopwise.common.FileMessages;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                        .filter(header -> folded(header).equals(name))).findFirst()
                .ifPresent(source -> sources.put(column, source)));
        return sources;
    }

    /**
     * What is wrong with a header (or, {@code row}, a JSON row's keys) naming a column twice, in any case and with any spaces
     * around it ({@code order_id,Order_ID}, {@code Catégorie,CATÉGORIE}), or null. Two copies would be kept side by side with
     * each ticket, or one read and the other kept unread, and which one holds the value meant cannot be told. Any letter
     * folds here, unlike in {@link #folded}: names that look alike to the eye are the ones mistaken for each other.
     */
    static String repeated(Collection<String> header, boolean row) {
        Map<String, String> seen = new HashMap<>();
        for (String name : header) {
            if (name.isBlank()) {
                continue;
            }
            String first = seen.putIfAbsent(
                    Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT), name);
            if (first != null) {
                return first.equals(name) ? FileMessages.repeatedColumn(name)
                        : FileMessages.repeatedColumn(first, name, readColumn(first), row);
            }
        }
        return null;
    }

    /** The column Loopwise reads a file's column as ({@code label} for {@code " Intent"}), or null when it reads none. */
    private static String readColumn(String header) {
        String folded = folded(header);
        return NAMES.entrySet().stream().filter(names -> names.getValue().contains(folded)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /**
     * The name stripped, ASCII letters in lower case. Only ASCII folds: equalsIgnoreCase would read a Kelvin sign as
     * {@code k} and a dotless i as {@code i}, taking a name no export writes by mistake for one Loopwise reads; such a name
     * stays as written, so it is kept with the ticket and listed as not read.
     */
    static String folded(String name) {
        String bare = name.strip();
        return bare.chars().allMatch(c -> c < 128) ? bare.toLowerCase(Locale.ROOT) : bare;
    }

    /** The other names of a column, for a message about a missing one: "utterance, utt, sentence, …". */
    static String otherNames(String column) {
        List<String> names = NAMES.get(column);
        return String.join(", ", names.subList(1, names.size()));
    }
}
