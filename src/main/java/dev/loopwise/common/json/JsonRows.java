package dev.loopwise.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loopwise.common.file.Place;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
