package dev.loopwise.ticket;

import java.io.IOException;
import java.io.StringReader;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The character that separates a CSV file's columns. Excel writes semicolons where the comma is the decimal mark
 * (most of Europe) and tabs as "Unicode Text"; helpdesk exports follow the same settings. The header says which one a
 * file uses: the separator under which it has a text column (or, when none has, the one that splits it into the most
 * columns, so that the message about the missing column lists them). Commas come first, so a comma file whose header
 * happens to hold a semicolon reads as before.
 */
public final class CsvSeparator {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    /**
     * Excel's "sep=;" first line, which says which separator a file uses (a tab as itself or as {@code \t}); alone in a
     * file it may have no line break. A file opened and saved again writes it as a row: quoted ({@code "sep=;"}) and followed
     * by the separator once for each further column ({@code sep=;;;}); spaces may trail it. Group {@code named}: what it names.
     */
    public static final Pattern LINE = Pattern.compile("(?i)\\A(\"?)sep=(?<named>\\\\t|[^\\r\\n\"]?)\\1(?:\\k<named>)*[ ]*"
            + "(?=\\r|\\n|\\z)");

    private CsvSeparator() {
    }

    static char of(String content) {
        char best = ',';
        int mostColumns = 0;
        for (char candidate : CANDIDATES) {
            List<String> header = header(content, candidate);
            if (TicketColumns.sources(header).containsKey("text")) {
                return candidate;
            }
            if (header.size() > mostColumns) {
                best = candidate;
                mostColumns = header.size();
            }
        }
        return best;
    }

    /**
     * The separator an Excel {@code sep=} line names: its one character, or a tab written {@code \t}; null for none, or for
     * a quote or a space, which no file is separated by (the header then decides).
     */
    public static Character named(String written) {
        if (written.equals("\\t")) {
            return '\t';
        }
        return written.length() != 1 || written.charAt(0) == '"' || written.charAt(0) == ' ' ? null : written.charAt(0);
    }

    /** The first record read with {@code separator}; empty when it cannot be read (the full read then says why). */
    private static List<String> header(String content, char separator) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
