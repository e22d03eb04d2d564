package dev.loopwise.knowledge;

import dev.loopwise.common.text.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Markdown and HTML into an article's sections, with the parsers' own idea of headings and blocks. The title is the
 * first level-1 heading (HTML: {@code <title>} first), else the name given (the file's, or the JSONL row's title),
 * else the first line of text.
 */
final class ArticleText {
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();
    private static final Pattern HTML_TAG = Pattern.compile("<(p|div|h[1-6]|ul|ol|li|br|table|span|a|strong|em)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "dt", "dd",
            "tr", "figcaption");
    private static final int MAX_FALLBACK_TITLE = 80;
    // Compiled once: clean() runs for every block, and a file may hold hundreds of thousands of them.
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0\\u2007\\u202F]+");
    private static final Pattern AROUND_LINE_BREAK = Pattern.compile(" *\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    /**
     * Control characters (but line breaks and tabs) and invisible format characters (but the joiners emoji need, and the
     * direction marks of Arabic and Hebrew articles): a passage goes into the LLM's prompt and the exports, which no other
     * text of Loopwise lets them into. Articles come from documentation tools, not typed here, so they are dropped rather
     * than the file refused.
     */
    private static final Pattern HIDDEN = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200C\\u200D\\u200E\\u200F\\u061C]]");
    private static final Pattern HEADING_TAG = Pattern.compile("h[1-6]");
    /** Elements whose content is never text to read (an unclosed one runs to the end, as in a browser). */
    private static final Pattern HIDDEN_HTML = Pattern.compile("<(script|style|noscript|template|iframe|object)\\b[^>]*>.*?(</\\1\\s*>|\\z)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ArticleText() {
    }

    static boolean looksLikeHtml(String text) {
        return HTML_TAG.matcher(text).find();
    }

    static Article markdown(String text, String name, String url, String format, String sourceName, String id) {
        FrontMatter front = FrontMatter.read(text);
        String declaredTitle = front.title();
        url = (url == null || url.isBlank()) && front.url() != null ? front.url() : url;
        text = front.text();
        // Raw HTML in Markdown is markup, not text: scripts and styles go with their content, other tags go and leave
        // their text, as an HTML file's would.
        Node document = MARKDOWN.parse(HIDDEN_HTML.matcher(text).replaceAll(""));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(SoftLineBreak lineBreak) {
                // Only where the author's editor wrapped the line: a space, not a break, in the passage.
                lineBreak.insertBefore(new Text(" "));
                lineBreak.unlink();
            }

            @Override
            public void visit(HtmlInline tag) {
                tag.unlink();
            }

            @Override
            public void visit(HtmlBlock block) {
                String words = Jsoup.parseBodyFragment(block.getLiteral()).text();
                if (!words.isBlank()) {
                    Paragraph paragraph = new Paragraph();
                    paragraph.appendChild(new Text(words));
                    block.insertBefore(paragraph);
                }
                block.unlink();
            }
        });
        String title = null;
        List<Article.Section> sections = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h) {
                String words = clean(PLAIN.render(h));
                if (title == null && h.getLevel() == 1 && sections.isEmpty() && paragraphs.isEmpty() && heading == null) {
                    title = words;
                    continue;
                }
                if (words.equals(declaredTitle) && sections.isEmpty() && paragraphs.isEmpty() && heading == null) {
                    continue; // the front matter's title repeated as the first heading
                }
                close(sections, heading, paragraphs);
                heading = words;
                paragraphs = new ArrayList<>();
            } else if (block instanceof TableBlock table) {
                paragraphs.addAll(MarkdownTables.rows(table, PLAIN));
            } else {
                String words = clean(PLAIN.render(block));
                if (!words.isEmpty()) {
                    paragraphs.add(words);
                }
            }
        }
        close(sections, heading, paragraphs);
        return article(declaredTitle != null ? declaredTitle : title, name, url, format, sourceName, id, sections);
    }

    static Article html(String text, String name, String url, String format, String sourceName, String id) {
        Document page = "jsonl".equals(format) ? Jsoup.parseBodyFragment(text) : Jsoup.parse(text);
        if (url == null || url.isBlank()) {
            Element canonical = page.selectFirst("link[rel=canonical][href], meta[property=og:url][content]");
            url = canonical == null ? null : canonical.hasAttr("href") ? canonical.attr("href") : canonical.attr("content");
            // Kept as written: one that is no web address (a relative link too, as the file does not say which site it is
            // on) is left out when the article is made, and the import names it.
            url = url == null || url.isBlank() ? null : url.trim();
        }
        page.select("script, style, noscript, nav, template, svg, form, [role=navigation], [role=banner], [role=contentinfo],"
                + " [role=search], [aria-hidden=true]").remove();
        // A help centre's page around the article (menus, related links, "was this helpful?", the copyright line) is not
        // its text; inside the article a header or an aside is.
        page.select("header, footer, aside").stream().filter(e -> e.parents().stream().noneMatch(ArticleText::isContent))
                .forEach(Element::remove);
        String title = page.title().isBlank() ? null : clean(page.title());
        Element main = page.body().selectFirst("main, [role=main]");
        List<Article.Section> sections = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        for (Element block : (main == null ? page.body() : main).select(String.join(",", BLOCKS))) {
            if (block.parents().stream().anyMatch(p -> BLOCKS.contains(p.normalName()))) {
                continue; // its text is in the enclosing block already
            }
            // A table row reads as one line, its cells apart, not as a paragraph per cell.
            String words = block.normalName().equals("tr")
                    ? String.join(" | ", block.select("> td, > th").stream().map(cell -> clean(cell.text())).filter(t -> !t.isEmpty()).toList())
                    : clean(block.text());
            if (words.isEmpty()) {
                continue;
            }
            if (HEADING_TAG.matcher(block.normalName()).matches()) {
                if (title == null && block.normalName().equals("h1") && heading == null && paragraphs.isEmpty()) {
                    title = words;
                } else if (!(words.equals(title) && heading == null && paragraphs.isEmpty() && sections.isEmpty())) {
                    close(sections, heading, paragraphs);
                    heading = words;
                    paragraphs = new ArrayList<>();
                }
            } else {
                paragraphs.add(words);
            }
        }
        close(sections, heading, paragraphs);
        if (sections.isEmpty() && !page.body().text().isBlank()) {
            sections.add(new Article.Section(null, List.of(clean(page.body().text()))));
        }
        return article(title, name, url, format, sourceName, id, sections);
    }

    private static boolean isContent(Element element) {
        return element.normalName().equals("main") || element.normalName().equals("article") || "main".equals(element.attr("role"));
    }

    private static Article article(String title, String name, String url, String format, String sourceName, String id,
                                   List<Article.Section> sections) {
        if ("jsonl".equals(format) && name != null) {
            title = name; // the row's own title wins over a heading inside its body
        } else if (title == null || title.isBlank()) {
            title = name != null && !name.isBlank() ? name : firstLine(sections);
        }
        title = title == null ? null : HIDDEN.matcher(title).replaceAll("");
        // An address found in the file that reviewers could not open as a link is left out, as a relative one is: the
        // article is still worth importing, and the import's answer names it. (The address typed beside the file was
        // checked before the file was read.)
        String cleanUrl = url == null || !ArticleAddress.isWebAddress(url.trim()) ? null : url.trim();
        // The article is still told apart by the address as written, so two rows of one title with different (odd)
        // addresses stay two articles and an import does not replace another file's article that has the same title.
        String keyUrl = url != null && PlainText.isPlainLine(url.trim()) ? url.trim() : cleanUrl;
        return new Article(Article.key(id, keyUrl, title == null ? "" : title), title, cleanUrl, format, sourceName, sections,
                url != null && !url.isBlank() && cleanUrl == null);
    }

    private static String firstLine(List<Article.Section> sections) {
        for (Article.Section s : sections) {
            if (s.heading() != null) {
                return s.heading();
            }
            if (!s.paragraphs().isEmpty()) {
                String line = s.paragraphs().get(0).split("\n", 2)[0];
                return line.length() <= MAX_FALLBACK_TITLE ? line : line.substring(0, MAX_FALLBACK_TITLE).replaceAll("\\s+\\S*$", "") + "…";
            }
        }
        return null;
    }

    private static void close(List<Article.Section> sections, String heading, List<String> paragraphs) {
        if (!paragraphs.isEmpty()) {
            sections.add(new Article.Section(heading, List.copyOf(paragraphs)));
        }
    }

    /** Runs of spaces and tabs become one space; line breaks (list items, code) stay, at most one blank line. */
    static String clean(String text) {
        String spaced = SPACES.matcher(HIDDEN.matcher(text.replace("\r", "")).replaceAll("")).replaceAll(" ");
        return BLANK_LINES.matcher(AROUND_LINE_BREAK.matcher(spaced).replaceAll("\n")).replaceAll("\n\n").trim();
    }
}
