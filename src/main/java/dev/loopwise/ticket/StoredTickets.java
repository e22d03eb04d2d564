package dev.loopwise.ticket;

import dev.loopwise.common.text.Hashing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tickets of an import file that the workspace holds already, by text hash, with their intent: a file may label
 * tickets stored without one (a lead labelling exported traffic in a spreadsheet), but never silently change a label.
 */
final class StoredTickets {
    private static final int HASH_LOOKUP = 1_000;

    /** {@code intent}: the stored ticket's intent, null when it has none yet. */
    record Stored(long id, String intent) {
    }

    private StoredTickets() {
    }

    /** Looked up in slices of the file's hashes, never by reading every ticket. */
    static Map<String, Stored> of(List<TicketRow> rows) {
        List<String> hashes = rows.stream().filter(r -> r.text() != null).map(r -> Hashing.sha256Hex(r.text())).distinct().toList();
        Map<String, Stored> found = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += HASH_LOOKUP) {
            Ticket.getEntityManager().createQuery("select t.textHash, t.id, i.name from Ticket t left join t.intent i"
                            + " where t.textHash in :hashes", Object[].class)
                    .setParameter("hashes", hashes.subList(from, Math.min(hashes.size(), from + HASH_LOOKUP))).getResultList()
                    .forEach(row -> found.put((String) row[0], new Stored((Long) row[1], (String) row[2])));
        }
        return found;
    }
}
