package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Review quality's list of the newest items says in words who answers each item, not the code stored for its kind. */
@QuarkusTest
class ItemKindWordsTest {
    @Inject
    EntityManager em;

    @Test
    void theNewestItemsSayWhoAnswersThem() {
        long regular = ReviewItems.fresh(em, 1, 1, ReviewItem.REGULAR).get(0);
        long shared = ReviewItems.fresh(em, 1, 3, ReviewItem.OVERLAP).get(0);
        String page = Caller.session("admin").request().accept("text/html").get("/admin/review").then().statusCode(200)
                .extract().asString();
        assertEquals("for 1 reviewer", kindOf(page, regular));
        assertEquals("shared by 3 reviewers, to measure agreement", kindOf(page, shared));
    }

    /** The Kind cell of the item's row in the newest items' table. */
    private static String kindOf(String page, long item) {
        String table = page.substring(page.indexOf("<table id=\"items\""));
        Matcher row = Pattern.compile("<td class=\"num\" data-label=\"#\">" + item + "</td>.*?<td data-label=\"Kind\">([^<]*)</td>",
                Pattern.DOTALL).matcher(table);
        return row.find() ? row.group(1) : "no row for item " + item + " in " + List.of(table.substring(0, Math.min(400, table.length())));
    }
}
