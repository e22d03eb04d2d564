package dev.loopwise.model.registry;

import java.util.List;

/** The intents a version learned, read from its lineage, to tell what one version answers and another cannot. */
public final class VersionIntents {
    private VersionIntents() {
    }

    /** Intents {@code knowing} learned and {@code other} did not (the out-of-scope label aside), by name. */
    public static List<String> missing(ModelVersion other, ModelVersion knowing) {
        List<String> known = knowing.learnedIntents();
        List<String> theirs = other.learnedIntents();
        if (known.isEmpty() || theirs.isEmpty()) {
            return List.of(); // an older version without the list: nothing to say
        }
        return known.stream().filter(name -> !theirs.contains(name) && !name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).toList();
    }

    /**
     * How many of the version's held-out tickets now carry one of {@code intents}: 0 means its figures say nothing of
     * how well it answers them; null when the version did not record its held-out tickets.
     */
    static Long heldOutOf(ModelVersion version, List<String> intents) {
        Object ids = version.lineage == null ? null : version.lineage.get("testTicketIds");
        if (!(ids instanceof List<?> list) || intents.isEmpty()) {
            return null;
        }
        Long[] ticketIds = list.stream().map(id -> ((Number) id).longValue()).toArray(Long[]::new);
        return ((Number) ModelVersion.getEntityManager().createNativeQuery("""
                select count(*) from tickets t join intents i on i.id = t.intent_id
                where t.id = any(cast(?1 as bigint[])) and i.name = any(cast(?2 as text[]))""")
                .setParameter(1, ticketIds).setParameter(2, intents.toArray(String[]::new)).getSingleResult()).longValue();
    }

    /**
     * Of {@code names} (intents {@code version} did not learn by that name), those renamed since from a name it learned: a
     * rename keeps the intent and its tickets, and the version still answers them with their replies. Read from the audit
     * trail's renames (written with each rename), following a name back through several.
     */
    public static List<String> renamedSinceLearned(ModelVersion version, List<String> names) {
        List<String> learned = version.learnedIntents();
        if (names.isEmpty() || learned.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, String> origin = new java.util.LinkedHashMap<>(); // an earlier name -> the name asked about
        names.forEach(name -> origin.put(name, name));
        List<String> found = new java.util.ArrayList<>();
        for (int hop = 0; hop < 10 && !origin.isEmpty(); hop++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = ModelVersion.getEntityManager().createNativeQuery("""
                    select substring(target from 8), details->>'renamedFrom' from audit_events
                    where action = 'intent.edit' and details->>'renamedFrom' is not null and target = any(cast(?1 as text[])) order by id desc""")
                    .setParameter(1, origin.keySet().stream().map(name -> "intent " + name).toArray(String[]::new)).getResultList();
            java.util.Map<String, String> earlier = new java.util.LinkedHashMap<>();
            for (Object[] row : rows) {
                String asked = origin.get((String) row[0]);
                String before = (String) row[1];
                if (asked == null || found.contains(asked)) {
                    continue;
                }
                if (learned.contains(before)) {
                    found.add(asked);
                } else {
                    earlier.putIfAbsent(before, asked);
                }
            }
            origin.clear();
            earlier.forEach((before, asked) -> {
                if (!found.contains(asked)) {
                    origin.put(before, asked);
                }
            });
        }
        return names.stream().filter(found::contains).toList();
    }

    public static String listed(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
