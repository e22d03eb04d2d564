package dev.loopwise.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.text.Counts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSONL export of articles, one a line ({@code {"title", "body", "url"?, "id"?}}, the body Markdown or HTML), or
 * one JSON array of them. Every line's problems are gathered, so one refusal names them all.
 */
final class ArticleJsonLines {
    private static final int MAX_PROBLEMS = 20;

    private ArticleJsonLines() {
    }

    static List<Article> read(String text, String sourceName) {
        List<String> problems = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Map<String, Place> lineOfKey = new HashMap<>();
        // JSON lines, or one JSON array of articles (what a tool writes when asked for "JSON"), each named by its place (see Place).
        for (JsonRows.Row row : JsonRows.of(text, problems)) {
            Place line = row.place();
            JsonNode node = row.node();
            if (!node.isObject()) {
                problems.add(line + ": " + (node.isTextual() ? "text" : jsonKind(node)) + ", not an article: each "
                        + (line.inArray() ? "row" : "line") + " holds one object " + ArticleFiles.ARTICLE_SHAPE);
                continue;
            }
            node = fieldsInAnyCase((ObjectNode) node);
            int before = problems.size();
            for (String field : new String[] {"title", "body"}) {
                if (node.has(field) && node.get(field).isNull()) {
                    // Named as missing, the field would contradict the list of fields the line has, which names it.
                    problems.add(line + ": '" + field + "' is null: give the article's " + field + " as text in quotes");
                } else if (!node.hasNonNull(field)) {
                    problems.add(line + ": '" + field + "' is missing (each article needs 'title' and 'body'"
                            + (node.size() > 0 ? "; this " + (line.inArray() ? "row" : "line") + " has " + fieldNames(node) : "") + ")");
                } else if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                    problems.add(line + ": '" + field + "' must be a non-empty string"
                            + (node.path(field).isTextual() ? "" : ", not " + jsonKind(node.get(field))));
                }
            }
            if (node.has("url") && !node.get("url").isNull() && !node.get("url").isTextual()) {
                problems.add(line + ": 'url' must be a string");
            }
            if (node.has("id") && !node.get("id").isNull() && !node.get("id").isTextual() && !node.get("id").isIntegralNumber()) {
                problems.add(line + ": 'id' must be a string or a whole number");
            }
            for (String field : new String[] {"title", "body", "url", "id"}) {
                if (node.path(field).isTextual() && !JsonStrictness.storable(node.get(field).asText())) {
                    problems.add(line + ": '" + field + "' contains a NUL character (\\u0000) or half of a surrogate pair; remove it");
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String body = node.get("body").asText();
            String title = node.get("title").asText().trim();
            String url = node.hasNonNull("url") ? node.get("url").asText() : null;
            String id = node.hasNonNull("id") ? node.get("id").asText() : null;
            Article article = ArticleText.looksLikeHtml(body) ? ArticleText.html(body, title, url, "jsonl", sourceName, id)
                    : ArticleText.markdown(body, title, url, "jsonl", sourceName, id);
            String problem = ArticleFiles.problem(article, true);
            Place earlier = lineOfKey.putIfAbsent(article.key(), line);
            if (problem != null) {
                problems.add(line + ": the article " + problem);
            } else if (earlier != null) {
                problems.add(line + ": the same article as " + earlier + " (same id, url or title)");
            } else {
                articles.add(article);
            }
        }
        if (articles.isEmpty() && problems.isEmpty()) {
            problems.add("the file has no articles");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_file", "Nothing was imported (" + Counts.of(problems.size(), "problem") + "; fix "
                    + (problems.size() == 1 ? "it" : "them") + " and import the file again): "
                    + String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS, problems.size()))) + ".");
        }
        return articles;
    }

    /** What a JSON value is, in the words of the message that says what it should be. */
    private static String jsonKind(JsonNode value) {
        return value.isNumber() ? "a number" : value.isBoolean() ? "true or false" : value.isArray() ? "a list" : value.isObject()
                ? "an object" : "null";
    }

    /** The fields a line has, so a misspelt 'content' for 'body' shows. */
    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> names.add("'" + name + "'"));
        return String.join(", ", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? ", …" : "");
    }

    /**
     * Exports name their fields as they like ({@code URL}, {@code Title}): a field that differs from ours only in case is
     * read as ours, unless ours is there too; a mistyped address would otherwise be dropped without a word.
     */
    private static JsonNode fieldsInAnyCase(ObjectNode node) {
        ObjectNode read = node.deepCopy();
        node.fields().forEachRemaining(field -> {
            String ours = field.getKey().toLowerCase(Locale.ROOT);
            if (List.of("title", "body", "url", "id").contains(ours) && !node.has(ours)) {
                read.set(ours, field.getValue());
            }
        });
        return read;
    }
}
