package dev.loopwise.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.common.text.PlainText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads ticket files: RFC 4180 CSV with a header row ({@code text} required; {@code label},
 * {@code response}, {@code split} optional, each also under the other names {@link TicketColumns} lists; other columns
 * kept as metadata), JSONL with the same keys, one JSON array of such rows, or CLINC150's object of named parts
 * ({@link SplitsJson}).
 * Problems are collected with their line numbers instead of stopping at the first.
 */
public final class TicketFile {

    public enum Format { CSV, JSONL }

    /**
     * {@code numberedLabels}: the JSON rows whose label was a whole number. A benchmark of a public data set takes it as
     * the intent's name; the ticket import asks for names.
     */
    public record Parsed(List<TicketRow> rows, List<String> errors, Set<Place> numberedLabels) {
        public Parsed(List<TicketRow> rows, List<String> errors) {
            this(rows, errors, Set.of());
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** The same, its problems said of a file known by its name (a page's upload, a command's file): no content type to change. */
        public Parsed ofNamedFile(String fileName) {
            return new Parsed(rows, FileMessages.ofNamedFile(errors, fileName == null ? "" : fileName), numberedLabels);
        }
    }

    private TicketFile() {
    }

    /** Columns (JSONL keys) a ticket file may have: the known ones and others kept with each ticket as metadata. */
    static final int MAX_COLUMNS = 200;

    /** CSV unless the name ends in .jsonl/.ndjson/.json or the content starts with '{' or '[' (JSON lines or a JSON array). */
    public static Format guess(String fileName, String firstChars) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        return looksLikeJson(firstChars) ? Format.JSONL : Format.CSV;
    }

    /** An object, or an array of objects: a CSV header may start with '[' ("[Ticket ID],Text"), but not with '[{'. */
    static boolean looksLikeJson(String content) {
        String start = content.stripLeading();
        return start.startsWith("{") || (start.startsWith("[") && (start.substring(1).stripLeading().startsWith("{")
                || start.substring(1).stripLeading().startsWith("]")));
    }

    /**
     * A first line of names between commas or tabs, quoted or not ({@code "text","label"}), holding no bracket or colon
     * that a JSON row would.
     */
    static boolean looksLikeCsvHeader(String content) {
        String first = content.stripLeading().lines().findFirst().orElse("");
        return (first.contains(",") || first.contains("\t")) && first.chars().noneMatch(c -> c == '{' || c == '[' || c == ':');
    }

    /** A byte-order mark at the start is dropped (see {@link TextFiles}). */
    public static Parsed read(Reader reader, Format format) throws IOException {
        List<TicketRow> rows = new ArrayList<>();
        Parsed read = read(reader, format, rows::add);
        return new Parsed(rows, read.errors(), read.numberedLabels());
    }

    /**
     * The rows handed to {@code rows} as they are read, so that a large file need not be held: a CSV file and JSON lines
     * are read as they come, a JSON array whole. The rows of the returned {@link Parsed} are empty; its problems are the file's.
     */
    public static Parsed read(Reader reader, Format format, Consumer<TicketRow> rows) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        in.mark(1);
        if (in.read() != BYTE_ORDER_MARK) {
            in.reset();
        }
        DoubleEncoding encoding = new DoubleEncoding(format == Format.CSV);
        Parsed read;
        if (format == Format.JSONL) {
            read = readJsonl(in, encoding.watching(rows));
        } else {
            List<String> errors = new ArrayList<>();
            TicketCsv.read(in, encoding.watching(rows), errors);
            read = new Parsed(List.of(), errors);
        }
        String garbled = encoding.problem();
        if (garbled != null) {
            read.errors().add(garbled);
        }
        return read;
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Characters enough to see a file of named parts open: the first part's name and its first pair's bracket. */
    private static final int SPLITS_PREFIX = 256;

