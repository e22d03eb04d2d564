package dev.loopwise.common;

import java.util.Locale;

/** What a listing says about a page request it cannot serve: one shape for every parameter, "NAME must be RULE; got 'VALUE'." */
public final class PagingMessages {
    private PagingMessages() {
    }

    public static String limit(String name, String got, int max) {
        return mustBe(name, "a whole number from 1 to " + max + " (how many rows one page holds)", got);
    }

    public static String offset(String name, String got) {
        return mustBe(name, "a whole number, 0 or more", got);
    }

    /** A whole number past the largest long: it is one, so saying it must be one would send the client looking for a typo. */
    public static String offsetTooLarge(String name, String got) {
        return mustBe(name, "at most " + Long.MAX_VALUE + " (any value past the last row is an empty page; to go deeper, follow"
                + " a page's link to the next one, which continues with before)", got);
    }

    public static String before(String name, String got) {
        return mustBe(name, "the id a previous page ended with (a whole number, 1 or more), as its link to the next page gives it", got);
    }

    public static String after(String name, String got) {
        return mustBe(name, "the id an older page began with (a whole number, 1 or more), as its link to newer tickets gives it", got);
    }

    /** A page size, offset or cursor sent without a value ({@code ?limit=}): a lost value, not a request for the default. */
    public static String empty(String name) {
        return name + " is empty: give it a whole number, or leave " + name + " out to use its default.";
    }

    public static String notBoth(String offsetName, String beforeName) {
        return "Give " + offsetName + " or " + beforeName + ", not both: " + beforeName + " continues below a previous page, "
                + offsetName + " counts from the newest row.";
    }

    /** The Tickets page goes one way at a time: to older tickets or to newer ones. */
    public static String beforeOrAfter(String beforeName, String afterName) {
        return "Give " + beforeName + " or " + afterName + ", not both: " + beforeName + " shows the tickets older than a page "
                + "(its Older link), " + afterName + " the tickets newer than it (its Newer link).";
    }

    /** The audit page's person filter takes a name as its Who list gives it: any other text would be shown back as a sentence. */
    public static String who(String name, String got) {
        return mustBe(name, "a username as the Who list gives it (lower-case letters, digits, '.', '_' or '-'), or empty for everyone",
                got);
    }

    /**
     * What a list capped at its newest rows says under itself when there are more: null while it shows every one. {@code nouns}
     * names the rows in the plural.
     */
    public static String newestShown(int shown, long total, String nouns, String everyOne) {
        if (total <= shown) {
            return null;
        }
        return "The newest " + shown + " of " + total + " " + nouns + " are shown" + (everyOne == null ? "." : "; " + everyOne + ".");
    }

    /** The search of the tickets without an intent found none: how to widen it. */
    public static String noTicketContains(String search) {
        return "No ticket without an intent here contains \u201c" + search + "\u201d (upper and lower case count as the same). Try"
                + " a shorter part of a word or a single word, or clear the search to see them all.";
    }

    /** The search of the tickets without an intent found none among the ones next to the page it read; its links go on. */
    public static String noTicketNearby(String search, int window) {
        return String.format(Locale.ROOT, "None of the %,d tickets without an intent next to this page contains \u201c%s\u201d"
                + " (upper and lower case count as the same); the page links below search past them.", window, search);
    }

    /**
     * A search the trigram index cannot serve reads only a window of tickets, so that a rare text costs the same however long
     * the history: said whenever that window left tickets out, so that a page without the ticket is not taken for its absence.
     */
    public static String ticketSearchWindow(int window) {
        return String.format(Locale.ROOT, "Searched only the %,d tickets without an intent next to this page; the page links"
                + " below search the next ones. Type three letters or digits in a row (for example “ok1” or “refund”) to search"
                + " all of them.", window);
    }

    /**
     * The search past the window was stopped at its time limit. Only the time is known, not why it was long (common words,
     * a loaded database), so the sentence says no more than that.
     */
    public static String ticketSearchWindowStopped(int window) {
        return String.format(Locale.ROOT, "Searched only the %,d tickets without an intent next to this page: the search past"
                + " them took longer than the time Loopwise allows a search (LOOPWISE_TICKET_SEARCH_REST_MS, which an administrator can"
                + " raise) and was stopped. The page links below search the next ones; searching again later, or for a rarer"
                + " word, may search them all.", window);
    }

    /** A search text longer than a search may be. */
    public static String ticketSearchTooLong(int characters, int words) {
        return String.format(Locale.ROOT, "A search may be at most %d characters and %d words long: search for a shorter part"
                + " of the text, such as its rarest word.", characters, words);
    }

    /** Without the trigram index every search reads only a window, whatever is typed: what to add to search them all. */
    public static String ticketSearchWindowNoIndex(int window) {
        return String.format(Locale.ROOT, "Searched only the %,d tickets without an intent next to this page, since the"
                + " database lacks the text index (pg_trgm); the page links below search the next ones. To search them all, whoever runs Loopwise adds it: the two SQL"
                + " commands are in the log of its start (the README says more), then Loopwise is restarted.", window);
    }

    private static String mustBe(String name, String rule, String got) {
        String shown = got.length() > 40 ? got.substring(0, 40) + "…" : got;
        return name + " must be " + rule + "; got '" + shown + "'.";
    }
}
