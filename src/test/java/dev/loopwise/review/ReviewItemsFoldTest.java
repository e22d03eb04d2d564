package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Review quality's items table leads with the gold items and the newest, and folds the rest under "Show the next N newest
 * items", so a lead on a phone is not made to scroll through 15 to 30 cards to reach the next section.
 */
@QuarkusTest
class ReviewItemsFoldTest {
    @Inject
    EntityManager em;
    @Inject
    @Location("ReviewAdminPage/items")
    Template itemsCard;
    @Inject
    @Location("ReviewAdminPage/items-help")
    Template itemsHelp;

    /**
     * Without a gold item the card says what one is and how to make one, instead of "the gold items come first" (the test
     * database has gold items other tests left, so the card is drawn here as the page draws it, before any item exists: a
     * row's form needs the request a page is drawn for).
     */
    @Test
    @ActivateRequestContext
    void withoutGoldItemsTheCardSaysWhatOneIsAndHowToMakeOne() {
        assertFalse(GoldItemsFirst.anyGold(List.of(item(1, false), item(2, false))));
        assertTrue(GoldItemsFirst.anyGold(List.of(item(1, false), item(2, true))));

        Document none = Jsoup.parse(itemsCard.data("items", List.of()).data("modelAnswers", true).render());
        String help = none.selectFirst("#gold-items-help").text();
        assertTrue(help.startsWith("No gold items yet. A gold item is one whose right answer you fixed") && help.contains("Make gold"), help);
        assertTrue(none.select("#items-order").isEmpty(), "no order to tell without items");

        List<ReviewItem> regular = new ArrayList<>();
        for (long id = 10; id > 0; id--) {
            regular.add(item(id, false));
        }
        // The card's sentences, drawn without the rows: a row's form needs the request a page is drawn for.
        Document some = Jsoup.parse(itemsHelp.data("items", regular).render());
        String someHelp = some.selectFirst("#gold-items-help").text();
        assertTrue(someHelp.startsWith("No gold items yet.") && someHelp.contains("To add one, pick its right answer under Gold answer"
                + " in a row below and press Make gold"), someHelp);
        assertEquals("The newest items come first; the other newest items wait under the table behind “Show the next”, and older"
                + " ones are not listed and cannot be made gold.",
                some.selectFirst("#items-order").text(), "no gold items to put first: the order is the newest first");
    }

    @Test
    void pastEightItemsTheGoldAndTheNewestLeadAndTheRestFold() {
        // as the page lists them: open gold items first (ids 5 and 3), then the newest, 20 down to 11, the older gold 12 among them
        List<ReviewItem> items = new ArrayList<>(List.of(item(5, true), item(3, true)));
        for (long id = 20; id > 10; id--) {
            items.add(item(id, id == 12));
        }
        assertEquals(List.of(5L, 3L, 12L, 20L, 19L, 18L), ids(GoldItemsFirst.itemsFirst(items)), "every gold item, then the newest up to 6");
        assertEquals(List.of(17L, 16L, 15L, 14L, 13L, 11L), ids(GoldItemsFirst.itemsFolded(items)), "the rest, newest first");
        // Not "Show all 12 items": the page lists only the newest, and dozens more may wait beside a count saying so.
        assertEquals("Show the next 6 newest items (none of them gold)", GoldItemsFirst.itemsFoldSummary(items));
    }

