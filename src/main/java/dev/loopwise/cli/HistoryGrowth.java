package dev.loopwise.cli;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Grows a database's history in SQL (generate_series, seconds rather than hours): served requests spread
 * over the past year, review items made from them, and judgements on those items — a quarter of the items
 * overlap items with three votes, the rest two votes and, one in three, a skip — by the given reviewers,
 * who mostly agree. Everything is dated before now, so the newest traffic stays the newest.
 */
final class HistoryGrowth {
    private static final String SHA = "encode(sha256(convert_to(%s, 'UTF8')), 'hex')";

    private final AgroalDataSource dataSource;

    HistoryGrowth(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Sizes(long requests, long items, long judgements) {
    }

    /** How many requests the database already holds (a grown one is refused: its baseline would be wrong). */
    long requests() throws SQLException {
        return single("select count(*) from served_requests");
    }

    /**
     * Adds about {@code scale} × (2,000,000 requests, 200,000 items, 500,000 judgements), their texts marked with
     * {@code tag} so that a second growth adds new ones, spread over the past year; returns what it added.
     */
    Sizes grow(double scale, String tag, int version, List<Long> reviewers) throws SQLException {
        return grow(scale, tag, version, reviewers, Duration.ofDays(365));
    }

    /** The same, spread over the past {@code span}. */
    Sizes grow(double scale, String tag, int version, List<Long> reviewers, Duration span) throws SQLException {
        long seconds = span.toSeconds();
        long requests = Math.round(2_000_000 * scale);
        long distinct = Math.max(1, Math.round(500_000 * scale));
        long items = Math.min(distinct, Math.round(200_000 * scale));
        long reply1 = single("select min(id) from replies where status = 'active'");
        long reply2 = single("select max(id) from replies where status = 'active'");
        // Texts as long as real tickets: the demo's unlabelled tickets, numbered so that each is new.
        String texts = "(select array_agg(text order by id) from tickets where intent_id is null)";
        String text = "(t.texts[1 + (g % " + distinct + ") % array_length(t.texts, 1)] || ' #" + tag + "' || (g % " + distinct + "))";
        execute("""
                insert into served_requests (id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, reply_text,
                    model_version, latency_ms, caller, created_at)
                select gen_random_uuid(), case when g %% 10 = 0 then 'classify' else 'respond' end, %s, %s, null, 0.9, false, %d,
                    'bench reply', %d, 20, 'bench', now() - interval '1 hour' - interval '1 second' * ((%d - g) * (%d.0 / %d))
                from generate_series(1, %d) g, %s""".formatted(text, SHA.formatted(text), reply1, version, requests, seconds, requests, requests,
                texts + " t(texts)"));
        long firstItem = single("select coalesce(max(id), 0) from review_items") + 1;
        String itemText = "(t.texts[1 + g % array_length(t.texts, 1)] || ' #" + tag + "' || g)";
        execute("""
                insert into review_items (ticket_text, ticket_hash, source, predicted_intent, reply1_id, reply2_id, reply1_text,
                    reply2_text, strategy, model_version, kind, required_judgements, judgements, status, created_at)
                select %s, %s, 'request', null, %d, %d, 'bench reply one', 'bench reply two', 'top2', %d,
                    case when g %% 4 = 0 then 'overlap' else 'regular' end, case when g %% 4 = 0 then 3 else 2 end,
                    case when g %% 4 = 0 then 3 else 2 end, 'complete',
                    now() - interval '2 hours' - interval '1 second' * ((%d - g) * (%d.0 / %d))
                from generate_series(1, %d) g, %s""".formatted(itemText, SHA.formatted(itemText), reply1, reply2, version, items, seconds, items, items,
                texts + " t(texts)"));
        String ids = reviewers.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        // Each item's votes come from distinct reviewers (offsets 0, 7, 14 among at least 15); a vote follows the
        // item's own answer three times in four.
        execute("""
                insert into judgements (item_id, reviewer_id, choice, swapped, skip_reason, duration_ms, created_at)
                select i.id, (array[%s])[1 + ((i.n + v.k * 7) %% %d)],
                       case when i.kind = 'regular' and v.k = 2 then 'skip'
                            else (array['1', '2', 'tie', 'both_bad'])[1 + case when abs(hashtext(i.n || ':' || v.k)) %% 100 < 75
                                 then (i.n * 31) %% 4 else abs(hashtext(i.n || '/' || v.k)) %% 4 end] end,
                       false, case when i.kind = 'regular' and v.k = 2 then 'Not sure' end,
                       2000 + abs(hashtext(i.n || '.' || v.k)) %% 20000, i.created_at + v.k * interval '1 minute'
                from (select id, id - %d as n, kind, created_at from review_items where id >= %d) i
                cross join generate_series(0, 2) v(k)
                where v.k < 2 or i.kind = 'overlap' or (i.id - %d) %% 3 = 0""".formatted(ids, reviewers.size(), firstItem, firstItem,
                firstItem));
        long judgements = single("select count(*) from judgements j where j.item_id >= " + firstItem);
        return new Sizes(requests, items, judgements);
    }

    /** Fresh statistics and visibility maps, as autovacuum would leave them after a load like this one. */
    void vacuum() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : List.of("served_requests", "review_items", "judgements", "review_leases")) {
                s.execute("vacuum analyze " + table);
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
