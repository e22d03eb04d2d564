package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review quality says what a lead reads on its chart below zero (the axis goes there), and what "Make review items" is
 * for, since items are otherwise made without anyone asking.
 */
@QuarkusTest
class ReviewQualityWordsTest {
    @Test
    void theChartBelowZeroAndMakingItemsAreExplained() {
        ActiveModel.await(); // items are offered once a version answers
        String page = Caller.session("admin").request().accept("text/html").get("/admin/review").then().statusCode(200)
                .extract().asString();
        String chartHelp = page.substring(page.indexOf("id=\"agreement-chart-help\""));
        assertTrue(chartHelp.substring(0, chartHelp.indexOf("</p>")).contains("below 0"), "what a point under the zero line says");
        int help = page.indexOf("id=\"make-items-help\"");
        assertTrue(help > 0 && help < page.indexOf("action=\"/admin/review/generate\""), "the form is explained before it is offered");
        assertTrue(page.substring(help, page.indexOf("</p>", help)).contains("made on their own"), "items come without asking");
    }

    @io.quarkus.qute.Location("ReviewAdminPage/items")
    @jakarta.inject.Inject
    io.quarkus.qute.Template itemsTable;

    @Test
    void anEmptyListOfItemsSaysWhy() {
        // The shared test database always holds items: the list is drawn here as on a fresh install.
        String fresh = itemsTable.data("items", List.of()).data("modelAnswers", false).render();
        assertTrue(fresh.contains("id=\"no-items\"") && fresh.contains("No review items yet") && !fresh.contains("make some above"), fresh);
        assertTrue(itemsTable.data("items", List.of()).data("modelAnswers", true).render().contains("make some above"));
    }

    @Test
    void aNoticeTypedIntoTheAddressConfirmsNothingThatDidNotHappen() {
        // An id written as no id is (a sign, a leading zero) is refused as every id in an address is, confirming nothing either.
        String refused = Caller.session("admin").request().accept("text/html").get("/admin/review?gold=-1").then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("is not a plain number") && !refused.contains("is a gold item now"), refused);
        for (String forged : new String[] {"gold=999999999", "compared=99999&on=true", "compared=99999&on=false"}) {
            String page = Caller.session("admin").request().accept("text/html").get("/admin/review?" + forged).then().statusCode(200)
                    .extract().asString();
            assertTrue(!page.contains("is a gold item now") && !page.contains("is being compared") && !page.contains("is no longer compared"),
                    forged + " confirmed something");
        }
    }
}
