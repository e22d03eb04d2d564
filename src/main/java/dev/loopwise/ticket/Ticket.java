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
        return newestFirst(before, offset, size, unlabelledOnly, null);
    }

    /**
     * As {@link #newestFirst(Long, long, int, boolean)}, only the tickets whose text holds {@code contains} (ignoring case;
     * null or blank: all). The same index is walked, each ticket's text tested on the way, and the walk stops at
     * {@code size} matches: a common word costs about a page, while a rare one reads every ticket below the cursor before
     * it ends. That stays quick for the tens of thousands of unlabelled tickets a workspace holds; far beyond, a trigram
     * index (pg_trgm) would be the way to find rare words without reading them all.
     */
    public static List<Ticket> newestFirst(Long before, long offset, int size, boolean unlabelledOnly, String contains) {
        if (offset + size > Integer.MAX_VALUE) {
            return List.of(); // past the end of any table, and past what a query's offset (an int) can say
        }
        return listing(unlabelledOnly, before == null ? null : "t.id < :id", before, contains, "desc")
                .range((int) offset, (int) offset + size - 1).list();
    }

    /** The {@code size} tickets just above the id {@code after}, oldest first: the page before a page, read as flat as the next. */
    public static List<Ticket> oldestFirstAbove(long after, int size, boolean unlabelledOnly, String contains) {
        return listing(unlabelledOnly, "t.id > :id", after, contains, "asc").range(0, size - 1).list();
    }

    private static PanacheQuery<Ticket> listing(boolean unlabelledOnly, String idCondition, Long id, String contains, String order) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (unlabelledOnly) {
            conditions.add("t.intent is null");
        }
        if (idCondition != null) {
            conditions.add(idCondition);
            parameters.put("id", id);
        }
        if (contains != null && !contains.isBlank()) {
            conditions.add("t.text ilike :pattern escape '" + LikePattern.ESCAPE + "'");
            parameters.put("pattern", LikePattern.containing(contains.strip()));
        }
        // The unlabelled have no intent to fetch; the others bring theirs in the same query, not one query per row.
        String from = unlabelledOnly ? "from Ticket t" : "from Ticket t left join fetch t.intent";
        return find(from + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " order by t.id " + order,
                parameters);
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
