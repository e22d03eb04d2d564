package dev.loopwise.ticket;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.text.PlainText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV ticket file read as it comes: each row is handed on once parsed, so that a file of any size is read in the memory of
 * its first part (looked at for the separator) and of the row being read.
 */
final class TicketCsv {
    /** Characters looked at before the rows are read: the header, and the separator line before it, are in them. */
    static final int PREFIX = 64 * 1024;

    private TicketCsv() {
    }

    /** Rows go to {@code rows} in file order; the problems are returned, each with its line. The mark is already dropped. */
    static void read(Reader reader, Consumer<TicketRow> rows, List<String> errors) throws IOException {
        BufferedReader in = new BufferedReader(reader, PREFIX);
        in.mark(PREFIX + 1);
        char[] first = new char[PREFIX];
        int length = 0;
        for (int n; length < PREFIX && (n = in.read(first, length, PREFIX - length)) > 0; ) {
            length += n;
        }
        in.reset();
        String prefix = new String(first, 0, length);
        // Some exports write Excel's separator line before the header; it is no header, and the separator it names is the
        // file's. Its line break is kept, read as an empty line, so that every line after it keeps its number in messages.
        Matcher separatorLine = CsvSeparator.LINE.matcher(prefix);
        Character named = null;
        int headerLine = 1;
        if (separatorLine.find()) {
            in.skip(separatorLine.end());
            prefix = prefix.substring(separatorLine.end());
            named = CsvSeparator.named(separatorLine.group("named"));
        }
        // Empty lines before the header are skipped when read, but they count in its line number.
        for (int at = 0; at < prefix.length() && (prefix.charAt(at) == '\n' || prefix.charAt(at) == '\r'); at++) {
            if (prefix.charAt(at) == '\n' || !prefix.startsWith("\r\n", at)) {
                headerLine++;
            }
        }
        if (TicketFile.looksLikeJson(prefix)) {
            // Read as CSV, JSON's quotes give a quoting error somewhere on line 1, which says nothing of what to fix.
            errors.add("line " + headerLine + ": this looks like JSON lines (one {...} object a line) or a JSON array, not CSV: send it with the"
                    + " content type application/x-ndjson, or give the file the ending .jsonl");
            return;
        }
        if (prefix.isBlank() && length < PREFIX) {
            errors.add("the file is empty: it needs a header line (text, and label, response or split if it has them) and then"
                    + " one ticket a line");
            return;
        }
        // Columns without a name are allowed as long as they hold nothing: a trailing separator on every line, as
        // spreadsheets write after a formatted but empty column.
        char separator = named != null ? named : CsvSeparator.of(prefix);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).setAllowMissingColumnNames(true).get();
        CsvLines lines = new CsvLines(in);
        try (CSVParser parser = CSVParser.parse(lines, format)) {
            List<String> header = parser.getHeaderNames();
            String problem = headerProblem(header, headerLine, named);
            if (problem != null) {
                errors.add(problem);
                return;
            }
            Map<String, String> sources = TicketColumns.sources(header);
            long previousEnd = 1;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (ApiException e) {
                    throw e;
                } catch (RuntimeException e) {
                    errors.add(CsvProblems.describe(e, previousEnd + 1, lines));
                    break;
                }
                previousEnd = parser.getCurrentLineNumber();
                if (lines.onlySpaces(record.getCharacterPosition())) {
                    continue;
                }
                int line = (int) lines.startOf(record.getCharacterPosition());
                String wrong = CsvRecords.problem(record, header);
                if (wrong != null) {
                    errors.add("line " + line + ": " + wrong);
                    continue;
                }
                rows.accept(TicketFile.row(Place.line(line), CsvRecords.values(record, header), sources));
            }
        } catch (ApiException e) {
            // The file stopped being text (a byte that is not UTF-8, a NUL): said as such, not as a CSV problem.
            throw e;
        } catch (IOException | RuntimeException e) {
            errors.add(CsvProblems.describe(e, 1, lines));
        }
    }

    /** What is wrong with the header, on line {@code line}, or null; {@code named}: the separator a sep= line named, if any. */
    private static String headerProblem(List<String> header, int line, Character named) {
        String at = "line " + line + ": ";
        if (header.size() > TicketFile.MAX_COLUMNS) {
            return at + "the header has " + header.size() + " columns; a ticket file may have at most " + TicketFile.MAX_COLUMNS
                    + " (text, intent, response, split and others kept with each ticket). Remove the columns you do not need";
        }
        // Said on the header's line: a bad name found with the rows would be said to be on the first row's line.
        String badName = header.stream().filter(name -> !name.isBlank()).map(TicketRowChecks::columnNameProblem)
                .filter(problem -> problem != null).findFirst().orElse(null);
        if (badName != null) {
            return at + badName;
        }
        // Named in any case: "text,Text" would read one and keep the other as an unread column.
        String twice = TicketColumns.repeated(header, false);
        if (twice != null) {
            return at + twice;
        }
        if (!TicketColumns.sources(header).containsKey("text")) {
            return at + "the header has no 'text' column, nor one of its other names (" + TicketColumns.otherNames("text")
                    + "); found: " + String.join(", ", header.stream()
                    .map(name -> name.isBlank() ? FileMessages.UNNAMED_COLUMN : PlainText.quoted(name)).toList())
                    + (named == null ? "" : FileMessages.separatorLineSplit(named));
        }
        return null;
    }
}