    private static Parsed readJsonl(BufferedReader content, Consumer<TicketRow> rows) throws IOException {
        List<String> errors = new ArrayList<>();
        Set<Place> numberedLabels = new HashSet<>();
        content.mark(SPLITS_PREFIX);
        char[] start = new char[SPLITS_PREFIX];
        int length = 0;
        for (int n; length < SPLITS_PREFIX && (n = content.read(start, length, SPLITS_PREFIX - length)) > 0; ) {
            length += n;
        }
        content.reset();
        if (looksLikeCsvHeader(new String(start, 0, length))) {
            // Read as JSON, a header line only gives "'text' is not JSON", which sends the person quoting words.
            errors.add("line 1: " + FileMessages.CSV_SENT_AS_JSON_LINES);
            return new Parsed(List.of(), errors, numberedLabels);
        }
        if (SplitsJson.looksLike(new String(start, 0, length))) {
            SplitsJson.read(content, rows, errors, numberedLabels);
            return new Parsed(List.of(), errors, numberedLabels);
        }
        JsonRows.each(content, errors, read -> {
            TicketRow row = jsonRow(read, errors, numberedLabels);
            if (row != null) {
                rows.accept(row);
            }
        });
        return new Parsed(List.of(), errors, numberedLabels);
    }

    /** The ticket of a JSON row, or null when it has a problem (noted in {@code errors}). */
    private static TicketRow jsonRow(JsonRows.Row read, List<String> errors, Set<Place> numberedLabels) {
        Place line = read.place();
        JsonNode node = read.node();
        if (!node.isObject()) {
            errors.add(line + ": expected a JSON object");
            return null;
        }
        if (node.size() > MAX_COLUMNS) {
            errors.add(line + ": " + node.size() + " keys; a ticket may have at most " + MAX_COLUMNS
                    + " (text, intent, response, split and others kept with it). Remove the keys you do not need");
            return null;
        }
        // A key whose value is null holds nothing to mistake for another: merged tables write {"text":"hi","Text":null}.
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(key -> { if (!node.get(key).isNull()) names.add(key); });
        String twice = TicketColumns.repeated(names, true);
        if (twice != null) {
            errors.add(line + ": " + twice);
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(key -> { if (!node.get(key).isNull()) keys.add(key); });
        Map<String, String> sources = TicketColumns.sources(keys);
        boolean bad = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isNumber() && !Double.isFinite(value.asDouble()) && !value.isBigInteger()) {
                errors.add(line + ": '" + field.getKey() + "' is a number too large to keep; write it as a string");
                bad = true;
                continue;
            }
            // A data set's intents may be numbered: a whole-number label is a name like any other.
            boolean numberedLabel = field.getKey().equals(sources.get("label")) && value.isIntegralNumber();
            if (numberedLabel) {
                numberedLabels.add(line);
            }
            if (sources.containsValue(field.getKey()) && !value.isTextual() && !numberedLabel) {
                errors.add(line + ": '" + field.getKey() + "' must be a string");
                bad = true;
            }
            values.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
        }
        if (!sources.containsKey("text") && !bad) {
            // A text sent as null is there but empty of text: say so rather than call it missing.
            Set<String> all = new LinkedHashSet<>();
            node.fieldNames().forEachRemaining(all::add);
            String nullText = TicketColumns.sources(all).get("text");
            errors.add(line + (nullText != null ? ": '" + nullText + "' is null; each ticket needs its text as a string"
                    : ": missing 'text' (or " + TicketColumns.otherNames("text") + ")"));
            return null;
        }
        return bad ? null : row(line, values, sources);
    }

    /** A row's values, each column Loopwise reads taken from its source (see {@link TicketColumns}), the rest as metadata. */
    static TicketRow row(Place line, Map<String, String> values, Map<String, String> sources) {
        Map<String, String> metadata = new LinkedHashMap<>(values);
        sources.values().forEach(metadata::remove);
        Function<String, String> read = column -> sources.containsKey(column) ? values.get(sources.get(column)) : null;
        return new TicketRow(line, read.apply("text"), blankToNull(read.apply("label")),
                blankToNull(read.apply("response")), blankToNull(read.apply("split")), metadata);
    }

    private static String blankToNull(String value) {
        return value == null || !PlainText.showsSomething(value) ? null : value.strip();
    }
}
