package dev.loopwise.common;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/** What an API address says about a query parameter it cannot read: repeated, unknown to it, or sent empty. */
public final class QueryMessages {
    private QueryMessages() {
    }

    public static String repeatedParameter(String name, int given) {
        return "The query parameter '" + name + "' is given " + given + " times: give it once (each parameter here takes one value).";
    }

    /** A query parameter the address does not read; {@code read} is what it does read, in order (empty: none). */
    public static String unknownParameter(String name, Collection<String> read) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return "The query parameter '" + shown + "' is not one this address reads, so it would change nothing: "
                + (read.isEmpty() ? "this address takes no query parameters; remove it."
                        : "it takes " + String.join(", ", read) + " (check the spelling), or remove it.");
    }

    /** An API query parameter that chooses between options, sent empty ({@code ?force=}): a lost value, not a choice. */
    public static String emptyChoice(String field, String absent, String... options) {
        return "'" + field + "' is empty: use '" + String.join("' or '", options) + "', or leave it out for '" + absent + "'.";
    }

    /** An API query parameter sent without a value ({@code ?since=}): a lost value, not a request for the default. */
    public static String emptyParameter(String name) {
        return "The query parameter '" + name + "' is empty: give it a value, or leave it out to use its default.";
    }

    /**
     * A time in the address ({@code ?since=}) that is no instant, saying what it lacks: a '+' before the offset that the
     * address turned into a space (curl and browsers send it as typed, and a query reads '+' as a space), a time zone,
     * or the time of day.
     */
    public static String badInstant(String name, String value) {
        String fix;
        // A fix is offered only when it parses: "T12 0100" or "T12" would otherwise be told to become another refused value.
        if (value.matches(".*T[0-9:.]+ [0-9]{2}(:?[0-9]{2})?") && parses(value.replace(" ", "+"))) {
            fix = ": the '+' before its offset reads as a space in an address; write it as %2B (" + value.replace(" ", "%2B")
                    + "), or give the time in UTC with Z";
        } else if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+") && parses(value + "Z")) {
            fix = ": it names no time zone; add Z for UTC (" + value + "Z) or an offset written as %2B01:00";
        } else if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            fix = ": it is a day without a time; add one (" + value + "T00:00:00Z)";
        } else {
            fix = "";
        }
        return name + " must be an ISO-8601 instant between the years 1 and 9999, such as 2026-01-31T00:00:00Z" + fix + ".";
    }

    private static boolean parses(String instant) {
        try {
            OffsetDateTime.parse(instant);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
