package dev.loopwise.ticket;

import dev.loopwise.common.file.Place;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file's labels held against the workspace's intents before anything is imported. A label that matches an intent
 * ignoring case joins it; one that differs from an intent, or from another new label of the file, only in spaces,
 * underscores or hyphens ("Track Order" beside track_order) would make a second intent for the same request, and is
 * refused with the name to use.
 */
public final class ImportLabels {
    private ImportLabels() {
    }

    /** "Track Order", "track-order" and "TRACK_ORDER" fold to the same key. */
    public static String folded(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    /** A file's labels among themselves, where there are no intents yet (a file a command evaluates on). */
    public static List<String> problems(List<TicketRow> rows) {
        return problems(rows, List.of(), Set.of());
    }

    /** One sentence per row whose label cannot be taken, each starting "line N: ". */
    static List<String> problems(List<TicketRow> rows, Collection<Intent> intents, Set<Place> numberedLabels) {
        Set<String> known = new HashSet<>();
        Map<String, String> intentByFold = new HashMap<>();
        for (Intent intent : intents) {
            known.add(intent.name.toLowerCase(Locale.ROOT));
            intentByFold.putIfAbsent(folded(intent.name), intent.name);
        }
        Map<String, TicketRow> newByFold = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (TicketRow row : rows) {
            String where = row.line() + ": ";
            if (numberedLabels.contains(row.line())) {
                problems.add(where + "the label " + row.label() + " is a number, not an intent's name: write the name as a string"
                        + " (\"label\": \"track_order\"), or add the names in a label_text key");
                continue;
            }
            String label = row.label();
            if (label == null || !Intent.NAME.matcher(label).matches() || known.contains(label.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String fold = folded(label);
            String intent = intentByFold.get(fold);
            TicketRow earlier = newByFold.putIfAbsent(fold, row);
            if (intent != null) {
                problems.add(where + "the label '" + label + "' looks like the intent '" + intent + "': use that name, or rename"
                        + " the intent first");
            } else if (earlier != null && !earlier.label().equalsIgnoreCase(label)) {
                problems.add(where + "the label '" + label + "' looks like the label '" + earlier.label() + "' on " + earlier.line()
                        + ": use one name for both");
            }
        }
        return problems;
    }
}
