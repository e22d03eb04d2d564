package dev.loopwise.ticket;

import dev.loopwise.common.text.LikePattern;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
    /** Any run of white space, Unicode's included (a no-break space, an ideographic space), parts words. */
    private static final Pattern WORD_BREAK = Pattern.compile("(?U)\\s+");
    /** Spaces at either end, no-break ones too: String.strip() keeps U+00A0, which a pasted search often begins with. */
    private static final Pattern ENDS = Pattern.compile("(?U)^\\s+|\\s+$");
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
        String words = trimmed(text);
        return text.codePointCount(0, text.length()) > MAX_CHARACTERS
                || !words.isEmpty() && WORD_BREAK.split(words).length > MAX_WORDS;
    }

    /** The search text without spaces of any kind at its ends, as it is counted and looked for. */
    public static String trimmed(String text) {
        return ENDS.matcher(text).replaceAll("");
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
     * help a text whose trigrams are all common: every ticket holding them is read and tested, so the rest may take only
     * what is left of {@code rest}, and past that {@link TimedOut} is thrown. A text without three letters
     * or digits in a row has no trigram to look up, and without the index there is nothing to look up in: then, as with
     * {@code rest} null, only the window is searched, since walking on below it would read every ticket of the history for
     * a rare text ({@link Ticket#searchesAll} says which; {@link Ticket#nearbyEdgeBelow} is where such a search continues).
     */
    static List<Ticket> searched(boolean newestFirst, Long from, int skip, int size, boolean unlabelledOnly, String text,
            RestTime rest) {
        String order = newestFirst ? " desc" : " asc";
        Map<String, Object> bound = Ticket.idBound(from == null ? null : newestFirst ? "t.id < :id" : "t.id > :id", from);
        Long edge = Ticket.windowEdge(unlabelledOnly, bound, order);
        Map<String, Object> window = new LinkedHashMap<>(bound);
        if (edge != null) {
            window.put(newestFirst ? "t.id >= :edge" : "t.id <= :edge", edge);
        }
        List<Ticket> near = Ticket.listing(unlabelledOnly, window, text, TEXT_WALKED, "t.id" + order)
                .range(0, skip + size - 1).list();
        if (edge == null || near.size() == skip + size || rest == null || !Ticket.searchesAll(text)) {
            return near.subList(Math.min(skip, near.size()), near.size());
        }
        int restSkip = Math.max(0, skip - near.size());
        List<Long> ids = restIds(newestFirst, edge, restSkip, skip + size - near.size() - restSkip, unlabelledOnly, text,
                rest);
        // Read back by id alone: a ticket labelled since the ids were found must not shorten the page, which would read as
        // the end of the list.
        List<Ticket> past = ids.isEmpty() ? List.of()
                : Ticket.listing(false, Map.of("t.id in :ids", ids), null, null, "t.id" + order).list();
        List<Ticket> found = new ArrayList<>(near.subList(Math.min(skip, near.size()), near.size()));
        found.addAll(past);
        return found;
    }

    /**
     * The ids of the rest's matches past {@code edge}, asked in a transaction of their own with statement_timeout set for
     * it alone, over JDBC: a cancelled statement aborts the transaction it runs in, so the caller's (if any) goes on
     * untouched, and a cancellation is an answer here, not a failure for Hibernate to log as one.
     */
    private static List<Long> restIds(boolean newestFirst, long edge, int skip, int count, boolean unlabelledOnly, String text,
            RestTime time) {
        int ms = time.remainingMs();
        if (ms < 1) {
            throw new TimedOut(); // an earlier search of this page used the time up
        }
        String sql = "select t.id from tickets t where " + (unlabelledOnly ? "t.intent_id is null and " : "") + "t.id "
                + (newestFirst ? "<" : ">") + " ? and t.text ilike ? escape '" + LikePattern.ESCAPE + "' order by t.id + 0"
                + (newestFirst ? " desc" : " asc") + " offset ? limit ?";
        long started = System.nanoTime();
        try {
            // The session of the new transaction, and so its connection: unwrapped inside it.
            return QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager().unwrap(Session.class)
                    .doReturningWork(connection -> ids(connection, sql, ms, edge, LikePattern.containing(text), skip, count)));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimedOut timedOut) {
                    throw timedOut; // the transaction is rolled back, ending the timeout with it
                }
            }
            throw e;
        } finally {
            time.spend(System.nanoTime() - started);
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
                throw new TimedOut();
            }
            throw e;
        }
    }

    /**
     * The time the searches past the window may still take, for one page together: a page may ask the rest up to three
     * times (its cursor, its tickets, whether an Older page follows), and {@link TicketSearchConfig#restMs()} bounds their
     * sum. Only their own time counts; the window's reads are bounded by its size.
     */
    public static final class RestTime {
        private long leftNanos;

        private RestTime(long leftNanos) {
            this.leftNanos = leftNanos;
        }

        /** {@code ms}: {@link TicketSearchConfig#restMs()}. */
        public static RestTime of(int ms) {
            return new RestTime(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        /** Whole milliseconds left, at least 1 while any is: statement_timeout takes milliseconds, and 0 there is no bound. */
        int remainingMs() {
            return leftNanos <= 0 ? 0 : (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos));
        }

        void spend(long nanos) {
            leftNanos -= nanos;
        }
    }

    /**
     * The search past the tickets next to the page took longer than {@link TicketSearchConfig#restMs()} (for one page, all
     * its searches past the window together) and was stopped.
     */
    public static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("the search past the tickets next to the page was stopped at its time limit", null, false, false);
        }
    }
}
