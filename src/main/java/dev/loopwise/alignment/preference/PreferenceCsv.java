package dev.loopwise.alignment.preference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.ticket.CsvProblems;
import dev.loopwise.ticket.CsvRecords;
import dev.loopwise.ticket.CsvSeparator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Preference pairs as a table (a data set's CSV or TSV export: {@code prompt,chosen,rejected} and the other shapes'
 * columns), each record read as the JSON row of the same fields, so that every shape {@link PreferenceRows} reads is
 * read from a table too. A cell holding chat messages as JSON ({@code [{"role": ...}]}) is read as those messages.
 */
final class PreferenceCsv {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns whose values are numbers or true/false in the JSON shapes. */
    private static final Pattern AT_LINE = Pattern.compile("line: (\\d+)");
    private static final Set<String> VALUES = Set.of("label", "labels", "margin");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern LINE_NUMBER = Pattern.compile("^line (\\d+)");

    /**
     * The table after an Excel {@code sep=;} line, which names its separator ({@code separator}, or null when it has no
     * such line) and is no header; {@code linesBefore} is added to each line number so that messages name the file's lines.
     */
    private record Table(String text, Character separator, int linesBefore) {
        static Table of(String text) {
            Matcher line = CsvSeparator.LINE.matcher(text);
            if (!line.find()) {
                return new Table(text, null, 0);
            }
            int end = line.end() + (text.startsWith("\r\n", line.end()) ? 2 : line.end() < text.length() ? 1 : 0);
            return new Table(text.substring(end), CsvSeparator.named(line.group("named")), 1);
        }

        /** A message's "line N" as the file numbers it. */
        String shifted(String said) {
            Matcher number = LINE_NUMBER.matcher(said);
            return number.find() ? number.replaceFirst("line " + (Long.parseLong(number.group(1)) + linesBefore)) : said;
        }
    }

    private PreferenceCsv() {
    }

