package dev.loopwise.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a start that cannot go on says, as the last line a self-hosting admin reads: what is wrong and which setting or
 * command fixes it, instead of a stack trace whose cause is forty lines up.
 */
public final class StartMessages {
    // A JDBC address (jdbc:postgresql:db, jdbc:postgresql://...) or any other with a scheme and //, up to the next blank.
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:jdbc:[a-z0-9]+:|[a-z][a-z0-9+.-]*://)\\S*");
    // A password in the query (password=, sslpassword=, in any case) with the separator after it, if any.
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(?<=[?&])[a-z]*password=[^&#]*(&|(?=#)|$)");

    private StartMessages() {
    }

    /**
     * The text with every address in it stripped of what may hold a password: the user and password before the host,
     * up to the last @ (a password may itself hold an @ or a /), and any password= in the query. Each message that
     * prints a database address, and each driver or pool message that may quote one, goes through it, since what is
     * printed ends in terminals, logs and issue reports.
     */
    public static String withoutPasswords(String text) {
        Matcher address = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (address.find()) {
            address.appendReplacement(out, Matcher.quoteReplacement(hidePassword(address.group())));
        }
        return address.appendTail(out).toString();
    }

    private static String hidePassword(String address) {
        int slashes = address.indexOf("//");
        String head = slashes < 0 ? "" : address.substring(0, slashes + 2);
        String rest = slashes < 0 ? address : address.substring(slashes + 2);
        if (slashes >= 0) {
            int query = rest.length();
            for (char c : new char[] {'?', '#'}) {
                query = rest.indexOf(c) < 0 ? query : Math.min(query, rest.indexOf(c));
            }
            int at = query == 0 ? -1 : rest.lastIndexOf('@', query - 1);
            rest = rest.substring(at + 1);
        }
        rest = QUERY_PASSWORD.matcher(rest).replaceAll("").replaceFirst("[?&](?=#|$)", "");
        return head + rest;
    }

    public static String databaseUnreachable(String url, String urlSetting) {
        return "PostgreSQL is not reachable at " + withoutPasswords(url) + ": start it (for example 'docker compose up -d db') or set "
                + urlSetting + " to where it runs.";
    }

    /** A database address the PostgreSQL driver does not take, such as a hosting service's postgres://USER:PASSWORD@HOST/DB. */
    public static String notPostgresAddress(String url, String urlSetting) {
        return urlSetting + " is '" + withoutPasswords(url) + "', which is not a PostgreSQL address: write it as jdbc:postgresql://HOST:5432/DATABASE"
                + " (a user and password go in their own settings).";
    }

    public static String passwordRefused(String user, String passwordSetting) {
        return "PostgreSQL refused the password of role '" + user + "': set " + passwordSetting + " to the right one.";
    }

    public static String roleRefused(String user, String serverSays, String userSetting) {
        return "PostgreSQL refused role '" + user + "' (" + serverSays + "): create that role, or set " + userSetting
                + " to one it accepts.";
    }

    public static String noDatabase(String database, String user, String urlSetting) {
        return "PostgreSQL has no database '" + database + "': as a superuser run  CREATE DATABASE " + database + " OWNER "
                + user + "  (./loopwise serve does it when it can), or set " + urlSetting + " to an existing one.";
    }

    public static String notPermitted(String user, String database, String serverSays, String userSetting) {
        return "Role '" + user + "' may not create or change Loopwise's tables in database '" + database + "' (" + serverSays
                + "): Loopwise creates and updates them at every start, so set " + userSetting
                + " to the role that owns the database, or give it a database that role owns.";
    }

    public static String portTaken(int port, String portSetting) {
        return "Port " + port + " is taken by another program: stop it or set " + portSetting + " to a free port.";
    }

    public static String badSetting(String setting, String value, String problem) {
        return setting + " is '" + value + "', which Loopwise cannot use (" + problem + "): correct it and start again.";
    }

    public static String badDuration(String setting, String value) {
        return setting + " is '" + value + "', which is not a length of time: write it such as 30s, 10m, 2h or 1d"
                + " (or PT30S), and start again.";
    }

    public static String emptySetting(String setting) {
        return setting + " is set but empty: give it a value, or remove it to take the default, and start again.";
    }

    public static String couldNotStart(String cause) {
        return "Loopwise could not start: " + cause;
    }

    /** Why a webhook address is refused (the start names the setting and the value around it). */
    public static final String NOT_A_WEBHOOK_URL = "not a web address to POST alerts to: write it whole, such as"
            + " https://hooks.slack.com/services/..., with http:// or https:// and a host";

    /** Why a webhook format is refused (the start names the setting and the value around it). */
    public static final String NOT_A_WEBHOOK_FORMAT = "auto, json or teams is expected: teams for a Microsoft Teams workflow,"
            + " json for Slack and other receivers, auto to tell them apart by the address";

    /** Why a length of time of zero or less is refused (the start names the setting and the value around it). */
    public static final String NOT_ABOVE_ZERO = "a length of time above zero is expected, such as 30s, 10m or 6h";

    /** Why a negative length of time is refused (the start names the setting and the value around it). */
    public static final String NOT_ZERO_OR_LONGER = "a length of time of 0 or more is expected, such as 0s, 30s or 1h";

    /** Why a size is refused (the start names the setting and the value around it). */
    public static final String NOT_A_SIZE = "a size in bytes is expected, a whole number with K, M or G after it and"
            + " nothing else, such as 10M, 512K or 1G";

    /** Why a port is refused (the start names the setting and the value around it). */
    public static final String NOT_A_PORT = "a port from 1 to 65535 is expected, such as 8080; 0 takes any free one";

    /** Why an on/off setting is refused (the start names the setting and the value around it). */
    public static final String NOT_A_SWITCH = "true or false is expected";

    /** Why a share is refused (the start names the setting and the value around it). */
    public static final String NOT_A_SHARE = "a share from 0 to 1 is expected, such as 0.5";

    /** Why a round's held-out share is refused (the start names the setting and the value around it). */
    public static final String NOT_A_HELD_OUT_SHARE = "a share above 0 and below 0.9 is expected, such as 0.2";

    /** Why a count that must be at least 1 is refused (the start names the setting and the value around it). */
    public static final String NOT_A_COUNT = "a whole number from 1 to 1000000 is expected";

    /** Why a count that may be 0 is refused (the start names the setting and the value around it). */
    public static final String NOT_A_COUNT_OR_ZERO = "a whole number from 0 to 1000000 is expected";

    /** Why a threshold, weight or bound below 0 is refused (the start names the setting and the value around it). */
    public static final String NOT_ZERO_OR_MORE = "a number from 0 to 1000000 is expected, such as 0.25";

    /** Why a strength or temperature of 0 or less is refused (the start names the setting and the value around it). */
    public static final String NOT_A_NUMBER_ABOVE_ZERO = "a number above 0 is expected, such as 0.5";

    /** Why a p-value or quantile is refused (the start names the setting and the value around it). */
    public static final String NOT_A_LEVEL = "a number above 0 and below 1 is expected, such as 0.05";

    /** Why an LLM's sampling temperature is refused (the start names the setting and the value around it). */
    public static final String NOT_A_TEMPERATURE = "a temperature from 0 to 2 is expected, such as 0.7";

    /** Why a cosine similarity is refused (the start names the setting and the value around it). */
    public static final String NOT_A_COSINE = "a cosine similarity from -1 to 1 is expected, such as 0.5";

    /** Why an LLM server's address is refused (the start names the setting and the value around it). */
    public static final String NOT_AN_LLM_URL = "the server's whole address up to its /v1 is expected, such as"
            + " http://localhost:11434/v1: with http:// or https:// and a host, a port from 1 to 65535 if any, no password,"
            + " nothing after a ? or #";

    /** Why an overlap the operator set is refused beside the passage length (the start names the overlap and its value around it). */
    public static String overlapAtMostHalf(int passageChars, int overlapChars) {
        return "a whole number from 0 to " + passageChars / 2 + ", half of LOOPWISE_KNOWLEDGE_PASSAGE_CHARS (" + passageChars
                + "), is expected, or a LOOPWISE_KNOWLEDGE_PASSAGE_CHARS of at least " + 2 * overlapChars;
    }

    /** Why a passage length is refused beside the overlap left at its default (the start names the passage length around it). */
    public static String passageTwiceTheDefaultOverlap(int passageChars, int overlapChars) {
        return "at least " + 2 * overlapChars + " is expected, twice the overlap a cut paragraph's pieces repeat, which is "
                + overlapChars + " by default; or set LOOPWISE_KNOWLEDGE_OVERLAP_CHARS to at most " + passageChars / 2
                + ", half the passage";
    }

    /** Why a word setting is refused (the start names the setting and the value around it). */
    public static String oneOf(List<String> words) {
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1) + " is expected";
    }

    /** Why a whole number setting is refused (the start names the setting and the value around it). */
    public static String outOfRange(long least, long most, String unit) {
        String[] words = unit.split("; ", 2);
        return "a whole number of " + words[0] + " from " + least + " to " + most + " is expected" + (words.length > 1 ? "; " + words[1] : "");
    }
}
