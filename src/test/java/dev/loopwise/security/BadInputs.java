package dev.loopwise.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad variants of a valid request, derived from its body and path: malformed and truncated JSON, the wrong
 * shape, duplicated keys, every field of the wrong type or missing, and every text field replaced by an
 * oversized, NUL-carrying, lone-surrogate, bidirectional-control, injection or path-traversal value; path
 * identifiers that are negative, overflowing, not numbers or traversals.
 */
final class BadInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One variant: what it tries, and the path and body to send. */
    record Variant(String label, String path, String body) {
    }

    /** Values a text field should refuse or store safely (never a 500). */
    static final Map<String, String> HOSTILE_TEXT = hostileText();
    static final List<String> BAD_IDS = List.of("-1", "0", "abc", "99999999999999999999", "1.5", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "1%00", "%F0%9F%98%80");

    private BadInputs() {
    }

    private static Map<String, String> hostileText() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("oversized", "x".repeat(70_000));
        values.put("NUL", "before\u0000after");
        values.put("lone surrogate", "broken \uD800 text");
        values.put("bidi controls", "\u202Eevil\u202C\u200B\uFEFF");
        values.put("SQL injection", "'; drop table users; --");
        values.put("path traversal", "../../../../etc/passwd");
        values.put("markup", "<script>alert(1)</script>");
        values.put("blank", "   ");
        values.put("marks alone", "\u202E\u0301\uFEFF");
        values.put("control characters", "\u0001\u0007\u001B[31m");
        return values;
    }

    static List<Variant> jsonBodies(String path, String validBody) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("not JSON", path, "this is not json"));
        out.add(new Variant("truncated JSON", path, "{\"text\": \"abc"));
        out.add(new Variant("an array", path, "[1, 2, 3]"));
        out.add(new Variant("a bare string", path, "\"hello\""));
        out.add(new Variant("JSON null", path, "null"));
        out.add(new Variant("nested 2,000 deep", path, "[".repeat(2_000) + "]".repeat(2_000)));
        JsonNode valid = parse(validBody);
        if (!(valid instanceof ObjectNode object) || object.isEmpty()) {
            out.add(new Variant("unknown field", path, "{\"no_such_field\": 1}"));
            return out;
        }
        object.fieldNames().forEachRemaining(field -> {
            JsonNode value = object.get(field);
            String first = object.fieldNames().next();
            out.add(new Variant("duplicated key " + field, path, validBody.replaceFirst("\\{",
                    "{\"" + field + "\": " + value + ", ")));
            out.add(new Variant(field + " missing", path, without(object, field).toString()));
            out.add(new Variant(field + " as an object", path, with(object, field, JSON.createObjectNode().put("x", 1)).toString()));
            out.add(new Variant(field + " as an array", path, with(object, field, JSON.createArrayNode().add(1)).toString()));
            out.add(new Variant(field + " as null", path, with(object, field, JSON.nullNode()).toString()));
            if (value.isTextual()) {
                out.add(new Variant(field + " as a number", path, with(object, field, JSON.getNodeFactory().numberNode(12345)).toString()));
                HOSTILE_TEXT.forEach((label, text) -> out.add(new Variant(field + " " + label, path,
                        with(object, field, JSON.getNodeFactory().textNode(text)).toString())));
                out.add(new Variant(field + " escaped lone surrogate", path,
                        with(object, field, JSON.getNodeFactory().textNode("@@")).toString().replace("@@", "\\ud800")));
            } else if (value.isNumber()) {
                out.add(new Variant(field + " as text", path, with(object, field, JSON.getNodeFactory().textNode("twelve")).toString()));
                out.add(new Variant(field + " negative", path, with(object, field, JSON.getNodeFactory().numberNode(-1)).toString()));
                out.add(new Variant(field + " overflowing", path, validBody.replace(value.toString(), "1e400")));
            }
            if (first.equals(field)) {
                out.add(new Variant("unknown field", path, with(object, "no_such_field", JSON.getNodeFactory().numberNode(1)).toString()));
            }
        });
        return out;
    }

    /** Form fields, one at a time hostile, missing or non-numeric; the CSRF token stays valid. */
    static List<Variant> formBodies(String path, String validBody) {
        List<Variant> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String csrf = "";
        for (String pair : validBody.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("csrf-token")) {
                csrf = pair;
            } else {
                fields.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        String token = csrf;
        fields.keySet().forEach(field -> {
            out.add(new Variant(field + " missing", path, encode(fields, field, null, token)));
            out.add(new Variant(field + " not a number", path, encode(fields, field, "twelve", token)));
            HOSTILE_TEXT.forEach((label, text) -> out.add(new Variant(field + " " + label, path, encode(fields, field, text, token))));
        });
        out.add(new Variant("unknown field only", path, "no_such_field=1" + (token.isEmpty() ? "" : "&" + token)));
        return out;
    }

    /** Uploads (CSV, JSON lines): binary, NUL, an endless line, a missing header, a bare delimiter. */
    static List<Variant> fileBodies(String path) {
        return List.of(new Variant("binary", path, "\u0000\u0001\u0002\u00ff\u00fe"),
                new Variant("NUL in a row", path, "text,label\nhello\u0000there,x\n"),
                new Variant("one endless line", path, "text,label\n" + "y".repeat(70_000) + ",x\n"),
                new Variant("no header", path, "just words\n"),
                new Variant("unbalanced quote", path, "text,label\n\"open quote,x\n"),
                new Variant("not JSON lines", path, "{\"prompt\": \n"),
                new Variant("empty", path, ""));
    }

    /** The path with each identifier in turn replaced by a bad one. */
    static List<Variant> paths(String template, Map<String, String> ids, String body) {
        List<Variant> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[A-Za-z]+}").matcher(template);
        while (m.find()) {
            String param = m.group();
            for (String bad : BAD_IDS) {
                String path = fill(template.replace(param, bad), ids);
                out.add(new Variant(param + " = " + bad, path, body));
            }
        }
        return out;
    }

    static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    private static String encode(Map<String, String> fields, String changed, String value, String csrf) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, original) -> {
            if (!name.equals(changed)) {
                pairs.add(name + "=" + original);
            } else if (value != null) {
                pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (!csrf.isEmpty()) {
            pairs.add(csrf);
        }
        return String.join("&", pairs);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode without(ObjectNode object, String field) {
        ObjectNode copy = object.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static ObjectNode with(ObjectNode object, String field, JsonNode value) {
        ObjectNode copy = object.deepCopy();
        copy.set(field, value);
        return copy;
    }
}
