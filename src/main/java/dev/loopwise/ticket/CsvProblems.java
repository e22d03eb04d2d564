package dev.loopwise.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV parser's complaints in words a support lead can act on, with the line and column to look
 * at. Unknown complaints keep the parser's own words after ours.
 */
public final class CsvProblems {
    /** A number as the parser writes it: with the default locale's grouping from 1,000 on ("20,001", "20.001"). */
    private static final String NUMBER = "(\\d[\\d,.\\u00a0\\u202f']*)";
    private static final Pattern UNCLOSED = Pattern.compile("\\(startline " + NUMBER + "\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: " + NUMBER + ", position: " + NUMBER);

    private CsvProblems() {
    }

    /** {@code fallbackLine}: where the parser was when it stopped; {@code lines}: the file as read, to find columns (or null). */
    static String describe(Throwable error, long fallbackLine, CsvLines lines) {
        String raw = root(error);
        Matcher unclosed = UNCLOSED.matcher(raw);
        if (unclosed.find()) {
            return "line " + number(unclosed.group(1)) + ": a quoted field starts here and is never closed. Add the closing quote (\"), "
                    + "and write any quote inside the text twice (\"\").";
        }
        Matcher afterQuote = AFTER_QUOTE.matcher(raw);
        if (afterQuote.find()) {
            long line = number(afterQuote.group(1));
            int column = lines == null ? 0 : lines.column(number(afterQuote.group(2)));
            return "line " + line + (column > 0 ? ", column " + column : "") + ": text follows a closing quote. Put the whole field "
                    + "in quotes and write any quote inside it twice (\"\").";
        }
        return "line " + fallbackLine + ": this line cannot be read as CSV (the parser says: " + raw + ").";
    }

    /**
     * A complaint this class words (an unclosed quote, text after a closing quote) with its line, for a reader in another
     * package; null for any other, which that reader words itself.
     */
    public static String known(Throwable error) {
        String said = describe(error, 0, null);
        return said.startsWith("line 0: ") ? null : said;
    }

    private static long number(String written) {
        return Long.parseLong(written.replaceAll("\\D", ""));
    }

    private static String root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace("org.apache.commons.csv.CSVException: ", "");
    }
}
