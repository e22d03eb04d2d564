package dev.loopwise.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a Markdown file, cell by cell, however their columns are padded. A cell's {@code \|} is a literal bar
 * (GitHub's way of writing one inside a table, backticks included), so it neither splits the row nor stays escaped.
 */
record MarkdownTables(List<Table> tables) {
    static final Path README = Path.of("README.md");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");

    /** One table: its header cells (lower case) and its rows, each with its line number in the file (1-based). */
    record Table(List<String> header, List<Row> rows) {
        /** The index of the first header cell that is {@code name}, or -1. */
        int column(String name) {
            return header.indexOf(name);
        }
    }

    record Row(int line, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    static MarkdownTables readme() throws IOException {
        return parse(Files.readAllLines(README));
    }

    static MarkdownTables parse(List<String> lines) {
        List<Table> tables = new ArrayList<>();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (!line.startsWith("|")) {
                if (header != null) {
                    tables.add(new Table(header, List.copyOf(rows)));
                }
                header = null;
                rows.clear();
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            } else if (!cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                rows.add(new Row(i + 1, cells));
            }
        }
        return new MarkdownTables(List.copyOf(tables));
    }

    /** The tables whose header has a column of this name. */
    List<Table> withColumn(String name) {
        return tables.stream().filter(t -> t.column(name) >= 0).toList();
    }

    /** The text of each code span in a cell, in order. */
    static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE_SPAN.matcher(cell);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }

    private static List<String> cells(String line) {
        String body = line.substring(1, line.endsWith("|") && !line.endsWith("\\|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
