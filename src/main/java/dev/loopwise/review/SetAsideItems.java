package dev.loopwise.review;

import dev.loopwise.common.text.Counts;
import dev.loopwise.review.item.ReviewItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The newest items reviewers skipped until they were set aside, each with why they skipped it, so the page that counts
 * them also shows them and lets an admin settle one (make it gold). Two bounded reads whatever the history: the newest
 * set-aside items through their partial index, then only those items' skips through the judgements' item index.
 */
public final class SetAsideItems {
    /** At most this many are listed: the page offers a next step, not an archive. */
    public static final int SHOWN = 10;

    /**
     * 'skipped' as a literal, not a parameter: the partial index review_items_set_aside_idx matches only a literal. Ordered
     * by its key alone, so the limit stops the backward index scan after {@link #SHOWN} entries.
     */
    static final String NEWEST = """
            select id from review_items where status = 'skipped' and created_at > now() - ?1 * interval '1 day'
            order by created_at desc limit ?2""";

    private SetAsideItems() {
    }

    /** {@code reasons}: each reason with how many reviewers gave it, most given first. */
    public record SetAside(ReviewItem item, List<String> reasons) {
    }

    @SuppressWarnings("unchecked")
    public static List<SetAside> newest(int days) {
        List<Long> ids = ((List<Number>) ReviewItem.getEntityManager().createNativeQuery(NEWEST)
                .setParameter(1, days).setParameter(2, SHOWN).getResultList())
                .stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ReviewItem> items = new LinkedHashMap<>();
        ids.forEach(id -> items.put(id, null));
        ReviewItem.<ReviewItem>list("id in ?1", ids).forEach(item -> items.put(item.id, item));
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        List<Object[]> rows = ReviewItem.getEntityManager().createNativeQuery("""
                select item_id, coalesce(skip_reason, ''), count(*) from judgements where item_id in (?1) and choice = 'skip'
                group by item_id, skip_reason order by item_id, count(*) desc, 2""").setParameter(1, ids).getResultList();
        rows.forEach(r -> reasons.computeIfAbsent(((Number) r[0]).longValue(), id -> new ArrayList<>())
                .add(reason((String) r[1], ((Number) r[2]).longValue())));
        return items.values().stream().filter(Objects::nonNull)
                .map(item -> new SetAside(item, reasons.getOrDefault(item.id, List.of()))).toList();
    }

    /** "Needs knowledge I don't have (2 reviewers)"; skips stored before reasons were asked for have none. */
    static String reason(String reason, long reviewers) {
        return (reason.isBlank() ? "no reason given" : reason) + " (" + Counts.of(reviewers, "reviewer") + ")";
    }
}