    /** A table rather than JSON: named so, or not opening as JSON does. */
    static boolean isTable(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        String start = text.stripLeading();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return false;
        }
        return name.endsWith(".csv") || name.endsWith(".tsv") || !(start.isEmpty() || start.startsWith("{") || start.startsWith("["));
    }

    /** The table's records as JSON rows, each at the line it starts on; a table that cannot be parsed is refused, naming its line. */
    static List<JsonRows.Row> rows(String fileName, String text, List<String> problems) {
        List<JsonRows.Row> rows = new ArrayList<>();
        Table table = Table.of(text);
        String twice = twice(header(fileName, text));
        if (twice != null) {
            // Read as JSON fields, the later column would silently replace the earlier one's values.
            throw new IllegalArgumentException(fileName + ": line " + (1 + table.linesBefore()) + ": " + FileMessages.repeatedColumn(twice));
        }
        CSVFormat format = format(fileName, table);
        try (CSVParser parser = format.parse(new StringReader(table.text()))) {
            List<String> header = parser.getHeaderNames();
            long lineBefore = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                int line = (int) lineBefore + 1 + table.linesBefore();
                lineBefore = parser.getCurrentLineNumber();
                // Blank lines are read as records of their own, so that the next record's line is still known.
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                // A reply holding an unquoted comma would shift the columns after it: the row is left out, named, not misread.
                String wrong = CsvRecords.problem(record, header);
                if (wrong != null) {
                    problems.add(Place.line(line) + ": " + wrong);
                    continue;
                }
                ObjectNode row = JSON.createObjectNode();
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    if (!header.get(i).isBlank() && !record.get(i).isEmpty()) {
                        row.set(header.get(i), value(header.get(i), record.get(i), format.getDelimiterString()));
                    }
                }
                rows.add(new JsonRows.Row(Place.line(line), row));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The rows after a broken quote cannot be told apart, so the file is refused whole rather than cut short there.
            String known = CsvProblems.known(e);
            if (known != null) {
                // Said as a ticket file's is, rather than in the parser's words ("(startline 2) EOF reached before …").
                throw new IllegalArgumentException(fileName + ": " + table.shifted(known));
            }
            String said = String.valueOf(e.getMessage()).replaceFirst("^[\\w.]+Exception: ", "");
            Matcher at = AT_LINE.matcher(said);
            throw new IllegalArgumentException(fileName + ": " + (at.find() ? "line " + (Long.parseLong(at.group(1))
                    + table.linesBefore()) + ": " : "")
                    + FileMessages.unreadableTable(said.replaceFirst(" at line: \\d+, position: \\d+", "")));
        }
        return rows;
    }

    /** The table's column names, as {@link #rows} reads them; none when its header cannot be parsed. */
    static List<String> header(String fileName, String text) {
        Table table = Table.of(text);
        try (CSVParser parser = format(fileName, table).parse(new StringReader(table.text()))) {
            return parser.getHeaderNames();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return List.of();
        }
    }

    /**
     * Commas, or tabs in a {@code .tsv} file or a first line of tabs and no commas, or of tabs dividing it into columns some
     * shape reads (a comma inside one column's name then stays in the name); or semicolons, as Excel saves CSV where the
     * comma is the decimal mark, when only they divide the first line into columns some shape reads. A {@code sep=} line's
     * separator comes before all of these.
     */
    private static CSVFormat format(String fileName, Table table) {
        String firstLine = table.text().lines().findFirst().orElse("");
        boolean tabs = firstLine.contains("\t") && (!firstLine.contains(",") || readsColumn(firstLine, '\t'));
        char separator = fileName.toLowerCase(Locale.ROOT).contains(".tsv") || tabs ? '\t' : ',';
        if (separator == ',' && !readsColumn(firstLine, ',') && readsColumn(firstLine, ';')) {
            separator = ';';
        }
        if (table.separator() != null) {
            separator = table.separator();
        }
        // Columns without a name are read past (a separator at the end of each line, as spreadsheets leave): their values are
        // checked to be empty with each row.
        return CSVFormat.RFC4180.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
    }

    private static boolean readsColumn(String firstLine, char separator) {
        return Arrays.stream(firstLine.split(Pattern.quote(String.valueOf(separator))))
                .anyMatch(name -> PreferenceRows.readName(name.replace("\"", "")) != null);
    }

    /** A column some shape reads that the header names twice (in any case), or null. */
    private static String twice(List<String> header) {
        Set<String> seen = new HashSet<>();
        return header.stream().map(PreferenceRows::readName).filter(name -> name != null && !seen.add(name)).findFirst().orElse(null);
    }

    /** Whether the text opens with a header line some shape reads a column of, under commas, semicolons or tabs. */
    static boolean looksLikeHeader(String text) {
        String firstLine = Table.of(text.stripLeading()).text().lines().findFirst().orElse("");
        return !firstLine.startsWith("{") && !firstLine.startsWith("[")
                && (readsColumn(firstLine, ',') || readsColumn(firstLine, ';') || readsColumn(firstLine, '\t'));
    }

    private static JsonNode value(String column, String cell, String separator) {
        String name = PreferenceRows.readName(column);
        String trimmed = cell.strip();
        if ("margin".equals(name) && ";".equals(separator) && DECIMAL_COMMA.matcher(trimmed).matches()) {
            // Where Excel separates with semicolons the comma is the decimal mark: 1,5 is one and a half.
            trimmed = trimmed.replace(',', '.');
        }
        boolean json = name != null && VALUES.contains(name) || trimmed.startsWith("[{") || trimmed.startsWith("[ {")
                || trimmed.startsWith("{");
        if (json) {
            try {
                return JSON.readTree(trimmed);
            } catch (IOException e) {
                // Not JSON after all: the cell is text.
            }
        }
        return JSON.getNodeFactory().textNode(cell);
    }
}
