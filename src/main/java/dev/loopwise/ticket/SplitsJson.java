package dev.loopwise.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.json.JsonLines;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One JSON object of named parts, each a list of {@code [text, intent]} pairs, as CLINC150 ships
 * ({@code {"train": [["how do i pay my bill", "pay_bill"], ...], "val": [...], "test": [...], "oos_train": [...]}}).
 * The part's name is the rows' split, with the {@code oos_} of CLINC150's out-of-scope parts dropped: their
 * intents already say {@code oos}, and their rows belong to the split of the same name.
 */
final class SplitsJson {
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** An object whose first value is a list of lists: no ticket row starts so, and JSON lines' rows are objects of values. */
    private static final Pattern START = Pattern.compile("^\\s*\\{\\s*\"[^\"]*\"\\s*:\\s*\\[\\s*\\[");

    private SplitsJson() {
    }

    static boolean looksLike(String firstChars) {
        return START.matcher(firstChars).find();
    }

    /** The pairs handed to {@code rows} part by part; each problem is noted with its part and row. */
    static void read(Reader content, Consumer<TicketRow> rows, List<String> errors, Set<Place> numberedLabels)
            throws IOException {
        JsonNode file;
        try {
            file = STRICT.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "the file" : "line " + e.getLocation().getLineNr();
            errors.add(where + ": not valid JSON (" + JsonLines.problem(e) + ")");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> parts = file.fields(); parts.hasNext(); ) {
            Map.Entry<String, JsonNode> part = parts.next();
            if (!part.getValue().isArray()) {
                errors.add(FileMessages.partNotList(part.getKey()));
                continue;
            }
            String split = splitOf(part.getKey());
            int number = 0;
            for (JsonNode pair : part.getValue()) {
                Place place = Place.rowOf(part.getKey(), ++number);
                boolean numbered = pair.isArray() && pair.size() == 2 && pair.get(1).isIntegralNumber();
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !(pair.get(1).isTextual() || numbered)) {
                    errors.add(place + ": " + FileMessages.notTextIntentPair(pair.toString()));
                    continue;
                }
                if (numbered) {
                    numberedLabels.add(place);
                }
                rows.accept(new TicketRow(place, pair.get(0).asText(), blankToNull(pair.get(1).asText()), null, split, Map.of()));
            }
        }
    }

    private static String splitOf(String part) {
        String name = part.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("oos_") ? name.substring("oos_".length()) : name;
    }

    private static String blankToNull(String label) {
        return label.isBlank() ? null : label.strip();
    }
}
