package dev.loopwise.knowledge;

import java.util.List;

/** One page of the article list, with where it sits in the whole. */
public record ArticlePage(List<ArticleSummary> articles, int page, long total) {
    static final int SIZE = 50;

    static ArticlePage of(int requested) {
        long total = KnowledgeArticle.count();
        int last = (int) Math.max(1, (total + SIZE - 1) / SIZE);
        int page = Math.min(Math.max(1, requested), last);
        return new ArticlePage(KnowledgeArticle.page((page - 1) * SIZE, SIZE), page, total);
    }

    public boolean isEmpty() {
        return articles.isEmpty();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public boolean hasNext() {
        return (long) page * SIZE < total;
    }

    /** "Articles 51–100 of 3,712", or "3 articles" when they fit on one page. */
    public String range() {
        if (total <= SIZE) {
            return dev.loopwise.common.Counts.of(total, "article");
        }
        long first = (long) (page - 1) * SIZE + 1;
        return String.format(java.util.Locale.ROOT, "Articles %,d–%,d of %,d, most recently imported first", first,
                first + articles.size() - 1, total);
    }
}
