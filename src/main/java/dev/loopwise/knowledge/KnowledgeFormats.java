package dev.loopwise.knowledge;

import dev.loopwise.common.KnowledgeMessages;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How passages and their scores read for a support lead. */
@TemplateExtension
public class KnowledgeFormats {
    /**
     * Scores this share of the way from the grounding threshold to 1 read as a close match: 0.552 for all-MiniLM-L6-v2's
     * threshold of 0.30 (the top 40% of same-subject pairs), 0.776 for bge-small's 0.65 (the top 33%), and no pair of
     * another subject with either (BENCHMARKS.md, bench-relatedness).
     */
    private static final double CLOSE_SHARE = 0.36;

    /** The score from which a passage reads as a close match under this grounding threshold. */
    static double closeFrom(double minScore) {
        return minScore + CLOSE_SHARE * (1 - minScore);
    }

    /** {@link #closeFrom} for the page's explanation of the labels: to three places, since scores shown to two round across it. */
    static String closeFromText(double minScore) {
        return BigDecimal.valueOf(closeFrom(minScore)).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The score in plain words: what it means for a ticket like the one tried. Between the threshold and the close line
     * a shop's own articles on neighbouring subjects (cancelling, refunds, damaged items for a return) score as high as
     * the one that answers, so "related" must not promise the ticket's subject.
     */
    static String match(Passage passage, double minScore) {
        double s = passage.score();
        if (s >= closeFrom(minScore)) {
            return "Close match: this passage is about what the ticket asks; it would be given to the assistant.";
        }
        if (s >= minScore) {
            return "Related: on the ticket's subject or a neighbouring one, maybe not the answer; it would be given to the assistant.";
        }
        return "Weak: probably not about this ticket; it would be left out.";
    }

    /**
     * The score to two places, never rounded across the grounding threshold: a passage left out must not show the
     * threshold's own figure (0.6496 as "0.65" under a threshold of 0.65) next to one given to the assistant.
     */
    static String scoreText(Passage passage, double minScore) {
        BigDecimal score = BigDecimal.valueOf(passage.score());
        BigDecimal shown = score.setScale(2, passage.score() < minScore ? RoundingMode.FLOOR : RoundingMode.HALF_UP);
        if (passage.score() >= minScore && shown.doubleValue() < minScore) {
            shown = score.setScale(2, RoundingMode.CEILING);
        }
        return shown.toPlainString();
    }

    /**
     * The address to link an article to, or null when there is none, it is on a name reserved for examples
     * (example.com, .example, .test...: RFC 2606), which no browser can open — the demo's articles have such
     * addresses, and a link that leads nowhere reads as a broken page — or it is no http(s) address at all: a row kept
     * from before addresses were checked may hold a {@code javascript:} one, which as a link would run in the page.
     */
    static String liveUrl(ArticleSummary article) {
        return linkable(article.url()) ? ArticleAddress.href(article.url()) : null;
    }

    static String liveUrl(Passage passage) {
        return linkable(passage.articleUrl()) ? ArticleAddress.href(passage.articleUrl()) : null;
    }

    /** Said after an address shown as text instead of a link: why it is not one. */
    static String addressNote(ArticleSummary article) {
        return addressNote(article.url());
    }

    static String addressNote(Passage passage) {
        return addressNote(passage.articleUrl());
    }

    private static String addressNote(String url) {
        return ArticleAddress.isWebAddress(url) ? KnowledgeMessages.EXAMPLE_ADDRESS : KnowledgeMessages.NOT_A_WEB_ADDRESS;
    }

    private static boolean linkable(String url) {
        return ArticleAddress.isWebAddress(url) && !isExampleAddress(url);
    }

    static boolean isExampleAddress(String url) {
        if (url == null) {
            return true;
        }
        String host = ArticleAddress.host(url.trim());
        if (host == null) {
            return false;
        }
        for (String reserved : EXAMPLE_NAMES) {
            if (host.equals(reserved) || host.endsWith("." + reserved)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> EXAMPLE_NAMES =
            List.of("example.com", "example.net", "example.org", "example", "test", "invalid", "localhost");

    static String css(Passage passage, double minScore) {
        return passage.score() >= minScore ? "match good" : "match weak";
    }
}
