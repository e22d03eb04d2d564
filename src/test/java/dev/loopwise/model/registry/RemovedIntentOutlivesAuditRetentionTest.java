package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.ticket.WorkspaceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An intent removed, merged into another, or removed after a rename is still known to be gone once the audit trail's
 * retention has deleted the entries of those removals: a version that knew it is not said to lack it. One made again under
 * a removed name is an intent again, which a version without it lacks.
 */
@QuarkusTest
class RemovedIntentOutlivesAuditRetentionTest {
    @Inject
    WorkspaceService workspace;
    @Inject
    EntityManager em;

    @Test
    void removedMergedAndRenamedThenRemovedIntentsStayGoneAfterTheirAuditEntriesAre() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String removed = "gone_" + tag;
        String merged = "merged_" + tag;
        String into = "kept_" + tag;
        String before = "before_" + tag;
        String after = "after_" + tag;
        List<String> names = List.of(removed, merged, into, before, after);
        try {
            for (String name : List.of(removed, merged, into, before)) {
                workspace.saveIntent(null, name, "An intent of this test");
            }
            ModelVersion older = version(1, "retired", 0.90, 200);
            older.activatedAt = OffsetDateTime.now().minusDays(1);
            older.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", into, before, merged, removed, "oos")));
            ModelVersion active = version(2, "active", 0.90, 200);
            active.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", into, "oos")));
            assertEquals(List.of(before, merged, removed), VersionIntents.missing(active, older), "each still exists");

            Long renamed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select id from intents where name = ?1").setParameter(1, before).getSingleResult()).longValue());
            workspace.saveIntent(renamed, after, "An intent of this test");
            workspace.removeIntent(removed, null);
            workspace.removeIntent(merged, into);
            workspace.removeIntent(after, null);
            // The retention deletes entries by age alone, whoever wrote them: this test's entries go as it would delete them,
            // and no other entry of the shared trail with them.
            assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    with gone as (delete from audit_events where target = any(cast(?1 as text[])) returning action)
                    select count(*) from gone where action in ('intent.remove', 'intent.merge')""")
                    .setParameter(1, names.stream().map(name -> "intent " + name).toArray(String[]::new)).getSingleResult()).longValue()),
                    "the trail no longer holds the two removals and the merge");

            older.lineage = new LinkedHashMap<>(older.lineage); // read again, as a page after the removals does
            assertEquals(List.of(), VersionIntents.missing(active, older));
            String said = VersionComparison.compare(older, active);
            assertTrue(names.stream().noneMatch(said::contains) && said.contains("too close to call"), said);

            // An intent made again under a removed name is an intent the active version does not know.
            workspace.saveIntent(null, removed, "An intent of this test, made again");
            older.lineage = new LinkedHashMap<>(older.lineage);
            assertEquals(List.of(removed), VersionIntents.missing(active, older));
        } finally {
            sql("delete from removed_intents where name = any(cast(?1 as text[]))", names.toArray(String[]::new));
            sql("delete from intents where name = any(cast(?1 as text[]))", names.toArray(String[]::new));
            sql("delete from audit_events where target = any(cast(?1 as text[]))", names.stream().map(name -> "intent " + name)
                    .toArray(String[]::new));
        }
    }

    private void sql(String statement, String[] names) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter(1, names).executeUpdate());
    }
}
