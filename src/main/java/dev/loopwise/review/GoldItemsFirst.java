package dev.loopwise.review;

import dev.loopwise.common.ReviewAdminMessages;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.stream.Stream;

/**
 * Review quality's items table on a page a lead can scroll past: as cards on a phone its 15 to 30 items ran to many screens
 * before the next section. The gold items lead, since a wrong fixed answer counts against every reviewer who meets it, then
 * the newest up to a few rows; the rest wait behind a plain fold, on phones and desktops alike.
 */
@TemplateExtension(namespace = "reviewItems")
public class GoldItemsFirst {
    /** Up to this many items the table shows them all: a fold would hide less than it costs a click to open. */
    static final int SHOWN_WITHOUT_FOLD = 8;
    /** Rows above the fold when some are folded, or more when there are more gold items: every one of those is shown. */
    static final int SHOWN_FIRST = 6;

    /** The items shown above the fold: every gold item, then the others in the list's order (newest first) up to 6 rows. */
    static List<ReviewItem> itemsFirst(List<ReviewItem> items) {
        if (items.size() <= SHOWN_WITHOUT_FOLD) {
            return items;
        }
        List<ReviewItem> gold = items.stream().filter(GoldItemsFirst::gold).toList();
        return Stream.concat(gold.stream(), items.stream().filter(item -> !gold(item)))
                .limit(Math.max(gold.size(), SHOWN_FIRST)).toList();
    }

    /** The items behind the fold, in the list's order: none when the list is short enough to show whole. */
    static List<ReviewItem> itemsFolded(List<ReviewItem> items) {
        List<ReviewItem> first = itemsFirst(items);
        return items.stream().filter(item -> !first.contains(item)).toList();
    }

    /** Whether any gold item is listed: without one, the page says what a gold item is instead of where they stand. */
    static boolean anyGold(List<ReviewItem> items) {
        return items.stream().anyMatch(GoldItemsFirst::gold);
    }

    /** "Show the next 9 newest items (none of them gold)", on the fold. */
    static String itemsFoldSummary(List<ReviewItem> items) {
        return ReviewAdminMessages.showMoreItems(itemsFolded(items).size());
    }

    private static boolean gold(ReviewItem item) {
        return ReviewItem.GOLD.equals(item.kind);
    }
}
