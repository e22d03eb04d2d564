package dev.loopwise.ticket;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.common.text.LikePattern;
import dev.loopwise.common.db.IdentityEntity;
import dev.loopwise.common.db.RowCounts;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer message: labelled (with an intent, maybe the agent's reply) or not, imported or seen in traffic. */
@Entity
@Table(name = "tickets")
public class Ticket extends IdentityEntity {
    public static final String SOURCE_IMPORT = "import";
    public static final String SOURCE_DEMO = "demo";
    public static final String SOURCE_TRAFFIC = "traffic";
    /** The key under which the tickets without an intent are counted (intent ids start at 1). */
    private static final long UNLABELLED_KEY = 0L;
    /**
     * How many tickets next to a page a search tests before it turns to the trigram index: a few milliseconds of reading
     * (BENCHMARKS.md), enough for a text in one ticket of 200 to fill a page of 50; a rarer text is found through the index
     * among at most about as few of all the tickets. A text the index cannot look up is searched among these alone.
     */
    public static final int NEARBY = 10_000;
    /** Three letters or digits in a row: a text with them has trigrams the index can look up. */
    private static final Pattern TRIGRAM_WORD = Pattern.compile("[\\p{L}\\p{N}]{3}");
    public String text;

    @Column(name = "text_hash")
    public String textHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "intent_id")
    public Intent intent;

    public String response;
    public String split;
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> metadata = new LinkedHashMap<>();

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /**
     * The held-out split of a labelled ticket that came without one: a fifth of tickets, chosen by a hash
     * of the text so that the same ticket lands on the same side in every import and every run.
     */
    public static String defaultSplit(String text) {
        return Integer.parseInt(Hashing.sha256Hex(text).substring(0, 2), 16) % 5 == 0 ? "test" : "train";
    }

    public static Ticket of(String text, Intent intent, String response, String split, String source) {
        Ticket ticket = new Ticket();
        ticket.text = text;
        ticket.textHash = Hashing.sha256Hex(text);
        ticket.intent = intent;
        ticket.response = response;
        ticket.split = split;
        ticket.source = source;
        return ticket;
    }

    public static List<Ticket> newestFirst(int pageIndex, int pageSize) {
        return newestFirst(null, (long) pageIndex * pageSize, pageSize, false);
    }

    /**
     * Newest first: {@code size} tickets with an id below {@code before} (null: from the newest), after skipping {@code offset}.
     * With a cursor and no offset PostgreSQL reads only the rows returned: the primary key, or for the unlabelled ones the
     * partial index tickets_unlabelled_idx, is walked downwards from {@code before}.
     *
     * @param unlabelledOnly only tickets without an intent (the ones waiting to be labelled)
     */
    public static List<Ticket> newestFirst(Long before, long offset, int size, boolean unlabelledOnly) {
        return newestFirst(before, offset, size, unlabelledOnly, null, null);
    }

    /**
     * As {@link #newestFirst(Long, long, int, boolean)}, only the tickets whose text holds {@code contains} (ignoring case;
     * null or blank: all). See {@link TicketTextSearch#searched} for what a search reads. {@code rest}: the time the
     * searches past the {@link #NEARBY} tickets next to the page may still take; null: a search reads only those, whatever
     * its text.
     */
    public static List<Ticket> newestFirst(Long before, long offset, int size, boolean unlabelledOnly, String contains,
            TicketTextSearch.RestTime rest) {
        if (offset + size > Integer.MAX_VALUE) {
            return List.of(); // past the end of any table, and past what a query's offset (an int) can say
        }
        if (contains != null && !contains.isBlank()) {
            return TicketTextSearch.searched(true, before, (int) offset, size, unlabelledOnly, contains.strip(), rest);
        }
        return listing(unlabelledOnly, idBound(before == null ? null : "t.id < :id", before), null, null, "t.id desc")
                .range((int) offset, (int) offset + size - 1).list();
    }

    /**
     * The {@code size} tickets just above the id {@code after}, oldest first: the page before a page, read as flat as the
     * next. {@code rest} as for {@link #newestFirst(Long, long, int, boolean, String, TicketTextSearch.RestTime)}.
     */
    public static List<Ticket> oldestFirstAbove(long after, int size, boolean unlabelledOnly, String contains,
            TicketTextSearch.RestTime rest) {
        if (contains != null && !contains.isBlank()) {
            return TicketTextSearch.searched(false, after, 0, size, unlabelledOnly, contains.strip(), rest);
        }
        return listing(unlabelledOnly, idBound("t.id > :id", after), null, null, "t.id asc").range(0, size - 1).list();
    }

    /** Whether a search for {@code text} reaches every ticket: through the trigram index, with a trigram to look up. */
    public static boolean searchesAll(String text) {
        return TRIGRAM_WORD.matcher(text).find() && TicketTextIndex.present();
    }

    /**
     * The id of the oldest of the {@link #NEARBY} tickets below {@code before} (null: below the newest), null when no ticket
     * lies below them: a search that reads only those continues under it.
     */
    public static Long nearbyEdgeBelow(Long before, boolean unlabelledOnly) {
        return windowEdge(unlabelledOnly, idBound(before == null ? null : "t.id < :id", before), " desc");
    }

    /** The id of the newest of the {@link #NEARBY} tickets above {@code after}, null when no ticket lies above them. */
    public static Long nearbyEdgeAbove(long after, boolean unlabelledOnly) {
        return windowEdge(unlabelledOnly, idBound("t.id > :id", after), " asc");
    }

    /** The id of the last of the {@link #NEARBY} tickets next to the bound, null unless another follows (else a link led nowhere). */
    static Long windowEdge(boolean unlabelledOnly, Map<String, Object> bound, String order) {
        List<String> conditions = new ArrayList<>(bound.keySet());
        if (unlabelledOnly) {
            conditions.add("t.intent is null");
        }
        var query = getEntityManager().createQuery("select t.id from Ticket t" + where(conditions) + " order by t.id" + order, Long.class);
        bound.forEach((condition, value) -> query.setParameter(parameterOf(condition), value));
        List<Long> edge = query.setFirstResult(NEARBY - 1).setMaxResults(2).getResultList();
        return edge.size() < 2 ? null : edge.get(0);
    }

    /**
     * @param bounds conditions on t.id, each with one parameter, and the value it takes
     * @param textMatch {@link TicketTextSearch#TEXT_WALKED}, when {@code contains} is given
     */
    static PanacheQuery<Ticket> listing(boolean unlabelledOnly, Map<String, Object> bounds, String contains, String textMatch,
            String orderBy) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (unlabelledOnly) {
            conditions.add("t.intent is null");
        }
        bounds.forEach((condition, value) -> {
            conditions.add(condition);
            parameters.put(parameterOf(condition), value);
        });
        if (contains != null) {
            conditions.add(textMatch);
            parameters.put("pattern", LikePattern.containing(contains));
        }
        // The unlabelled have no intent to fetch; the others bring theirs in the same query, not one query per row.
        String from = unlabelledOnly ? "from Ticket t" : "from Ticket t left join fetch t.intent";
        return find(from + where(conditions) + " order by " + orderBy, parameters);
    }

    static Map<String, Object> idBound(String condition, Long id) {
        Map<String, Object> bound = new LinkedHashMap<>();
        if (condition != null) {
            bound.put(condition, id);
        }
        return bound;
    }

    private static String parameterOf(String condition) {
        return condition.substring(condition.indexOf(':') + 1);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Labelled tickets per intent id (intents without tickets left out), read from the kept counts, not by counting. */
    public static Map<Long, Long> countsByIntent() {
        Map<Long, Long> counts = RowCounts.byKey(RowCounts.TICKETS);
        counts.remove(UNLABELLED_KEY);
        return counts;
    }

    /** Tickets of one intent, from the kept counts. */
    public static long countWithIntent(Intent intent) {
        return RowCounts.of(RowCounts.TICKETS, intent.id);
    }

    /** Tickets waiting for an intent, from the kept counts. */
    public static long countUnlabelled() {
        return RowCounts.of(RowCounts.TICKETS, UNLABELLED_KEY);
    }

    /** All tickets, from the kept counts. */
    public static long countAll() {
        return RowCounts.total(RowCounts.TICKETS);
    }
}
