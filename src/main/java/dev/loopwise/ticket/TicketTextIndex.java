package dev.loopwise.ticket;

import dev.loopwise.common.text.LikePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the trigram index on the tickets' text (tickets_text_trgm_idx, migration V58) exists: V58 leaves it out where
 * pg_trgm could not be created. Asked once, at the first search after a start, so an index added by hand later is used
 * from the next start. And whether it narrows a given text down to few tickets.
 */
public final class TicketTextIndex {
    /** Three letters or digits in a row: a text with them has trigrams the index can look up. */
    private static final Pattern TRIGRAM_WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    /** The planner's estimate of a plan's first node: how many rows it expects. */
    private static final Pattern PLANNED_ROWS = Pattern.compile("rows=(\\d+)");
    private static volatile Boolean present;

    private TicketTextIndex() {
    }

    public static boolean present() {
        Boolean known = present;
        if (known == null) {
            known = (Boolean) Ticket.getEntityManager()
                    .createNativeQuery("select to_regclass('tickets_text_trgm_idx') is not null")
                    .getSingleResult();
            present = known;
        }
        return known;
    }

    /** Takes the index as present or absent until the next {@code assume(null)}, which asks the database again. */
    static void assume(Boolean known) {
        present = known;
    }

    /** Whether {@code text} holds three letters or digits in a row, which the index can look up. */
    public static boolean hasTrigrams(String text) {
        return TRIGRAM_WORD.matcher(text).find();
    }

    /**
     * How many tickets the index would hand back for {@code text}, as PostgreSQL's planner estimates it from the column's
     * statistics: those holding every word of three letters or digits or more. The index tests the text's trigrams, not
     * the text: for "the the" it hands back every ticket holding "the", and each must then be read and tested, though none
     * matches. So the estimate is of the words apart, not of the text (which the planner would rightly find rare).
     * Planning reads no ticket.
     */
    static long candidates(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher word = TRIGRAM_WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        if (words.isEmpty()) {
            return 0;
        }
        List<String> tests = new ArrayList<>();
        for (int i = 1; i <= words.size(); i++) {
            tests.add("text ilike ?" + i + " escape '" + LikePattern.ESCAPE + "'");
        }
        var query = Ticket.getEntityManager().createNativeQuery("explain select 1 from tickets where " + String.join(" and ", tests));
        int position = 1;
        for (String each : words) {
            query.setParameter(position++, LikePattern.containing(each));
        }
        Matcher rows = PLANNED_ROWS.matcher(String.valueOf(query.getResultList().get(0)));
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }
}
