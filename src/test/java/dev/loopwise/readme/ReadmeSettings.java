package dev.loopwise.readme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What README's settings tables say: the variables each row names and the default it gives each. A row may name
 * several settings of one feature, {@code `LOOPWISE_REVIEW_LEASE` / `_UNDO_WINDOW`} with defaults {@code `10m` / `30s`},
 * where {@code _UNDO_WINDOW} stands for the full name that shares the most of the name before it.
 */
final class ReadmeSettings {
    /** One variable as a table row documents it; {@code defaultCell} is null in a table without a default column. */
    record Documented(String variable, String defaultCell, int line) {
    }

    private static final Pattern FULL = Pattern.compile("LOOPWISE_[A-Z0-9_]*[A-Z0-9]");
    private static final Pattern SHORT = Pattern.compile("_[A-Z0-9_]*[A-Z0-9]");

    private ReadmeSettings() {
    }

    /**
     * Every LOOPWISE_ variable the tables with a column {@code environment variable} or {@code setting} name, in README
     * order; {@code known} tells which full names exist, to expand the short ones. Problems of form go to {@code problems}.
     */
    static List<Documented> read(MarkdownTables readme, Predicate<String> known, List<String> problems) {
        List<Documented> documented = new ArrayList<>();
        for (MarkdownTables.Table table : readme.tables()) {
            int names = table.column("environment variable") >= 0 ? table.column("environment variable") : table.column("setting");
            if (names < 0) {
                continue;
            }
            int defaults = table.column("default");
            for (MarkdownTables.Row row : table.rows()) {
                List<String> variables = names(row.cell(names), known);
                if (variables.isEmpty()) {
                    continue;
                }
                List<String> values = defaults < 0 ? null : split(row.cell(defaults), separator(row.cell(names)), variables.size());
                if (values != null && values.size() == 1) {
                    // One default for every name of the row: "none" for an address, a model and a key.
                    values = Collections.nCopies(variables.size(), values.get(0));
                }
                if (values != null && values.size() != variables.size()) {
                    problems.add("README line " + row.line() + ": " + variables.size() + " variables but " + values.size()
                            + " defaults (separate them as the names are, with ' / ')");
                    continue;
                }
                for (int i = 0; i < variables.size(); i++) {
                    documented.add(new Documented(variables.get(i), values == null ? null : values.get(i), row.line()));
                }
            }
        }
        return documented;
    }

    /** The default a cell gives literally (a code span or a quoted text at its start), else null: the cell says it in words. */
    static String literal(String defaultCell) {
        String cell = defaultCell.strip();
        if (cell.startsWith("`")) {
            return MarkdownTables.codeSpans(cell).get(0);
        }
        if (cell.startsWith("\"") && cell.indexOf('"', 1) > 0) {
            return cell.substring(1, cell.indexOf('"', 1));
        }
        return null;
    }

    /** The full names of a names cell, in order, short names expanded. */
    static List<String> names(String cell, Predicate<String> known) {
        List<String> names = new ArrayList<>();
        String last = null;
        for (String span : MarkdownTables.codeSpans(cell)) {
            if (FULL.matcher(span).matches()) {
                last = span;
                names.add(span);
            } else if (last != null && SHORT.matcher(span).matches()) {
                names.add(expand(last, span, known));
            }
        }
        return names;
    }

    /** _UNDO_WINDOW after LOOPWISE_REVIEW_LEASE: the known name sharing the longest start with it, else the feature's. */
    private static String expand(String full, String suffix, Predicate<String> known) {
        for (int cut = full.lastIndexOf('_'); cut > "LOOPWISE".length(); cut = full.lastIndexOf('_', cut - 1)) {
            if (known.test(full.substring(0, cut) + suffix)) {
                return full.substring(0, cut) + suffix;
            }
        }
        int feature = full.indexOf('_', "LOOPWISE_".length());
        return (feature < 0 ? full : full.substring(0, feature)) + suffix;
    }

    /** How a names cell separates its names: " / " if it does so anywhere, else ", ". */
    private static String separator(String namesCell) {
        return namesCell.replaceAll("`[^`]*`", "x").contains(" / ") ? " / " : ", ";
    }

    /** A defaults cell cut where it separates values outside code spans; a lone value is not cut at its commas. */
    private static List<String> split(String cell, String separator, int expected) {
        if (expected == 1) {
            return List.of(cell);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            inCode ^= c == '`';
            if (!inCode && cell.startsWith(separator, i)) {
                parts.add(part.toString().strip());
                part.setLength(0);
                i += separator.length() - 1;
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts;
    }

    /** Every full LOOPWISE_ name anywhere in a text, with the first line it is on. */
    static Map<String, Integer> mentions(List<String> lines) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            var matcher = FULL.matcher(lines.get(i));
            while (matcher.find()) {
                // LOOPWISE_LLM_* names a family of settings, not one.
                if (!lines.get(i).startsWith("_", matcher.end())) {
                    found.putIfAbsent(matcher.group(), i + 1);
                }
            }
        }
        return found;
    }
}
