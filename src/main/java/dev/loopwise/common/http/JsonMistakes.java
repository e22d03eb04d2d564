package dev.loopwise.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.loopwise.common.Messages;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A JSON body that parsed but does not fit the request, described in the client's terms (the field and what to
 * send there) rather than in Jackson's, which names Java classes and its own configuration.
 */
final class JsonMistakes {
    private JsonMistakes() {
    }

    /** The message for a body that is valid JSON of the wrong shape, or null to fall back to Jackson's own words. */
    static String describe(MismatchedInputException e) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return "Something follows the JSON object: send one object and nothing after it.";
        }
        String field = field(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Messages.unknownJsonField(field, known(unknown.getKnownPropertyIds()));
        }
        Class<?> target = e.getTargetType();
        if (target == null) {
            return null;
        }
        if (wholeNumber(target) && String.valueOf(e.getOriginalMessage()).contains("Floating-point")) {
            // 1e30 or 2.0 where a count goes: a number, but "without quotes" would not say what is wrong with it.
            return Messages.wrongJsonType(field, "a whole number written with digits only, without a decimal point or an exponent");
        }
        return Messages.wrongJsonType(field, expected(target));
    }

    private static boolean wholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class;
    }

    /**
     * The message for valid JSON whose value cannot be read as sent — a number too large for its field, a body in
     * another encoding than UTF-8 — or null.
     */
    static String describeValue(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException coercion) {
                return Messages.numberOutOfRange(withKey(field, coercion), range(coercion.getTargetType()));
            }
            if (String.valueOf(t.getMessage()).startsWith("Invalid UTF-8 start byte")) {
                // Jackson says so too of a valid character outside double quotes (“ ”, a non-breaking space), which it
                // began to read as a single byte: either may be the mistake.
                return Messages.BODY_NOT_UTF8_OR_STRAY_CHARACTER;
            }
            if (t instanceof CharConversionException || String.valueOf(t.getMessage()).startsWith("Invalid UTF-8")) {
                return Messages.BODY_NOT_UTF8;
            }
        }
        return null;
    }

    /** A map's entry ({"ratings": {"A": 1e20}}) is left out of the path Jackson records: the parser still stands on its key. */
    private static String withKey(String field, InputCoercionException coercion) {
        String key = null;
        try {
            JsonParser parser = coercion.getProcessor();
            key = parser == null ? null : parser.currentName();
        } catch (IOException | RuntimeException e) {
            return field; // the parser is closed: the path recorded is all there is
        }
        if (key == null || field != null && (field.equals(key) || field.endsWith("." + key))) {
            return field;
        }
        return field == null ? key : field + "." + key;
    }

    private static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            // The field's own range (0 or more, 1 to 10,000...) is checked next and said then; here only the size.
            return String.format(Locale.ROOT, "a whole number no larger than %,d", Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return String.format(Locale.ROOT, "a whole number no larger than %,d", Long.MAX_VALUE);
        }
        return "a smaller number";
    }

    private static String field(List<JsonMappingException.Reference> path) {
        String joined = path.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return joined.isEmpty() ? null : joined;
    }

    private static List<String> known(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "text (a JSON string in quotes)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "a whole number, without quotes";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number, without quotes";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false, without quotes";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list in [ ]";
        }
        return "an object in { }"; // a record, a map
    }
}
