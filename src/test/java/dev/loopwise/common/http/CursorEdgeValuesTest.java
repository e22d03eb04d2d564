package dev.loopwise.common.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The largest long is a cursor that starts from the newest row, as a client without a previous page may send it; one past
 * it, like any other value no id can have, gets the sentence every listing gives a bad cursor. An offset past it is a
 * whole number all the same: it is said to be too large. A page below a cursor above every row is the newest page, with no
 * link to newer rows.
 */
@QuarkusTest
class CursorEdgeValuesTest {
    private static final String LARGEST = String.valueOf(Long.MAX_VALUE);
    private static final String PAST_LARGEST = "9223372036854775808";
    private static final List<String> REFUSED = List.of("0", "-1", "-9223372036854775808", "-9223372036854775809", PAST_LARGEST,
            "99999999999999999999", "abc");
    private static final String SENTENCE = "before must be the id a previous page ended with";

    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;

    @Test
    void everyListingTakesTheLargestLongAndRefusesEverythingPastItAlike() {
        ActiveModel.await();
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        for (String listing : List.of("/api/v1/tickets", "/api/v1/models", "/api/v1/rounds", "/api/v1/knowledge/articles",
                "/api/v1/keys")) {
            admin.request().get(listing + "?before=" + LARGEST).then().statusCode(200);
            for (String bad : REFUSED) {
                admin.request().get(listing + "?before=" + bad).then().statusCode(400).body("code", equalTo(Paging.CODE))
                        .body("error", startsWith(SENTENCE + " (a whole number, 1 or more), as its link to the next page gives it;"
                                + " got '" + bad + "'."));
            }
        }
        // The largest offset is past the end of any table: an empty page, not a query the database refuses.
        for (String offset : List.of("/api/v1/tickets?page=", "/api/v1/models?offset=", "/api/v1/rounds?offset=",
                "/api/v1/knowledge/articles?offset=", "/api/v1/keys?offset=")) {
            admin.request().get(offset + LARGEST).then().statusCode(200).body("size()", equalTo(0));
        }
        Caller browser = Caller.session("admin");
        for (String page : List.of("/admin/tickets", "/admin/models", "/admin/knowledge", "/admin/audit")) {
            browser.pageRequest().accept("text/html").get(page + "?before=" + LARGEST).then().statusCode(200);
            for (String bad : REFUSED) {
                String refused = browser.pageRequest().accept("text/html").get(page + "?before=" + bad).then().statusCode(400)
                        .extract().asString();
                assertTrue(refused.contains(SENTENCE), page + " ?before=" + bad + ": " + refused);
            }
        }
    }

    @Test
    void anOffsetPastTheLargestLongIsSaidToBeTooLargeRatherThanNoWholeNumber() {
        Caller admin = Caller.apiKeyWithoutLimit(keys, "admin");
        for (String listing : List.of("/api/v1/tickets?page=", "/api/v1/models?offset=", "/api/v1/rounds?offset=",
                "/api/v1/knowledge/articles?offset=", "/api/v1/keys?offset=")) {
            String name = listing.substring(listing.indexOf('?') + 1, listing.length() - 1);
            for (String huge : List.of(PAST_LARGEST, "99999999999999999999")) {
                admin.request().get(listing + huge).then().statusCode(400).body("code", equalTo(Paging.CODE))
                        .body("error", startsWith(name + " must be at most " + LARGEST + " ("))
                        .body("error", containsString("before"))
                        .body("error", endsWith("got '" + huge + "'."));
            }
        }
    }

    @Test
    void aCursorAboveEveryRowShowsTheNewestPageWithNoWayToNewerOnes() {
        Caller browser = Caller.session("admin");
        List<String> newerLinks = List.of("← Newer", "← Newest", ">Newest</a>", "Newest versions");
        for (String page : List.of("/admin/tickets", "/admin/tickets?unlabelled=true&", "/admin/models", "/admin/knowledge",
                "/admin/audit", "/admin/audit?who=admin&")) {
            String address = page + (page.endsWith("&") ? "" : "?") + "before=" + LARGEST;
            String shown = browser.pageRequest().accept("text/html").get(address).then().statusCode(200).extract().asString();
            for (String link : newerLinks) {
                assertFalse(shown.contains(link), address + " links to newer rows that do not exist (" + link + "): " + shown);
            }
        }
        String tickets = browser.pageRequest().accept("text/html").get("/admin/tickets?before=" + LARGEST).then().statusCode(200)
                .extract().asString();
        assertTrue(tickets.contains("the newest tickets"), tickets);
    }

    @Test
    void theLargestLongStartsFromTheNewestRow() {
        // A reviewer of its own has exactly one key, so the page's content is known whatever other tests add meanwhile.
        Caller reviewer = Caller.reviewer(users, keys);
        List<Long> newest = reviewer.request().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertEquals(1, newest.size());
        reviewer.request().get("/api/v1/keys?before=" + LARGEST).then().statusCode(200)
                .body("id", equalTo(List.of(newest.get(0).intValue())));
        reviewer.request().get("/api/v1/keys?before=" + newest.get(0)).then().statusCode(200).body("size()", equalTo(0));
    }
}
