package dev.loopwise.knowledge;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.KnowledgeFileMessages;
import dev.loopwise.common.file.TextFiles;
import dev.loopwise.common.json.JsonStrictness;
import dev.loopwise.common.text.PlainText;
import java.util.List;
import java.util.Locale;

/**
 * Reads an imported file into articles: Markdown ({@code .md}), HTML ({@code .html}) or a JSONL export, one article a
 * line ({@code {"title", "body", "url"?, "id"?}}, the body Markdown or HTML). Any problem refuses the whole file with
 * a 400 that names it, before anything is written.
 */
final class ArticleFiles {
    enum Format { MARKDOWN, HTML, JSONL }

    static final String ARTICLE_SHAPE = "{\"title\": ..., \"body\": ..., \"url\": optional, \"id\": optional}";

    /** Every ending {@link #format} reads by name, as a refused name lists them. */
    static final String EXTENSIONS = ".md, .markdown, .txt, .html, .htm, .jsonl, .ndjson or .json";

    private ArticleFiles() {
    }

    /**
     * By the file name's ending when it is a known one, else by the content type (browsers often send none that helps);
     * {@code bytes} are looked at only when neither says anything.
     */
    static Format format(String fileName, String contentType, byte[] bytes) {
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
        // The name says what the file is, so a text content type sent with it (often a client's default) does not make it an article.
        if (KnowledgeFileMessages.namesNonTextFile(name)) {
            throw ApiException.badRequest("unsupported_type", KnowledgeFileMessages.notKnowledgeFile("'" + fileName + "'", fileName, ARTICLE_SHAPE));
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
        String base = type.split(";", 2)[0].strip();
        // Past the endings read and refused above, a version-like ending ("faq.v2", "Returns policy 1.2") says nothing of a
        // file's kind; one like ".xml" or ".log" does, and renaming such a file .md would import its markup as the article.
        if ((base.isEmpty() || base.equals("application/octet-stream")) && !endingNamesAType(name)) {
            // Only text may be an article: a PDF, an archive or a binary file is told what it is instead.
            decode(bytes, fileName);
            throw ApiException.badRequest("unsupported_type", KnowledgeFileMessages.formatNotSaid(fileName, base.isEmpty() ? null : base,
                    EXTENSIONS));
        }
        String what = !name.isEmpty() ? "'" + fileName + "'" : "A file of type " + type;
        throw ApiException.badRequest("unsupported_type", KnowledgeFileMessages.notKnowledgeFile(what, fileName, ARTICLE_SHAPE));
    }

    private static boolean endingNamesAType(String name) {
        String ending = name.substring(name.lastIndexOf('.') + 1);
        return name.contains(".") && ending.matches("[a-z][a-z0-9]{0,5}") && !ending.matches("v[0-9]+");
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
            case JSONL -> ArticleJsonLines.read(text, sourceName);
        };
    }

    /** Without its closing line, front matter would be read as the article's text and its title lost: refused instead. */
    private static String frontMatterClosed(String text, String sourceName) {
        int opened = FrontMatter.unclosed(text);
        if (opened > 0) {
            throw ApiException.badRequest("invalid_file", KnowledgeFileMessages.unclosedFrontMatter(sourceName, opened));
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
    static String problem(Article article, boolean titleField) {
        if (article.title() == null || article.title().isBlank()) {
            return KnowledgeFileMessages.articleWithoutTitle(titleField);
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
        if (article.chars() == 0) {
            return "has no text besides its title";
        }
        String all = article.key() + article.title() + (article.url() == null ? "" : article.url()) + article.sections();
        if (all.indexOf('\u0000') >= 0) {
            return "contains a NUL character (\\u0000)";
        }
        return JsonStrictness.storable(all) ? null : "contains half of a UTF-16 surrogate pair, which is not a character";
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
