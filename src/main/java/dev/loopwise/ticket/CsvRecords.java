package dev.loopwise.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV record held against its header. Columns the header leaves unnamed, and fields past its end, may be there as
 * long as they are empty: a separator at the end of every line (or of some) is what spreadsheets and hand edits leave,
 * and nothing of the ticket is lost by reading past it.
 */
public final class CsvRecords {
    private CsvRecords() {
    }

    /** What is wrong with the record, or null. */
    public static String problem(CSVRecord record, List<String> header) {
        int named = named(header);
        if (record.size() < named) {
            return fieldCount(record.size(), named);
        }
        for (int i = 0; i < record.size(); i++) {
            boolean unnamed = i >= header.size() || header.get(i).isBlank();
            if (unnamed && !record.get(i).isBlank()) {
                return i >= header.size() ? fieldCount(record.size(), named)
                        : "field " + (i + 1) + " holds '" + shown(record.get(i)) + "', but its column has no name in the header:"
                        + " name the column on line 1, or remove the value";
            }
        }
        return null;
    }

    /** A line of the wrong width, most often a value holding the separator without quotes around it. */
    private static String fieldCount(int found, int named) {
        return found + (found == 1 ? " field" : " fields") + " found, but the header has " + named + (named == 1 ? " column" : " columns")
                + ": give each column one field, and put double quotes around a value that holds the separator";
    }

    /** The named columns' values. */
    static Map<String, String> values(CSVRecord record, List<String> header) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
            if (!header.get(i).isBlank()) {
                values.put(header.get(i), record.get(i));
            }
        }
        return values;
    }

    /** Columns up to the last one with a name: fewer fields than that leave a named column out. */
    private static int named(List<String> header) {
        int named = header.size();
        while (named > 0 && header.get(named - 1).isBlank()) {
            named--;
        }
        return named;
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
