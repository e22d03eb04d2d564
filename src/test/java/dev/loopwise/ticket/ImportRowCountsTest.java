package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.review.ScratchReviewers;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import's counts put each row of the file in exactly one place — imported, labelledExisting, or duplicates (of those,
 * repeatedInFile: the rows whose text an earlier row of the file had) — so they add up to the rows read; worked out by hand
 * for a file that repeats stored tickets within itself.
 */
@QuarkusTest
class ImportRowCountsTest {
    @Inject
    ApiKeyService keys;

    @Test
    void eachRowIsCountedOnceAndARepeatOfAStoredTicketIsARepeatOfTheFile() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String intent = "row_counts_" + tag;
        String labelled = "row counts stored with a label (" + tag + ")";
        String bare = "row counts stored without one (" + tag + ")";
        String fresh = "row counts new and labelled (" + tag + ")";
        String freshBare = "row counts new without a label (" + tag + ")";
        Caller admin = Caller.apiKey(keys, "admin");
        try {
            JsonPath first = send(admin, "text,label\n" + labelled + "," + intent + "\n" + bare + ",\n");
            assertEquals(2, first.getInt("imported"));
            JsonPath second = send(admin, "text,label\n"
                    + labelled + "," + intent + "\n"  // line 2: stored before → duplicates, not a repeat of the file
                    + labelled + "," + intent + "\n"  // line 3: repeats line 2 → repeatedInFile
                    + bare + "," + intent + "\n"      // line 4: labels a stored ticket → labelledExisting
                    + bare + "," + intent + "\n"      // line 5: repeats line 4 → repeatedInFile
                    + fresh + "," + intent + "\n"     // line 6: imported, labelled
                    + fresh + "," + intent + "\n"     // line 7: repeats line 6 → repeatedInFile
                    + freshBare + ",\n"               // line 8: imported, unlabelled
                    + labelled + "," + intent + "\n"); // line 9: repeats lines 2 and 3 → repeatedInFile
            assertEquals(2, second.getInt("imported"));
            assertEquals(1, second.getInt("labelled"));
            assertEquals(1, second.getInt("unlabelled"));
            assertEquals(1, second.getInt("labelledExisting"));
            assertEquals(5, second.getInt("duplicates"));
            assertEquals(4, second.getInt("repeatedInFile"));
            assertEquals(8, second.getInt("imported") + second.getInt("labelledExisting") + second.getInt("duplicates"), "the rows read");
            String summary = ImportFormats.summary(new TicketImporter.Result(second.getInt("imported"), second.getInt("duplicates"),
                    second.getInt("labelled"), second.getInt("unlabelled"), second.getInt("labelledExisting"), List.of(), List.of(),
                    second.getInt("repeatedInFile")));
            assertTrue(summary.contains("; 1 ticket was already in the workspace; 4 rows repeated an earlier row's text"), summary);

            // A stored ticket without an intent, twice without a label: stored before, then a repeat of the file.
            JsonPath third = send(admin, "text,label\n" + freshBare + ",\n" + freshBare + ",\n");
            assertEquals(List.of(0, 0, 2, 1), List.of(third.getInt("imported"), third.getInt("labelledExisting"),
                    third.getInt("duplicates"), third.getInt("repeatedInFile")));

            // The whole file again: every row was stored before or repeats an earlier row of it.
            JsonPath again = send(admin, "text,label\n" + labelled + "," + intent + "\n" + labelled + "," + intent + "\n"
                    + freshBare + ",\n");
            assertEquals(List.of(0, 0, 3, 1), List.of(again.getInt("imported"), again.getInt("labelledExisting"),
                    again.getInt("duplicates"), again.getInt("repeatedInFile")));
        } finally {
            remove(tag, intent);
        }
    }

    /** The tickets, the review items the queue may have made from the unlabelled ones meanwhile, then the intent. */
    private static void remove(String tag, String intent) {
        List<Long> items = QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Ticket.getEntityManager();
            List<String> ids = em.createNativeQuery("select id::text from tickets where text like ?1", String.class)
                    .setParameter(1, "% (" + tag + ")").getResultList();
            em.createNativeQuery("delete from tickets where text like ?1").setParameter(1, "% (" + tag + ")").executeUpdate();
            return em.createNativeQuery("select id from review_items where source = 'ticket' and source_id = any(?1)", Long.class)
                    .setParameter(1, ids.toArray(String[]::new)).getResultList();
        });
        ScratchReviewers.remove(List.of(), items);
        QuarkusTransaction.requiringNew().run(() -> Intent.delete("name", intent));
    }

    private static JsonPath send(Caller admin, String csv) {
        return admin.request().contentType("text/csv").body(csv).post("/api/v1/datasets/tickets").then().statusCode(201)
                .extract().jsonPath();
    }
}
