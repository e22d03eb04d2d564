package dev.loopwise.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML front matter (Jekyll, Hugo, Docusaurus...) at the top of a Markdown article: between a first line of "---" and the
 * next "---" or "...". It is the page's settings, not its text: its title names the article and its address is kept.
 *
 * @param title the title it declares, or null
 * @param url   the first address it gives ({@code url} or {@code canonical_url}) as written, web address or not, or null
 * @param text  the article's text after it (all of it when there is none)
 */
record FrontMatter(String title, String url, String text) {
    private static final Pattern CLOSED = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("(?m)^(title|url|canonical_url):[ \\t]*(.*?)[ \\t]*$");

    /** A first line of "---" followed by a YAML field ("title: ..."), as front matter opens. */
    private static final Pattern OPENED = Pattern.compile(
            "\\A\\uFEFF?---[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)*[A-Za-z_][\\w-]*:(?:[ \\t]|\\r?\\n)");

    static FrontMatter read(String text) {
        Matcher front = CLOSED.matcher(text);
        if (!front.find()) {
            return new FrontMatter(null, null, text);
        }
        String title = null;
        String url = null;
        Matcher field = FIELD.matcher(front.group(1));
        while (field.find()) {
            String value = field.group(2).replaceAll("^([\"'])(.*)\\1$", "$2").trim();
            if (field.group(1).equals("title") && !value.isEmpty()) {
                title = value;
            } else if (!field.group(1).equals("title") && url == null && !value.isEmpty() && !value.equals("~") && !value.equalsIgnoreCase("null")) {
                // Kept as written, whatever it is: one that is no web address is left out later, and the import says so.
                url = value;
            }
        }
        return new FrontMatter(title, url, text.substring(front.end()));
    }

    /**
     * The line of the last front-matter field when the file opens front matter and never closes it, else 0. A file that
     * opens with a thematic break and then text is not front matter: only a "key:" line right after it makes it so.
     */
    static int unclosed(String text) {
        if (!OPENED.matcher(text).lookingAt() || CLOSED.matcher(text).find()) {
            return 0;
        }
        String[] lines = text.split("\\r?\\n", -1);
        int last = 2;
        for (int i = 1; i < lines.length && (lines[i].isBlank() || lines[i].matches("[A-Za-z_][\\w-]*:.*|[ \\t-].*")); i++) {
            last = lines[i].isBlank() ? last : i + 1;
        }
        return last;
    }
}
