package dev.loopwise.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loopwise.common.file.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a JSON file: JSON lines, or one JSON array of rows ({@code [{...}, {...}]}), as tools export "JSON" where a
 * data set would be JSON lines. Either is read row by row, each with its {@link Place}: its line in JSON lines, its
 * number in the array (a row of an array often spans lines), so that problems are named where the sender looks. An array is read as strictly as a JSON line ({@link JsonLines}): a key given twice, or anything after the
 * array, is refused.
 */
public final class JsonRows {
    /** Strict about duplicate keys; rows are read one after another from one parser, so what follows a row is the next. */
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    public record Row(Place place, JsonNode node) {
    }

    private JsonRows() {
    }

    /** The rows of JSON lines or of an array; a line or a part that cannot be read is noted in {@code problems}. */
    public static List<Row> of(String content, List<String> problems) {
        if (isArray(content)) {
            return read(content, problems);
        }
        List<Row> rows = new ArrayList<>();
        // A lone \r ends a line too (old Mac exports), as \n and \r\n do.
        String[] lines = content.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            JsonNode node = lines[i].isBlank() ? null : JsonLines.readOrNote(lines[i], i + 1, problems);
            if (node != null) {
                rows.add(new Row(Place.line(i + 1), node));
            }
        }
        return rows;
    }

    /**
     * As {@link #of}, each row handed to {@code rows} as it is read: JSON lines a line at a time, so that a large file is
     * never held whole; an array (told by its first characters) is read whole.
     */
    public static void each(Reader reader, List<String> problems, Consumer<Row> rows) throws IOException {
        BufferedReader in = new BufferedReader(reader, PREFIX);
        in.mark(PREFIX);
        char[] start = new char[PREFIX];
        int length = 0;
        for (int n; length < PREFIX && (n = in.read(start, length, PREFIX - length)) > 0; ) {
            length += n;
        }
        in.reset();
        if (isArray(new String(start, 0, length))) {
            StringBuilder content = new StringBuilder();
            for (int n; (n = in.read(start)) > 0; ) {
                content.append(start, 0, n);
            }
            read(content.toString(), problems).forEach(rows);
            return;
        }
        int number = 0;
        // readLine ends a line at \n, \r\n and a lone \r, as {@link #of} does.
        for (String line; (line = in.readLine()) != null; ) {
            number++;
            JsonNode node = line.isBlank() ? null : JsonLines.readOrNote(line, number, problems);
            if (node != null) {
                rows.accept(new Row(Place.line(number), node));
            }
        }
    }

    /** Characters looked at to tell an array from JSON lines. */
    private static final int PREFIX = 64 * 1024;

    /** Whether the content is a JSON array rather than JSON lines. */
    public static boolean isArray(String content) {
        return content.stripLeading().startsWith("[");
    }

    /** The array's rows; a problem that stops the reading is noted in {@code problems}, with the rows read before it. */
    private static List<Row> read(String content, List<String> problems) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = STRICT.createParser(content)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    problems.add(Place.row(rows.size() + 1) + " (line " + parser.currentLocation().getLineNr() + "): not valid JSON (the file ends before the"
                            + " array does: it may be cut short, or need its closing ])");
                    return rows;
                }
                rows.add(new Row(Place.row(rows.size() + 1), STRICT.readTree(parser)));
            }
            if (parser.nextToken() != null) {
                problems.add("line " + parser.currentTokenLocation().getLineNr() + ": not valid JSON (something follows the array"
                        + " that holds the rows)");
            }
        } catch (JsonProcessingException e) {
            boolean cut = String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
            // A limit the parser enforces (nesting too deep) comes without a place in the file.
            String where = e.getLocation() == null ? "the file" : Place.row(rows.size() + 1) + " (line " + e.getLocation().getLineNr() + ")";
            problems.add(where + ": not valid JSON (" + (cut ? "the file ends before the array"
                    + " does: it may be cut short, or need its closing ]" : JsonLines.problem(e)) + ")");
        } catch (IOException e) {
            problems.add("the file cannot be read as JSON (" + e.getMessage() + ")");
        }
        return rows;
    }
}
