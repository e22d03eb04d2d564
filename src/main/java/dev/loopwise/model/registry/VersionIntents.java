package dev.loopwise.model.registry;

import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        List<String> gone = removed(lacking);
        return gone.isEmpty() ? lacking : lacking.stream().filter(name -> !gone.contains(name)).toList();
    }

    /** Those of {@code names} no intent has now, whose intent was removed or merged into another (the audit trail says which). */
    private static List<String> removed(List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = ModelVersion.getEntityManager().createNativeQuery("""
                    select l.name from unnest(cast(?1 as text[])) as l(name)
                    where not exists (select 1 from intents i where i.name = l.name)
                    and exists (select 1 from audit_events e where e.action in ('intent.remove', 'intent.merge')
                                and e.target = 'intent ' || l.name)""")
                    .setParameter(1, names.toArray(String[]::new)).getResultList();
            return rows.stream().map(String::valueOf).toList();
        });
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
