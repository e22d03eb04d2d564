package dev.loopwise.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loopwise.common.file.Place;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an imported JSONL file, read as strictly as a request body: a key given twice (which value was meant?)
 * or anything after the object (a second object on the same line, stray text) is refused rather than guessed at.
 */
public final class JsonLines {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{0,60})");
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '(.*?)': was expecting", Pattern.DOTALL);
    /** The character as Jackson shows it, its code (and in hex past ASCII: "(code 8220 / 0x201c)"), then what it expected. */
    private static final Pattern UNEXPECTED = Pattern.compile(
            "^Unexpected character \\('(.{1,2}?)' \\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)\\):? (.*)", Pattern.DOTALL);

    private JsonLines() {
    }

    public static JsonNode read(String line) throws JsonProcessingException {
        return STRICT.readTree(line);
    }

    /** Line {@code number} of a file as JSON, or null after noting in {@code problems} what is wrong with it. */
    public static JsonNode readOrNote(String line, int number, List<String> problems) {
        try {
            return read(line);
        } catch (JsonProcessingException e) {
            problems.add(Place.line(number) + ": not valid JSON (" + (separatedByCommas(line) ? "a comma follows the object: JSON lines"
                    + " have nothing between one line's object and the next, remove it" : problem(e)) + ")");
            return null;
        }
    }

    /** The objects of an array written one a line without its brackets: "{...}," — valid once the comma goes. */
    private static boolean separatedByCommas(String line) {
        String stripped = line.strip();
        if (!stripped.endsWith(",")) {
            return false;
        }
        try {
            read(stripped.substring(0, stripped.length() - 1));
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** What is wrong with a line, in words a person can act on (no parser internals). */
    public static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "the key '" + duplicate.group(1).replaceAll("'$", "") + "' appears twice";
        }
        if (message.startsWith("Trailing token")) {
            return "something follows the JSON object (one object per line)";
        }
        Matcher unknown = UNRECOGNIZED.matcher(message);
        if (unknown.find()) {
            String token = unknown.group(1).length() > 40 ? unknown.group(1).substring(0, 40) + "…" : unknown.group(1);
            return "'" + token + "' is not JSON (text goes in double quotes)";
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.find()) {
            String said = JsonSyntax.unexpected(unexpected.group(1), unexpected.group(2));
            if (said != null) {
                return said;
            }
        }
        String syntax = JsonSyntax.other(message);
        if (syntax != null) {
            return syntax;
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the line ends before the JSON object does";
        }
        if (message.startsWith("Document nesting depth")) {
            return "arrays and objects nested more than 1,000 levels deep";
        }
        // Jackson's hints name its own settings ("enable `JsonReadFeature…` to allow"): not the sender's to change.
        String plain = message.replaceAll("(?s)[:;]? ?(enable|from) `.*", "").replaceAll("(?s)\\s*at \\[Source.*", "").strip();
        return plain.length() > 120 ? plain.substring(0, 120) + "…" : plain;
    }
}
