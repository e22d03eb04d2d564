package dev.loopwise.knowledge;

import dev.loopwise.common.db.RowCounts;
import dev.loopwise.common.text.Counts;
import java.util.List;
import java.util.Locale;

/**
 * One page of the article list, found by the id it continues below ({@code before}, null for the newest) rather than by
 * its number, which would make the database read and skip every newer article. {@code olderThan}: the next page's cursor,
 * null on the last page.
 */
public record ArticlePage(List<ArticleSummary> articles, Long before, Long olderThan, long total) {
    static final int SIZE = 50;

    static ArticlePage of(Long cursor) {
        // A cursor above every article shows the newest page, as the newest: a link to it would lead back to this page.
        Long before = cursor != null && KnowledgeArticle.anyFrom(cursor) ? cursor : null;
        List<ArticleSummary> fetched = KnowledgeArticle.page(before, 0, SIZE + 1);
        List<ArticleSummary> shown = fetched.size() > SIZE ? fetched.subList(0, SIZE) : fetched;
        return new ArticlePage(shown, before, fetched.size() > SIZE ? shown.get(SIZE - 1).id() : null,
                RowCounts.total(RowCounts.KNOWLEDGE_ARTICLES));
    }

    /** No article at all (a page past the end of the list, from a typed address, still shows the way back). */
    public boolean isEmpty() {
        return total == 0;
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
        return String.format(Locale.ROOT, "%,d articles, %d a page, most recently imported first%s", total, SIZE,
                before == null ? "" : "; these are older ones");
    }
}
