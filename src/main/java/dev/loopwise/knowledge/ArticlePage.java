package dev.loopwise.knowledge;

import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.common.db.RowCounts;
import dev.loopwise.common.text.Counts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the article list, found by the id it continues below ({@code before}, null for the newest) rather than by
 * its number, which would make the database read and skip every newer article. {@code olderThan}: the next page's cursor,
 * null on the last page. {@code search}: the text the listed articles' titles or file names hold, null for all of them;
 * {@code total} counts the articles it lists, searched or not, but a search's only up to {@link #SEARCH_COUNTED} + 1.
 */
public record ArticlePage(List<ArticleSummary> articles, Long before, Long olderThan, long total, String search) {
    static final int SIZE = 50;
    /** Beyond this many a search's articles are told as "more than": the exact number would mean reading every one. */
    static final int SEARCH_COUNTED = 1_000;

    static ArticlePage of(Long cursor, String search) {
        // A cursor above every article shows the newest page, as the newest: a link to it would lead back to this page.
        Long before = cursor != null && KnowledgeArticle.anyFrom(cursor, search) ? cursor : null;
        List<ArticleSummary> fetched = KnowledgeArticle.page(before, 0, SIZE + 1, search);
        List<ArticleSummary> shown = fetched.size() > SIZE ? fetched.subList(0, SIZE) : fetched;
        long total = search == null ? RowCounts.total(RowCounts.KNOWLEDGE_ARTICLES) : KnowledgeArticle.countHolding(search, SEARCH_COUNTED + 1);
        return new ArticlePage(shown, before, fetched.size() > SIZE ? shown.get(SIZE - 1).id() : null, total, search);
    }

    /** No article listed (a page past the end of the list, from a typed address, still shows the way back). */
    public boolean isEmpty() {
        return total == 0;
    }

    public boolean isSearched() {
        return search != null;
    }

    public boolean hasPrevious() {
        return before != null;
    }

    public boolean hasNext() {
        return olderThan != null;
    }

    /** "3 articles", or "3,712 articles, 50 a page, most recently imported first" when they do not fit on one page. */
    public String range() {
        if (total <= SIZE && before == null) {
            return Counts.of(total, "article");
        }
        return KnowledgeMessages.articlesListed(search != null && total > SEARCH_COUNTED ? SEARCH_COUNTED : total,
                search != null && total > SEARCH_COUNTED, SIZE, before != null);
    }

    /** What the search box's note says while a search is kept. */
    public String searched() {
        return search == null ? null : KnowledgeMessages.articlesSearched(search);
    }

    /** What an empty search says, and how to widen it. */
    public String noMatch() {
        return search == null ? null : KnowledgeMessages.noArticleHolds(search);
    }

    /** The newest page of the same list: the search kept. */
    public String newestAddress() {
        return address(null, search);
    }

    /** The next page of older articles: the search kept. */
    public String olderAddress() {
        return address(olderThan, search);
    }

    /** The page of the list below {@code before} (null: the newest) holding {@code search} (null: all articles). */
    static String address(Long before, String search) {
        List<String> parameters = new ArrayList<>();
        if (before != null) {
            parameters.add("before=" + before);
        }
        if (search != null) {
            // A space as %20, since a + in an address reads as a plus sign.
            parameters.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return "/admin/knowledge" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)) + "#knowledge-articles";
    }
}
