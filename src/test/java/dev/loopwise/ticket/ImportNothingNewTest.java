package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Importing the same file a second time stores nothing: the Import page says that nothing changed, instead of sending the
 * lead to reviewers and labelling as if unlabelled tickets had arrived.
 */
@QuarkusTest
class ImportNothingNewTest {
    @Test
    void aFileImportedAgainSaysNothingChanged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "text,label\nwhere is my parcel " + tag + ",track_order\nis my order " + tag + " on its way,track_order\n";
        Caller admin = Caller.session("admin");
        try {
            String first = upload(admin, csv);
            assertTrue(first.contains("id=\"import-train\"") && !first.contains("id=\"import-nothing-new\""), first);
            String again = upload(admin, csv);
            int box = again.indexOf("id=\"import-result\"");
            int said = again.indexOf("id=\"import-nothing-new\"", box);
            assertTrue(box > 0 && said > box, again);
            String step = again.substring(said, again.indexOf("</p>", said)).replaceAll("\\s+", " ");
            assertTrue(step.contains("Nothing changed: every ticket in this file was already in the workspace")
                    && step.contains("<a href=\"/admin/tickets\">Tickets</a>"), step);
            assertFalse(again.contains("id=\"import-label\"") || again.contains("id=\"import-train\""), again);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Ticket.delete("text like ?1", "%" + tag + "%"));
        }
    }

    private static String upload(Caller admin, String csv) {
        return admin.pageRequest().accept("text/html").redirects().follow(false)
                .multiPart("file", "tickets.csv", csv.getBytes(), "text/csv")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200).extract().asString();
    }
}
