package dev.loopwise.admin;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.PagingMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketTextSearch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The list of tickets without an intent can be searched by a part of their text, upper and lower case alike, so a lead
 * finds the few tickets a new intent needs; a % or _ typed is searched as itself, and the search stays through paging.
 */
@QuarkusTest
class TicketSearchTest {
    private final String tag = "search" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheTickets() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", tag + "%"));
    }

    @Test
    void aSearchFindsTheTicketsHoldingTheTextIgnoringCaseAndTakesPercentAndUnderscoreAsThemselves() {
        long solar = ticket(tag + " SOLAR Kit warranty: does it cover the battery?");
        long other = ticket(tag + " Where is my parcel?");
        long percent = ticket(tag + " refund of 50% please");
        long fifty = ticket(tag + " refund of 50 euros please");
        long underscore = ticket(tag + " my order_id is lost");
        long orderXid = ticket(tag + " my orderXid is lost");
        long bang = ticket(tag + " wow! great");

        String page = search(tag + " solar kit");
        assertTrue(page.contains(row(solar)) && !page.contains(row(other)), page);
        assertTrue(page.contains("name=\"q\" value=\"" + tag + " solar kit\""), "the search stays in its box: " + page);
        assertTrue(page.contains("contains “" + tag + " solar kit”"), "the page says what it shows: " + page);

        page = search(tag + " refund of 50%");
        assertTrue(page.contains(row(percent)) && !page.contains(row(fifty)), "% is a character, not any text: " + page);
        page = search(tag + " my order_id");
        assertTrue(page.contains(row(underscore)) && !page.contains(row(orderXid)), "_ is a character, not any one: " + page);
        page = search(tag + " wow!");
        assertTrue(page.contains(row(bang)), page);
    }

    @Test
    void aSearchThatFindsNothingSaysSoAndHowToWiden() {
        ticket(tag + " Where is my parcel?");
        String search = tag + " solar";
        String page = search(search);
        assertTrue(page.contains(PagingMessages.noTicketContains(search)), page);
        assertTrue(page.contains("href=\"/admin/tickets?unlabelled=true\">Clear the search</a>"), page);
        assertFalse(page.contains("Every ticket in this stretch has an intent"), "not said as if there were none to label: " + page);
    }

    @Test
    void pagingAndLabellingKeepTheSearch() {
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' balcony ' || n, encode(sha256(convert_to(?1 || ' balcony ' || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, 55) n""").setParameter(1, tag).executeUpdate());
        List<Long> mine = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text like ?1 order by id desc", tag + "%")
                .list().stream().map(t -> t.id).toList());
        String search = tag + " Balcony";
        String q = URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20");
        String first = search(search);
        String olderLink = "/admin/tickets?before=" + mine.get(49) + "&unlabelled=true&q=" + q;
        assertTrue(first.contains("href=\"" + olderLink + "\""), "the Older link keeps the search: " + first);
        assertTrue(first.contains("<input type=\"hidden\" name=\"q\" value=\"" + search + "\">"), "so does the label form: " + first);

        Caller admin = Caller.session("admin");
        String older = admin.pageRequest().urlEncodingEnabled(false).accept("text/html").get(olderLink).then().statusCode(200).extract().asString();
        assertTrue(older.contains(row(mine.get(50))) && older.contains(row(mine.get(54))) && !older.contains(row(mine.get(49))), older);
        assertTrue(older.contains("href=\"/admin/tickets?after=" + mine.get(50) + "&unlabelled=true&q=" + q + "\"")
                && older.contains("href=\"/admin/tickets?unlabelled=true&q=" + q + "\">Newest</a>"), older);

        admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .formParam("intent", "").formParam("before", String.valueOf(mine.get(50) + 1)).formParam("unlabelled", "true")
                .formParam("q", search).formParam("csrf-token", admin.csrfToken()).post("/admin/tickets/" + mine.get(50) + "/label")
                .then().statusCode(303).header("Location", endsWith("&labelled=" + mine.get(50) + "&q=" + q));
    }

    @Test
    void aTextTooShortForTheIndexSearchesTheTicketsNextToThePageSaysSoAndGoesOnBelowThem() {
        long farBack = ticket(tag + " QZ");
        QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery("""
                insert into tickets (text, text_hash, source)
                select ?1 || ' nothing ' || n, encode(sha256(convert_to(?1 || ' nothing ' || n, 'UTF8')), 'hex'), 'import'
                from generate_series(1, ?2) n""").setParameter(1, tag).setParameter(2, Ticket.NEARBY + 1).executeUpdate());
        long newest = QuarkusTransaction.requiringNew().call(() -> ((Number) Ticket.getEntityManager()
                .createNativeQuery("select max(id) from tickets where text like ?1").setParameter(1, tag + " nothing%")
                .getSingleResult()).longValue());
        long edge = newest - (Ticket.NEARBY - 1); // the oldest of the 10,000 newest tickets without an intent, all this test's

        String page = search("qZ");
        assertFalse(page.contains(row(farBack)), "read only the tickets next to the page: " + page);
        assertTrue(page.contains(PagingMessages.ticketSearchWindow(Ticket.NEARBY)), page);
        assertTrue(page.contains("Searched only the 10,000 tickets without an intent next to this page"), page);
        assertTrue(page.contains(PagingMessages.noTicketNearby("qZ", Ticket.NEARBY)), "not a shorter text: " + page);
        String olderLink = "/admin/tickets?before=" + edge + "&unlabelled=true&q=qZ";
        assertTrue(page.contains("href=\"" + olderLink + "\""), "the search goes on below them: " + page);
        String older = Caller.session("admin").pageRequest().urlEncodingEnabled(false).accept("text/html").get(olderLink)
                .then().statusCode(200).extract().asString();
        assertTrue(older.contains(row(farBack)), older);

        String wide = search(tag + " qZ");
        assertTrue(wide.contains(row(farBack)) && !wide.contains("Searched only"), "three letters in a row search all: " + wide);
    }

    @Test
    void aSearchLongerThanTwoHundredCharactersOrTwentyWordsIsRefusedInWords() {
        String refusal = PagingMessages.ticketSearchTooLong(TicketTextSearch.MAX_CHARACTERS, TicketTextSearch.MAX_WORDS);
        for (String tooLong : List.of(tag + "x".repeat(201 - tag.length()), tag + " a".repeat(20))) {
            String page = Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true")
                    .queryParam("q", tooLong).get("/admin/tickets").then().statusCode(400).extract().asString();
            assertTrue(page.contains(refusal), page);
        }
        long mine = ticket(tag + " " + "y".repeat(190));
        assertTrue(search(tag + " " + "y".repeat(200 - tag.length() - 1)).contains(row(mine)), "200 characters are searched");
        String twenty = tag + " b c d e f g h i j k l m n o p q r s t";
        long words = ticket(twenty + " u");
        assertTrue(search(twenty).contains(row(words)), "20 words are searched");
    }

    @Test
    void theCapCountsCharactersNotCodeUnitsAndAnyUnicodeSpaceSeparatesWords() {
        String clef = "\uD834\uDD1E"; // one character, two UTF-16 code units
        String atCap = tag + " " + clef.repeat(200 - tag.length() - 1);
        long mine = ticket(atCap);
        assertTrue(search(atCap).contains(row(mine)), "200 characters, some outside the Basic Multilingual Plane, are searched");
        Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true").queryParam("q", atCap + clef)
                .get("/admin/tickets").then().statusCode(400);
        for (String space : List.of("\u00A0", "\u3000")) {
            String words = tag + (space + "w").repeat(20);
            Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true").queryParam("q", words)
                    .get("/admin/tickets").then().statusCode(400);
        }
        // A pasted search often begins or ends with a no-break space: it is no word, and no part of what is looked for.
        String twenty = tag + " b c d e f g h i j k l m n o p q r s t";
        long padded = ticket(twenty + " v");
        assertTrue(search("\u00A0" + twenty + "\u202F").contains(row(padded)), "spaces of any kind at the ends are dropped");
    }

    private static String search(String text) {
        return Caller.session("admin").pageRequest().accept("text/html").queryParam("unlabelled", "true").queryParam("q", text)
                .get("/admin/tickets").then().statusCode(200).extract().asString();
    }

    private static long ticket(String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
    }

    private static String row(long id) {
        return "<td class=\"num\">" + id + "</td>";
    }
}
