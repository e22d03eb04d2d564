package dev.loopwise.ticket;

import dev.loopwise.common.text.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An intent's row as the Intents page's form shows it: as stored, or as typed when saving it was refused (nothing typed is
 * lost). {@code storedName}: the name the intent has, which a refused rename shows beside the typed one.
 */
public record IntentFormRow(Long id, String name, String description, String storedName) {
    public IntentFormRow {
        // A refused form shows what was typed, less the characters it refused: an escape code echoed back shows as garbage.
        name = PlainText.withoutNotPlain(name);
        description = PlainText.withoutNotPlain(description);
    }

    IntentFormRow(Long id, String name, String description) {
        this(id, name, description, name);
    }

    /** The rows as the refused form sent them, so that nothing typed is lost. */
    static List<IntentFormRow> typed(List<Long> ids, List<String> names, List<String> descriptions) {
        if (ids == null || names == null || descriptions == null || ids.size() != names.size() || ids.size() != descriptions.size()) {
            return stored(null, null, null);
        }
        Map<Long, Intent> byId = new HashMap<>();
        Intent.<Intent>listAll().forEach(i -> byId.put(i.id, i));
        List<IntentFormRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Intent stored = byId.get(ids.get(i));
            if (stored != null) {
                rows.add(new IntentFormRow(stored.id, names.get(i), descriptions.get(i), stored.name));
            }
        }
        return rows;
    }

    static List<IntentFormRow> stored(Long typedId, String typedName, String typedDescription) {
        return Intent.listByName().stream().map(i -> i.id.equals(typedId) ? new IntentFormRow(i.id, typedName, typedDescription, i.name)
                : new IntentFormRow(i.id, i.name, i.description)).toList();
    }
}
