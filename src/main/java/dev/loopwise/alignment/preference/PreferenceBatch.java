package dev.loopwise.alignment.preference;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/**
 * An import's pairs, sent to PostgreSQL a thousand at a time in the import's own transaction (so a file stays all or
 * nothing). Written one statement per pair, 100,000 pairs were 100,000 round trips and took minutes. Each chunk goes as
 * one statement over arrays, rather than a JDBC batch, because the import must count what it stored: a pair already
 * stored is skipped by the unique hash, and the driver's {@code reWriteBatchedInserts} reports no count per row of a
 * rewritten batch. The rows are inserted in the file's order, so their ids run as they did one by one.
 */
final class PreferenceBatch {
    static final int SIZE = 1000;
    private static final String INSERT = "insert into imported_preferences (prompt, chosen, rejected, margin, batch, created_by, pair_hash)"
            + " select p, c, r, m, ?, ?, h from unnest(?::text[], ?::text[], ?::text[], ?::real[], ?::text[]) with ordinality"
            + " as t(p, c, r, m, h, n) order by n on conflict (pair_hash) do nothing";

    /** One pair to store, {@code hash} its key ({@link PreferenceImport}'s, with its copy number in the file). */
    record Write(String prompt, String chosen, String rejected, Double margin, String hash) {
    }

    private PreferenceBatch() {
    }

    /** Stores the pairs not stored yet and says how many that was. */
    static int write(EntityManager em, List<Write> pairs, String batch, String user) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            int stored = 0;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int from = 0; from < pairs.size(); from += SIZE) {
                    stored += chunk(connection, insert, pairs.subList(from, Math.min(pairs.size(), from + SIZE)), batch, user);
                }
            }
            return stored;
        });
    }

    private static int chunk(Connection connection, PreparedStatement insert, List<Write> pairs, String batch, String user)
            throws SQLException {
        int n = pairs.size();
        String[] prompts = new String[n];
        String[] chosen = new String[n];
        String[] rejected = new String[n];
        Float[] margins = new Float[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Write pair = pairs.get(i);
            prompts[i] = pair.prompt();
            chosen[i] = pair.chosen();
            rejected[i] = pair.rejected();
            margins[i] = pair.margin() == null ? null : pair.margin().floatValue();
            hashes[i] = pair.hash();
        }
        insert.setString(1, batch);
        insert.setString(2, user);
        insert.setArray(3, connection.createArrayOf("text", prompts));
        insert.setArray(4, connection.createArrayOf("text", chosen));
        insert.setArray(5, connection.createArrayOf("text", rejected));
        insert.setArray(6, connection.createArrayOf("float4", margins));
        insert.setArray(7, connection.createArrayOf("text", hashes));
        return insert.executeUpdate();
    }
}
