package dev.loopwise.ticket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intents by the names they had. A trained version knows each intent by the name it had at training time; after a
 * rename it must still find that intent's replies and report it under the name the team sees now, or every ticket of
 * the renamed intent would be handed over (no reply carries the old name) until the next training.
 */
public final class IntentNames {
    private IntentNames() {
    }

    /**
     * Each name as the intent is called now: unchanged when an intent has that name (or none ever had it), else the
     * current name of the intent that had it before a rename.
     */
    public static List<String> current(List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        Map<String, String> renamed = QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, String> found = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Intent.getEntityManager().createNativeQuery("""
                    select l.name, (select i.name from intents i where l.name = any(i.former_names) order by i.updated_at desc limit 1)
                    from unnest(cast(?1 as text[])) as l(name)
                    where not exists (select 1 from intents i where i.name = l.name)""")
                    .setParameter(1, names.toArray(String[]::new)).getResultList();
            rows.stream().filter(r -> r[1] != null).forEach(r -> found.put((String) r[0], (String) r[1]));
            return found;
        });
        return renamed.isEmpty() ? names : names.stream().map(name -> renamed.getOrDefault(name, name)).toList();
    }

    /** The names each intent had before, by intent id (for imports of files labelled before a rename). */
    static Map<Long, List<String>> former() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Intent.getEntityManager().createNativeQuery(
                "select id, cast(former_names as text[]) from intents where cardinality(former_names) > 0").getResultList();
        Map<Long, List<String>> out = new HashMap<>();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), List.of((String[]) r[1])));
        return out;
    }

    /** Records a rename: the old name joins the former ones, and the new one leaves them (a rename back). */
    static void renamed(long intentId, String from, String to) {
        Intent.getEntityManager().createNativeQuery("""
                update intents set former_names = array_append(array_remove(array_remove(former_names, ?2), ?3), ?2) where id = ?1""")
                .setParameter(1, intentId).setParameter(2, from).setParameter(3, to).executeUpdate();
    }

    /** The current name of the intent, other than {@code intentId}, that had a look-alike of this name before a rename. */
    static String formerOwner(Long intentId, String folded) {
        for (var entry : former().entrySet()) {
            if (!entry.getKey().equals(intentId) && entry.getValue().stream().anyMatch(name -> ImportLabels.folded(name).equals(folded))) {
                return Intent.<Intent>findById(entry.getKey()).name;
            }
        }
        return null;
    }
}
