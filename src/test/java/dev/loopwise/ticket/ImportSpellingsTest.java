package dev.loopwise.ticket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.WorkspaceMessages;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Files as public data sets and helpdesk exports write them: other capitals, other split names, other separators. */
@QuarkusTest
class ImportSpellingsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void headersInCapitalsAndValidationSplitsAreRead() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "Text , LABEL,Split\n"
                + "what is my card's limit " + tag + ",card_limit,TRAIN\n"
                + "raise the limit on my card " + tag + ",card_limit,val\n"
                + "card limit too low " + tag + ",card_limit,Dev\n";
        try {
            Caller.apiKey(keys, "admin").request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets")
                    .then().statusCode(201).body("imported", equalTo(3)).body("labelled", equalTo(3));
            List<String> splits = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text like ?1 order by id", "%" + tag)
                    .stream().map(t -> t.split).toList());
            assertEquals(List.of("train", "test", "test"), splits, "rows kept out of training are checked on");
        } finally {
            forget("%" + tag);
        }
    }

    /**
     * The test's tickets, and the intent its files named once it has none left: a labelled intent left behind without
     * replies would change what later tests train and advise.
     */
    private static void forget(String textPattern) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket.delete("text like ?1", textPattern);
            Intent.getEntityManager().createNativeQuery("delete from intents i where i.name = 'card_limit'"
                    + " and not exists (select 1 from tickets t where t.intent_id = i.id)"
                    + " and not exists (select 1 from replies r where r.intent_id = i.id)").executeUpdate();
        });
    }

    @Test
    void oneWrongValueRepeatedThroughAFileIsOneProblemWithItsLines() {
        StringBuilder csv = new StringBuilder("text,label,split\n");
        for (int i = 0; i < 8; i++) {
            csv.append("ticket number ").append(i).append(" ").append(UUID.randomUUID()).append(",card_limit,holdout\n");
        }
        Caller.apiKey(keys, "admin").request().contentType("text/csv").body(csv.toString()).post("/api/v1/datasets/tickets")
                .then().statusCode(400).body("error", containsString("(8 problems;"))
                .body("error", containsString("lines 2, 3, 4, 5, 6 and 3 more: split must be 'train' or 'test'"));
    }

    @Test
    void aFileSavedWithSemicolonsByExcelIsImportedAsSuch() {
        // Excel's "CSV UTF-8" in a European locale: a byte-order mark, semicolons, Windows line ends, commas in the text.
        String tag = UUID.randomUUID().toString();
        byte[] excel = ("\uFEFFtext;label;split\r\nhello there, my card limit " + tag + ";card_limit;train\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            Caller.apiKey(keys, "admin").request().contentType("text/csv").body(excel)
                    .post("/api/v1/datasets/tickets").then().statusCode(201).body("imported", equalTo(1)).body("labelled", equalTo(1));
            assertEquals("card_limit", QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("text",
                    "hello there, my card limit " + tag).firstResult().intent.name));
        } finally {
            forget("%" + tag);
        }
    }

    @Test
    void anImportOfLabelledTicketsLinksToTrainingOnModels() {
        String tag = UUID.randomUUID().toString();
        Caller admin = Caller.session("admin");
        try {
            String page = admin.pageRequest().accept("text/html").redirects().follow(false)
                    .multiPart("file", "tickets.csv", ("text,label\nwhere is my parcel " + tag + ",track_order\n").getBytes(), "text/csv")
                    .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200).extract().asString();
            int box = page.indexOf("id=\"import-result\"");
            assertTrue(box > 0 && page.indexOf("href=\"/admin/models\"", box) > box, page);
            // The result carries its own next step: the general one, for before an import, would compete with it.
            assertFalse(page.contains("id=\"import-next\""), page);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text", "where is my parcel " + tag));
        }
    }

    @Test
    void anImportOfUnlabelledTicketsSaysToLabelThem() {
        String tag = UUID.randomUUID().toString();
        Caller admin = Caller.session("admin");
        try {
            String page = admin.pageRequest().accept("text/html").redirects().follow(false)
                    .multiPart("file", "tickets.csv", ("text\nwhere is my parcel " + tag + "\n").getBytes(), "text/csv")
                    .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200).extract().asString();
            int box = page.indexOf("id=\"import-result\"");
            assertTrue(box > 0 && page.indexOf("id=\"import-label\"", box) > box
                    && page.indexOf("href=\"/admin/tickets?unlabelled=true\"", box) > box, page);
            // They are also what reviewers judge (the Overview asks for such an import to have items made): said, not only labelling.
            assertTrue(page.indexOf("href=\"/review\"", box) > box && page.contains("review items are made from them"), page);
            assertFalse(page.contains("id=\"import-next\"") || page.contains("id=\"import-train\""), page);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text", "where is my parcel " + tag));
        }
    }

    @Test
    void anEmptyFileChosenOnTheImportPageIsCalledEmpty() {
        Caller admin = Caller.session("admin");
        String page = admin.pageRequest().accept("text/html")
                .multiPart("file", "tickets.csv", new byte[0], "text/csv").formParam("csrf-token", admin.csrfToken())
                .post("/admin/import").then().statusCode(400).extract().asString();
        assertTrue(page.contains(WorkspaceMessages.emptyImportFile("tickets.csv").replace("'", "&#39;")), page);
        assertTrue(page.contains("id=\"import-next\"><strong>What to do next:</strong> fix the file as the message above says"), page);
    }
}
