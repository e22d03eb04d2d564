package dev.loopwise.model.registry;

import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.ticket.RemovedIntents;
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
        List<String> lacking = known.stream().filter(name -> !theirs.contains(name) && !name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).toList();
        // An intent merged or removed since no longer exists: no ticket of it comes in, and no training learns it again.
        List<String> gone = RemovedIntents.among(lacking);
        return gone.isEmpty() ? lacking : lacking.stream().filter(name -> !gone.contains(name)).toList();
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

    public static String listed(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
