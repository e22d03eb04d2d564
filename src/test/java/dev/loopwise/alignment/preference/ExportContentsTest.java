package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.privacy.ReviewerPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Review quality page offers the pairs download only when the file would hold a pair. Each case runs against
 * judgements of its own: empty temporary tables of the same names stand in front of the shared ones for one transaction,
 * which is rolled back, so the rows other tests keep in the database neither count nor change.
 */
@QuarkusTest
class ExportContentsTest {
    private static final List<String> TABLES = List.of("review_items", "judgements", "imported_preferences");

    @Inject
    EntityManager em;
    @Inject
    ReviewerPrivacy privacy;

    /** Whether pairs are offered, and whether the page says that the choices made were left out. */
    record Offer(boolean pairs, boolean leftOut) {
    }

    @Test
    void nothingJudgedOffersNothingAndLeavesNothingOut() {
        assertEquals(new Offer(false, false), offerWith(List.of()));
    }

    @Test
    void aMissOnAGoldItemAloneIsNotOffered() {
        assertEquals(new Offer(false, true), offerWith(List.of(
                item(1, "gold", "'1'", "Your refund is on its way.", "Please send the order number."), judgement(1, 1, "2"))));
    }

    @Test
    void aHitOnAGoldItemIsOffered() {
        assertEquals(new Offer(true, false), offerWith(List.of(
                item(1, "gold", "'1'", "Your refund is on its way.", "Please send the order number."), judgement(1, 1, "2"),
                judgement(2, 1, "1"))));
    }

    @Test
    void aChoiceOnAnOrdinaryItemIsOffered() {
        assertEquals(new Offer(true, false), offerWith(List.of(
                item(1, "regular", "null", "Your refund is on its way.", "Please send the order number."), judgement(1, 1, "1"))));
    }

    @Test
    void aChoiceBetweenTheSameWordsIsNotOffered() {
        assertEquals(new Offer(false, true), offerWith(List.of(
                item(1, "regular", "null", "Your refund is on its way.", "your refund  is on its way."), judgement(1, 1, "1"))));
    }

    @Test
    void aTieIsNoPairAndNotLeftOut() {
        assertEquals(new Offer(false, false), offerWith(List.of(
                item(1, "regular", "null", "Your refund is on its way.", "Please send the order number."), judgement(1, 1, "tie"))));
    }

    @Test
    void anImportedPairIsOffered() {
        assertEquals(new Offer(true, false), offerWith(List.of("insert into imported_preferences (id, prompt, chosen, rejected, batch)"
                + " values (1, 'Where is my order?', 'It ships today.', 'No idea.', 'b')")));
    }

    private Offer offerWith(List<String> inserts) {
        QuarkusTransaction.begin();
        try {
            // Temporary tables come first on this search path, for this transaction only.
            em.createNativeQuery("set local search_path to pg_temp, public").executeUpdate();
            for (String table : TABLES) {
                em.createNativeQuery("create temporary table " + table + " on commit drop as select * from public." + table
                        + " where false").executeUpdate();
            }
            for (String insert : inserts) {
                em.createNativeQuery(insert).executeUpdate();
            }
            ExportContents contents = new ExportContents();
            contents.em = em;
            contents.privacy = privacy;
            return new Offer(contents.pairs(), contents.pairsLeftOut());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static String item(long id, String kind, String goldChoice, String reply1, String reply2) {
        return "insert into review_items (id, kind, gold_choice, ticket_text, reply1_text, reply2_text) values (" + id + ", '" + kind
                + "', " + goldChoice + ", 'Where is my refund?', '" + reply1 + "', '" + reply2 + "')";
    }

    private static String judgement(long id, long item, String choice) {
        return "insert into judgements (id, item_id, reviewer_id, choice) values (" + id + ", " + item + ", " + id + ", '" + choice + "')";
    }
}
