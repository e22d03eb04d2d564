package dev.loopwise.common;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the knowledge base's import and article list say about an address, a file's name and a search (one place for their words). */
public final class KnowledgeMessages {
    private KnowledgeMessages() {
    }

    /** Shown after an address that is kept but not linked: a name reserved for examples, which no browser can open. */
    public static final String EXAMPLE_ADDRESS = "(an example address: no page behind it)";
    /** Shown after an address kept from before addresses were checked that is no web address: a link to it could run a script. */
    public static final String NOT_A_WEB_ADDRESS = "(not a web address, so not a link: import the article again with its http:// or https:// address)";

    public static String addressTooLong(int length, int max) {
        return "is " + String.format(Locale.ROOT, "%,d", length) + " characters long, more than the " + max + " an article's address may have";
    }

    public static final String ADDRESS_NOT_PLAIN = "holds a space, a line break, an invisible character or a mark that reverses"
            + " the writing direction (write a space as %20)";
    public static final String ADDRESS_NOT_WEB = "does not start with http:// or https://";

    public static String addressBadSite(String host) {
        String shown = host.length() > 60 ? host.substring(0, 60) + "…" : host;
        return "names the site '" + shown + "', which holds a character no site's name has (letters, digits, dots and hyphens)";
    }

    public static String addressBadPort(String port, int max) {
        String shown = port.length() > 20 ? port.substring(0, 20) + "…" : port;
        return "gives the port '" + shown + "' after the site's name: a port is a number from 1 to " + max + ", or left out with its colon";
    }

    public static String addressWithoutSite(String scheme) {
        return "names no site after " + scheme + "://";
    }

    /** The import's address (the page's "Address of the article", the API's {@code url}) refused; {@code problem} finishes "the address ...". */
    public static String urlParameter(String problem, String got) {
        String shown = got.length() > 60 ? got.substring(0, 60) + "…" : got;
        return "The address of the article (url) must be its web address as reviewers open it, such as https://help.yourshop.com/returns: the"
                + " address " + problem + "; got '" + shown + "'. Nothing was imported.";
    }

    /** A JSONL file carries an address per article; one address for the whole file would belong to none of them. */
    public static final String URL_WITH_JSON_LINES = "An address of the article (url) is for a Markdown or HTML file, which holds one article: a JSONL file"
            + " gives each article's address in its own \"url\" field. Leave the address empty, or put it in the rows. Nothing was imported.";

    /** A name that ends in a dot, as a name cut short or mistyped does. */
    public static String nameEndsInDot(String name, String endings) {
        return "'" + name + "' ends in a dot, so it has no ending to read it by: name the file with one of " + endings
                + " (for example returns.md). Nothing was imported.";
    }

    /** How many articles whose address was left out an import's answer names by title; the rest are counted. */
    public static final int LEFT_OUT_TITLES_NAMED = 5;

    /**
     * After an import, the articles whose file gave an address no browser can open (javascript:, a bare host, a port that
     * is no number): imported without a link, so the author can fix the address and import again. Empty when none was.
     */
    public static String addressesLeftOut(int count, List<String> named) {
        if (count == 0) {
            return "";
        }
        // Quoted as the shared titles are: "Returns, exchanges" is one title, not two.
        String titles = named.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + (count > named.size() ? " and " + (count - named.size()) + " more" : "");
        return count == 1
                ? " 1 article address was not a link a browser can open and was left out: " + titles + ". Give it an http:// or"
                + " https:// address in the file and import it again to show the link."
                : " " + String.format(Locale.ROOT, "%,d", count) + " article addresses were not links a browser can open and were"
                + " left out: " + titles + ". Give them http:// or https:// addresses in the file and import it again to show the links.";
    }

    /**
     * Above an article list longer than a page: "3,712 articles, 50 a page, most recently imported first", or "More than
     * 1,000 articles, ..." for a search counted only up to {@code total}.
     */
    public static String articlesListed(long total, boolean moreThan, int pageSize, boolean olderOnes) {
        String counted = String.format(Locale.ROOT, moreThan ? "More than %,d articles" : "%,d articles", total);
        return String.format(Locale.ROOT, "%s, %d a page, most recently imported first%s", counted, pageSize,
                olderOnes ? "; these are older ones" : "");
    }

    /** Shown under the search box while a search is kept. */
    public static String articlesSearched(String search) {
        return "Only the articles whose title or file name holds \u201c" + search + "\u201d, upper and lower case alike, most recently"
                + " imported first.";
    }

    /** No article has the id asked for: why one that was there may be gone, and that a newer import has a new id. */
    public static String noArticle(long id) {
        return "There is no knowledge-base article " + id + ": it may have been deleted already, or replaced by a newer import of the same"
                + " article, which gave it a new id.";
    }

    /** The search found no article: how to widen it. */
    public static String noArticleHolds(String search) {
        return "No article's title or file name holds \u201c" + search + "\u201d. Try a shorter part of a word, or clear the search"
                + " to see every article.";
    }

    public static String searchTooLong(String name, int max) {
        return name + " is longer than " + max + " characters: search for a word or two of the article's title or file name.";
    }
}
