package dev.loopwise.ticket;

import dev.loopwise.common.text.LikePattern;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The search of the tickets' text: the tickets next to the page first, then the rest through the trigram index, in a
 * bounded time.
 */
public final class TicketTextSearch {
    /** Longest search text: a page's search is a word or a few, and each character adds trigrams to look up and test. */
    public static final int MAX_CHARACTERS = 200;
    /** Most words in a search text, for the same reason. */
    public static final int MAX_WORDS = 20;
    /** PostgreSQL's SQLSTATE for a statement cancelled, here by statement_timeout. */
    private static final String CANCELLED = "57014";
    /**
     * The text test of the window, which no index can serve: the same matches as ILIKE (which in a UTF-8 database lowers
     * both sides the same way), read ticket by ticket along the ids. Only for a bounded range: the planner cannot
     * estimate how many tickets it keeps, and over a whole table it would then read them all and sort.
     */
    static final String TEXT_WALKED = "lower(t.text) like lower(:pattern) escape '" + LikePattern.ESCAPE + "'";

    private TicketTextSearch() {
    }

    /** Whether a search text is longer than a search may be ({@link #MAX_CHARACTERS}, {@link #MAX_WORDS}). */
    public static boolean tooLong(String text) {
        return text.length() > MAX_CHARACTERS || text.strip().split("\\s+").length > MAX_WORDS;
    }

    /**
     * The tickets holding {@code text}, in two steps so that neither a common nor a rare text reads every ticket. First the
     * {@link Ticket#NEARBY} tickets next to {@code from} are read in order and tested: a common word fills the page there.
     * That test is written so that no index on the text can serve it ({@link #TEXT_WALKED}): for a text whose trigrams are
     * all common ("the the") the planner would otherwise take the trigram index over the whole table instead of these few
     * tickets. Only when they hold too few does the rest follow, ordered by {@code t.id + 0} so that PostgreSQL cannot walk
     * the key through every ticket and must find the matches through the trigram index tickets_text_trgm_idx (migration
     * V58) and sort just those. One query would leave that choice to the planner, and the driver prepares the statement
     * once for every search: after a few common words its one plan walked all tickets for a rare one. The index does not
     * help a text whose trigrams are all common: every ticket holding them is read and tested, so the rest may take
     * {@link TicketSearchConfig#restMs()} at most, and past that {@link TooCommon} is thrown. A text without three letters
     * or digits in a row has no trigram to look up, and without the index there is nothing to look up in: then, as with
     * {@code nearbyOnly}, only the window is searched, since walking on below it would read every ticket of the history for
     * a rare text ({@link Ticket#searchesAll} says which; {@link Ticket#nearbyEdgeBelow} is where such a search continues).
     */
    static List<Ticket> searched(boolean newestFirst, Long from, int skip, int size, boolean unlabelledOnly, String text,
            boolean nearbyOnly) {
        String order = newestFirst ? " desc" : " asc";
        Map<String, Object> bound = Ticket.idBound(from == null ? null : newestFirst ? "t.id < :id" : "t.id > :id", from);
        Long edge = Ticket.windowEdge(unlabelledOnly, bound, order);
        Map<String, Object> window = new LinkedHashMap<>(bound);
        if (edge != null) {
            window.put(newestFirst ? "t.id >= :edge" : "t.id <= :edge", edge);
        }
        List<Ticket> near = Ticket.listing(unlabelledOnly, window, text, TEXT_WALKED, "t.id" + order)
                .range(0, skip + size - 1).list();
        if (edge == null || near.size() == skip + size || nearbyOnly || !Ticket.searchesAll(text)) {
            return near.subList(Math.min(skip, near.size()), near.size());
        }
        int restSkip = Math.max(0, skip - near.size());
        List<Long> ids = restIds(newestFirst, edge, restSkip, skip + size - near.size() - restSkip, unlabelledOnly, text);
        List<Ticket> rest = ids.isEmpty() ? List.of()
                : Ticket.listing(unlabelledOnly, Map.of("t.id in :ids", ids), null, null, "t.id" + order).list();
        List<Ticket> found = new ArrayList<>(near.subList(Math.min(skip, near.size()), near.size()));
        found.addAll(rest);
        return found;
    }

    /**
     * The ids of the rest's matches past {@code edge}, asked in a transaction of their own with statement_timeout set for
     * it alone, over JDBC: a cancelled statement aborts the transaction it runs in, so the caller's (if any) goes on
     * untouched, and a cancellation is an answer here, not a failure for Hibernate to log as one.
     */
    private static List<Long> restIds(boolean newestFirst, long edge, int skip, int count, boolean unlabelledOnly, String text) {
        String sql = "select t.id from tickets t where " + (unlabelledOnly ? "t.intent_id is null and " : "") + "t.id "
                + (newestFirst ? "<" : ">") + " ? and t.text ilike ? escape '" + LikePattern.ESCAPE + "' order by t.id + 0"
                + (newestFirst ? " desc" : " asc") + " offset ? limit ?";
        int ms = Arc.container().instance(Bound.class).get().config.restMs();
        try {
            // The session of the new transaction, and so its connection: unwrapped inside it.
            return QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager().unwrap(Session.class)
                    .doReturningWork(connection -> ids(connection, sql, ms, edge, LikePattern.containing(text), skip, count)));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooCommon tooCommon) {
                    throw tooCommon; // the transaction is rolled back, ending the timeout with it
                }
            }
            throw e;
        }
    }

    private static List<Long> ids(Connection connection, String sql, int ms, long edge, String pattern, int skip, int count)
            throws SQLException {
        try (PreparedStatement timeout = connection.prepareStatement("select set_config('statement_timeout', ?, true)");
             PreparedStatement rest = connection.prepareStatement(sql)) {
            timeout.setString(1, ms + "ms");
            timeout.execute();
            rest.setLong(1, edge);
            rest.setString(2, pattern);
            rest.setInt(3, skip);
            rest.setInt(4, count);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = rest.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            if (CANCELLED.equals(e.getSQLState())) {
                throw new TooCommon();
            }
            throw e;
        }
    }

    /** The setting, for this static code: ArC removes a config mapping that no bean injects, so one that stays does. */
    @Singleton
    @Unremovable
    static class Bound {
        @Inject
        TicketSearchConfig config;
    }

    /** The rest of a search took longer than {@link TicketSearchConfig#restMs()}: its words are in very many tickets. */
    public static final class TooCommon extends RuntimeException {
        TooCommon() {
            super("the search past the tickets next to the page was cancelled", null, false, false);
        }
    }
}