    @Test
    void everyGoldItemStaysInFrontAndEightOrFewerAreShownWhole() {
        List<ReviewItem> items = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            items.add(item(id, id <= 7));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), ids(GoldItemsFirst.itemsFirst(items)), "7 gold items, more than 6 rows, all in front");
        assertEquals(List.of(8L, 9L, 10L), ids(GoldItemsFirst.itemsFolded(items)));
        assertEquals("Show the next 3 newest items (none of them gold)", GoldItemsFirst.itemsFoldSummary(items));
        List<ReviewItem> eight = items.subList(2, 10);
        assertEquals(eight, GoldItemsFirst.itemsFirst(eight));
        assertTrue(GoldItemsFirst.itemsFolded(eight).isEmpty(), "a short list has no fold");
    }

    /** One item left for the fold reads as one, not "the next 1 newest items". */
    @Test
    void aFoldOfOneItemSaysSo() {
        List<ReviewItem> items = new ArrayList<>();
        for (long id = 1; id <= 9; id++) {
            items.add(item(id, id <= 8));
        }
        assertEquals(List.of(9L), ids(GoldItemsFirst.itemsFolded(items)), "8 gold items in front, 1 regular one left");
        assertEquals("Show the next newest item (not gold)", GoldItemsFirst.itemsFoldSummary(items));
    }

    /**
     * On the page: the list stops at the newest 15 beside the open gold items however old, so of 17 items made here the
     * oldest, made gold, leads and the next oldest is not listed at all; no gold item waits in the fold, and every item is
     * listed once. (Making items closes every other open item, so no gold item of another test is listed beside these.)
     */
    @Test
    void thePageShowsTheGoldItemFirstFoldsTheNextNewestAndLeavesOlderOnesOut() {
        List<Long> made = ReviewItems.fresh(em, 17, 1, ReviewItem.REGULAR);
        long gold = made.get(0);
        long oldestNotGold = made.get(1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update review_items set kind = 'gold', gold_choice = '1' where id = ?1").setParameter(1, gold).executeUpdate());
        try {
            Document page = Jsoup.parse(Caller.session("admin").request().accept("text/html").get("/admin/review").then()
                    .statusCode(200).extract().asString());
            List<Element> first = page.select("#items > tbody > tr");
            List<Element> folded = page.select("#items-fold #items-more > tbody > tr");
            assertEquals(String.valueOf(gold), first.get(0).selectFirst("td[data-label=\"#\"]").text(), "the open gold item leads");
            long goldShown = first.stream().filter(ReviewItemsFoldTest::isGold).count();
            assertEquals(Math.max(goldShown, 6), first.size(), "the gold items, then the newest up to 6 rows");
            assertTrue(folded.stream().noneMatch(ReviewItemsFoldTest::isGold), "no gold item is folded away");
            Matcher summary = Pattern.compile("Show the next (\\d+) newest items \\(none of them gold\\)")
                    .matcher(page.selectFirst("#items-fold > summary").text());
            assertTrue(summary.matches(), page.selectFirst("#items-fold > summary").text());
            assertEquals(folded.size(), Integer.parseInt(summary.group(1)));
            assertEquals(6, first.size(), "the one gold item, then the 5 newest");
            assertEquals(10, folded.size(), "the other 10 of the newest 15");
            List<String> all = new ArrayList<>();
            first.forEach(row -> all.add(row.selectFirst("td[data-label=\"#\"]").text()));
            folded.forEach(row -> all.add(row.selectFirst("td[data-label=\"#\"]").text()));
            assertEquals(all.size(), new HashSet<>(all).size(), "no item listed twice: " + all);
            assertFalse(all.contains(String.valueOf(oldestNotGold)), "an item past the newest 15 that is not gold is not listed: " + all);
            List<String> listed = made.stream().filter(id -> id != oldestNotGold).map(String::valueOf).toList();
            assertTrue(all.containsAll(listed), "the old gold item and the 15 newest are all listed: " + all);
            assertEquals(16, all.size(), "nothing else is listed: " + all);
            assertTrue(page.selectFirst("#items-order").text().contains("gold items come first"), "the order is said");
            assertTrue(page.selectFirst("#gold-items-help").text().startsWith("A gold item is one whose right answer you fixed"),
                    page.selectFirst("#gold-items-help").text());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> ReviewItem.delete("id in ?1", made));
        }
    }

    private static boolean isGold(Element row) {
        return row.selectFirst("td[data-label=\"Kind\"]").text().startsWith("gold");
    }

    private static ReviewItem item(long id, boolean gold) {
        ReviewItem item = new ReviewItem();
        item.id = id;
        item.kind = gold ? ReviewItem.GOLD : ReviewItem.REGULAR;
        return item;
    }

    private static List<Long> ids(List<ReviewItem> items) {
        return items.stream().map(item -> item.id).toList();
    }
}
