package dev.loopwise.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A file that is one JSON array of rows ({@code [{...}, {...}]}), as tools export "JSON" where a data set would be JSON
 * lines: read row by row, each with the line it starts on, so that problems are named by line as in a JSONL file. Read
 * as strictly as a JSON line ({@link JsonLines}): a key given twice, or anything after the array, is refused.
 */
public final class JsonArrayRows {
    /** Strict about duplicate keys; rows are read one after another from one parser, so what follows a row is the next. */
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    public record Row(int line, JsonNode node) {
    }

    private JsonArrayRows() {
    }

    /** Whether the content is a JSON array rather than JSON lines. */
    public static boolean isArray(String content) {
        return content.stripLeading().startsWith("[");
    }

    /** The array's rows; a problem that stops the reading is noted in {@code problems}, with the rows read before it. */
    public static List<Row> read(String content, List<String> problems) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = STRICT.createParser(content)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    problems.add("line " + parser.currentLocation().getLineNr() + ": not valid JSON (the file ends before the"
                            + " array does: it may be cut short, or need its closing ])");
                    return rows;
                }
                int line = parser.currentTokenLocation().getLineNr();
                rows.add(new Row(line, STRICT.readTree(parser)));
            }
            if (parser.nextToken() != null) {
                problems.add("line " + parser.currentTokenLocation().getLineNr() + ": not valid JSON (something follows the array"
                        + " that holds the rows)");
            }
        } catch (JsonProcessingException e) {
            boolean cut = String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
            problems.add("line " + e.getLocation().getLineNr() + ": not valid JSON (" + (cut ? "the file ends before the array"
                    + " does: it may be cut short, or need its closing ]" : JsonLines.problem(e)) + ")");
        } catch (IOException e) {
            problems.add("the file cannot be read as JSON (" + e.getMessage() + ")");
        }
        return rows;
    }
}
