package dev.loopwise.common.db;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts of growing tables, kept by database triggers (migrations V43, V46): a page shows how many tickets, versions or
 * articles there are without counting them, so its cost stays the same however many there are. Exact for what is committed,
 * plus what the reading transaction itself wrote.
 */
public final class RowCounts {
    public static final String TICKETS = "tickets";
    public static final String MODEL_VERSIONS = "model_versions";
    public static final String KNOWLEDGE_ARTICLES = "knowledge_articles";
    /** Keyed by model version. */
    public static final String DRIFT_REPORTS = "drift_reports";
    /** Keyed by model version. */
    public static final String DRIFT_ALERTS = "drift_alerts";
    public static final String ALIGNMENT_ROUNDS = "alignment_rounds";
    public static final String MONITORING_ACTIONS = "monitoring_actions";
    public static final String MODEL_ACTIVATIONS = "model_activations";

    private RowCounts() {
    }

    /** The count per key (for tickets: per intent id, 0 for those without one); keys with no rows are left out. */
    public static Map<Long, Long> byKey(String counted) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select key, sum(n) from (select key, rows as n from row_counts where counted = ?1
                                         union all select key, delta from row_count_deltas where counted = ?1) c
                group by key having sum(n) > 0""").setParameter(1, counted).getResultList();
        Map<Long, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /** The count for one key. */
    public static long of(String counted, long key) {
        return ((Number) Panache.getEntityManager().createNativeQuery("""
                select coalesce(sum(n), 0) from (select rows as n from row_counts where counted = ?1 and key = ?2
                                                 union all select delta from row_count_deltas where counted = ?1 and key = ?2) c""")
                .setParameter(1, counted).setParameter(2, key).getSingleResult()).longValue();
    }

    /** All rows of the table. */
    public static long total(String counted) {
        return byKey(counted).values().stream().mapToLong(Long::longValue).sum();
    }
}
