package dev.loopwise.ticket;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/**
 * The names of intents removed or merged into another, kept apart from the audit trail: its retention may delete the
 * entry of a removal, and a version that knew a long-gone intent would then be said to lack one it no longer needs.
 */
public final class RemovedIntents {
    private RemovedIntents() {
    }

    /**
     * Deletes {@code intent}, noting in the removal's own transaction that it went: under its name and the names it had
     * before a rename, since a version trained before the rename knows it by one of those. The names are read from its row,
     * so they are noted before the row goes.
     */
    static void delete(Intent intent) {
        Intent.getEntityManager().createNativeQuery("""
                insert into removed_intents (name, removed_at)
                select distinct n, now() from intents, unnest(array_append(former_names, name)) as u(n) where id = ?1
                on conflict (name) do update set removed_at = excluded.removed_at""")
                .setParameter(1, intent.id).executeUpdate();
        intent.delete();
    }

    /** Those of {@code names} no intent has now and whose intent was removed or merged into another. */
    public static List<String> among(List<String> names) {
        if (names.isEmpty()) {
            return names;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = Intent.getEntityManager().createNativeQuery("""
                    select l.name from unnest(cast(?1 as text[])) as l(name)
                    where not exists (select 1 from intents i where i.name = l.name)
                    and exists (select 1 from removed_intents r where r.name = l.name)""")
                    .setParameter(1, names.toArray(String[]::new)).getResultList();
            return rows.stream().map(String::valueOf).toList();
        });
    }
}
