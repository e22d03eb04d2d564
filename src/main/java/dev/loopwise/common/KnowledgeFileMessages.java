package dev.loopwise.common;

import static dev.loopwise.common.FileMessages.endsWithAny;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Loopwise says about a file imported into the knowledge base: one that is no article file (an archive, a PDF, a
 * document, a table), an article without a title, and titles an import leaves shared by more than one article.
 */
public final class KnowledgeFileMessages {
    /** Shared titles an import names; the rest are counted ("and 3 more"). */
    public static final int SHARED_TITLES_NAMED = 5;

    private KnowledgeFileMessages() {
    }

    /**
     * An article left without a title once control characters and invisible marks are taken out of it. A JSON row names its
     * title in a field, so "give it a first heading" would send its author looking for a heading the format does not have.
     */
    public static String articleWithoutTitle(boolean titleField) {
        return titleField ? "has no title: its 'title' holds only control characters or invisible marks (such as a zero-width"
                + " space), which are left out; write the title in words" : "has no title (give it a first heading)";
    }

    /**
     * A file the knowledge base cannot read, with what to do for the files a team has at hand when its help centre's
     * articles are not yet in a readable form: an archive, a PDF, a word-processor document, a table.
     */
    public static String notKnowledgeFile(String what, String fileName, String articleShape) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String advice = endsWithAny(name, ARCHIVES)
                ? " It is an archive: " + UNPACK_ARCHIVE
                : name.endsWith(".pdf") ? " " + PDF_ADVICE
                : endsWithAny(name, DOCUMENTS)
                ? " " + SAVE_DOCUMENT
                : endsWithAny(name, TABLES)
                ? " For a table of articles, write one JSON line per row with its title and body (a .jsonl file)." : "";
        return what + " is not a knowledge-base file: import Markdown (.md, text/markdown; plain text, .txt, is read as Markdown),"
                + " HTML (.html, text/html) or a JSONL export (.jsonl, application/x-ndjson) with one article a line: " + articleShape
                + " (or one JSON array of them: .json, application/json)." + advice;
    }

    /**
     * A text file whose name has no ending, or one that is none of the kinds read or refused by name ("faq.v2"), or that
     * came with no name, and whose content type says nothing of what it holds (none, or application/octet-stream, what
     * many clients send for any file): its text may well be an article, so it is told how to say which kind, not that it
     * is no knowledge-base file. {@code type} null: none was sent.
     */
    public static String formatNotSaid(String fileName, String type, String endings) {
        String sent = type == null ? "no content type" : "the content type " + type + ", which says nothing of what a file holds";
        String typed = ", or send it with its content type (text/markdown, text/html, application/x-ndjson or application/json)."
                + " Nothing was imported.";
        if (fileName == null || fileName.isBlank()) {
            return "The file came with no name and " + sent + ", so there is nothing to read it by: give its name with its ending in"
                    + " ?name= (for example ?name=returns.md; the endings read are " + endings + ")" + typed;
        }
        int dot = fileName.lastIndexOf('.');
        String ending = dot < 0 ? "no ending" : "no ending this import knows ('" + fileName.substring(dot) + "')";
        return "'" + fileName + "' has " + ending + " and came with " + sent + ", so there is nothing to read it by: name the file with one"
                + " of " + endings + " (for example " + fileName.strip() + ".md)" + typed;
    }

    private static final String[] ARCHIVES = {".zip", ".tar", ".gz", ".tgz", ".7z", ".rar"};
    private static final String[] DOCUMENTS = {".doc", ".docx", ".odt", ".rtf", ".pages"};
    private static final String[] TABLES = {".csv", ".tsv", ".xls", ".xlsx", ".ods"};

    /**
     * Whether a file's name says it is an archive, a PDF, a word-processor document or a table: the kinds
     * {@link #notKnowledgeFile} has advice for, which no content type makes an article.
     */
    public static boolean namesNonTextFile(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || endsWithAny(name, ARCHIVES) || endsWithAny(name, DOCUMENTS) || endsWithAny(name, TABLES);
    }

    private static final String UNPACK_ARCHIVE = "unpack it and import the article files inside it one at a time.";
    private static final String PDF_ADVICE = "A PDF keeps the layout of pages, not the article's text: export the articles from"
            + " the help centre as HTML or Markdown (most help centres export HTML), or paste the text into a .md file.";
    private static final String SAVE_DOCUMENT = "Save it from the word processor as a Web page (.html) or as Markdown (.md) and"
            + " import that.";

    /**
     * A knowledge file whose bytes are a PDF or a zip container (an archive, or a .docx or .odt document) under a text
     * file's name: told as what it is, since the name's ending says nothing true about it.
     */
    public static String knowledgeFileInDisguise(String fileName, boolean pdf) {
        String file = fileName == null || fileName.isBlank() ? "The file" : "'" + fileName + "'";
        return pdf ? file + " is a PDF, whatever its name says. " + PDF_ADVICE + " Nothing was imported."
                : file + " is a zip archive, whatever its name says (a .docx or .odt document is one too): for an archive, "
                + UNPACK_ARCHIVE + " " + SAVE_DOCUMENT.replace("Save it", "Save a document") + " Nothing was imported.";
    }

    /** A Markdown file whose front matter opens with "---" and never closes, with the line its last field ends on. */
    public static String unclosedFrontMatter(String fileName, int lastField) {
        return "Nothing was imported: " + (fileName == null ? "the file" : "'" + fileName + "'") + " opens its front matter with ---"
                + " on line 1 but never closes it, so its fields would be read as the article's text: add a line --- after its last"
                + " field (line " + lastField + ") and import the file again (or, if line 1 is not front matter, remove it).";
    }

    /**
     * After a knowledge import, the titles it now shares with other articles (under another id or address): both are found
     * for a ticket, so a copy of one article should go. Empty when no title is shared.
     */
    public static String sharedTitles(List<String> titles) {
        return sharedTitles(titles.stream().limit(SHARED_TITLES_NAMED).toList(), Math.max(0, titles.size() - SHARED_TITLES_NAMED));
    }

    /** As {@link #sharedTitles(List)}, from the titles named and how many more there are. */
    public static String sharedTitles(List<String> named, int more) {
        if (named.isEmpty()) {
            return "";
        }
        String quoted = named.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                + (more > 0 ? " and " + more + " more" : "");
        return " " + quoted + (named.size() + more == 1 ? " is now the title of more than one article" : " are now titles of more than one"
                + " article each") + ", under different ids or addresses, and all are kept and found: a re-import replaces only the"
                + " article with the same id, else the same address, else the same title. If they are one article twice, delete the"
                + " copy you do not want under Articles.";
    }
}
