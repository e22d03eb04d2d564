package dev.loopwise.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.FileMessages;
import dev.loopwise.common.file.Place;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.json.JsonRows;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an imported file into articles: Markdown ({@code .md}), HTML ({@code .html}) or a JSONL export, one article a
 * line ({@code {"title", "body", "url"?, "id"?}}, the body Markdown or HTML). Any problem refuses the whole file with
 * a 400 that names it, before anything is written.
 */
final class ArticleFiles {
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");
    enum Format { MARKDOWN, HTML, JSONL }

    private static final int MAX_PROBLEMS = 20;
    private static final String ARTICLE_SHAPE = "{\"title\": ..., \"body\": ..., \"url\": optional, \"id\": optional}";

    /** Every ending {@link #format} reads by name, as a refused name lists them. */
    static final String EXTENSIONS = ".md, .markdown, .txt, .html, .htm, .jsonl, .ndjson or .json";

    private ArticleFiles() {
    }

    /** By the file name's ending when it is a known one, else by the content type (browsers often send none that helps). */
    static Format format(String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        // Plain paragraphs are Markdown as they stand, and a .txt is what a help-centre article pasted into an editor becomes.
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) {
            return Format.MARKDOWN;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        // The JSONL reader takes one array of articles too, which is what a tool writes when asked for "JSON".
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        if (type.startsWith("text/markdown") || type.startsWith("text/plain")) {
            return Format.MARKDOWN;
        }
        if (type.startsWith("text/html")) {
            return Format.HTML;
        }
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-lines") || type.startsWith("application/json")) {
            return Format.JSONL;
        }
        String what = !name.isEmpty() ? "'" + fileName + "'" : type.isEmpty() ? "A file without a type" : "A file of type " + type;
        throw ApiException.badRequest("unsupported_type", FileMessages.notKnowledgeFile(what, fileName, ARTICLE_SHAPE));
    }

    /** Refused when empty, compressed, binary or not UTF-8; UTF-16 with its mark is read, as ticket files are (Windows "Unicode"). */
    static String decode(byte[] bytes, String name) {
        String file = name == null || name.isBlank() ? "The file" : "'" + name + "'";
        DisguisedFiles.refuse(bytes, name);
        String text;
        try {
            text = bytes == null ? "" : TextFiles.utf8(bytes, name);
        } catch (ApiException refused) {
            if (!"binary_file".equals(refused.code)) {
                throw refused;
            }
            throw ApiException.badRequest("binary_file", file + " is a binary file (it contains NUL bytes), not text: "
                    + "export the articles as Markdown, HTML or JSONL and import that.");
        }
        // Judged once read: a byte-order mark alone is as empty as no bytes.
        if (text.isBlank()) {
            throw ApiException.badRequest("empty_file", file + " is empty: there is no article to import.");
        }
        return text;
    }

    static List<Article> read(Format format, String text, String sourceName, String url) {
        return switch (format) {
            // An HTML page saved as .md: read as the page it is, its title and headings apart from its text.
            case MARKDOWN -> DisguisedFiles.htmlPage(text) ? read(Format.HTML, text, sourceName, url)
                    : List.of(checked(ArticleText.markdown(frontMatterClosed(text, sourceName), stem(sourceName), url, "markdown",
                    sourceName, null), sourceName));
            case HTML -> List.of(checked(ArticleText.html(text, stem(sourceName), url, "html", sourceName, null), sourceName));
            case JSONL -> jsonl(text, sourceName);
        };
    }

    /** Without its closing line, front matter would be read as the article's text and its title lost: refused instead. */
    private static String frontMatterClosed(String text, String sourceName) {
        int opened = ArticleText.unclosedFrontMatter(text);
        if (opened > 0) {
            throw ApiException.badRequest("invalid_file", FileMessages.unclosedFrontMatter(sourceName, opened));
        }
        return text;
    }

    private static Article checked(Article article, String sourceName) {
        String problem = problem(article, false);
        if (problem != null) {
            throw ApiException.badRequest("invalid_file", "Nothing was imported: " + (sourceName == null ? "the file" : "'" + sourceName + "'")
                    + " " + problem + ".");
        }
        return article;
    }

    /** What is wrong with an article, in words, or null. */
    private static String problem(Article article, boolean titleField) {
        if (article.title() == null || article.title().isBlank()) {
            return FileMessages.articleWithoutTitle(titleField);
        }
        if (PlainText.length(article.title()) > Article.MAX_TITLE) {
            return "has a title longer than " + Article.MAX_TITLE + " characters";
        }
        if (!PlainText.isPlainLine(article.title())) {
            return "has a title with a control character, an invisible character or a mark that reverses the writing direction";
        }
        if (PlainText.length(article.key()) > Article.MAX_KEY) {
            return "has an id, url or title longer than " + Article.MAX_KEY + " characters once written in lower case (it"
                    + " tells a re-import what to replace)";
        }
        if (article.url() != null && (!WEB_ADDRESS.matcher(article.url()).matches() || !PlainText.isPlainLine(article.url()))) {
            // A mark that reverses the writing direction would show reviewers another address than the one stored.
            return "has an address (url) that is not a plain web address starting with http:// or https:// (no invisible or "
                    + "direction-reversing marks)";
        }
        if (article.chars() == 0) {
            return "has no text besides its title";
        }
        String all = article.key() + article.title() + (article.url() == null ? "" : article.url()) + article.sections();
        if (all.indexOf('\u0000') >= 0) {
            return "contains a NUL character (\\u0000)";
        }
        return JsonStrictness.storable(all) ? null : "contains half of a UTF-16 surrogate pair, which is not a character";
    }

    private static List<Article> jsonl(String text, String sourceName) {
        List<String> problems = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Map<String, Place> lineOfKey = new HashMap<>();
        // JSON lines, or one JSON array of articles (what a tool writes when asked for "JSON"), each named by its place (see Place).
        for (JsonRows.Row row : JsonRows.of(text, problems)) {
            Place line = row.place();
            JsonNode node = row.node();
            if (!node.isObject()) {
                problems.add(line + ": " + (node.isTextual() ? "text" : jsonKind(node)) + ", not an article: each "
                        + (line.inArray() ? "row" : "line") + " holds one object " + ARTICLE_SHAPE);
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
            String problem = problem(article, true);
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

    /**
     * Exports name their fields as they like ({@code URL}, {@code Title}): a field that differs from ours only in case is
     * read as ours, unless ours is there too; a mistyped address would otherwise be dropped without a word.
     */
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

    /** The file name without folders and ending: the title of an article that has no heading. */
    static String stem(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base).replace('-', ' ').replace('_', ' ').trim();
    }
}
