package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.review.judging.ReviewStats;
import dev.loopwise.security.Caller;
import dev.loopwise.security.SessionStamps;
import dev.loopwise.security.account.RefusalAddress.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A refused start's address is read again on every reload for minutes: a refusal for too few judgements is not said again
 * once there are enough, while a mistake in the form still is.
 */
@QuarkusTest
class StartRefusalTest {
    @Inject
    SessionStamps stamps;
    @Inject
    ReviewStats reviewStats;
    @Inject
    EntityManager em;

    @Test
    void onlyTooFewJudgementsPassWhenTheCountsReachTheMinimum() {
        Refusal tooFew = refusal(RoundService.TOO_FEW_JUDGEMENTS, null);
        assertTrue(StartRefusal.stillHolds(tooFew, RoundService.MIN_COMPARISONS - 1, 0));
        assertFalse(StartRefusal.stillHolds(tooFew, RoundService.MIN_COMPARISONS, 0));
        assertFalse(StartRefusal.stillHolds(tooFew, 4, RoundService.MIN_COMPARISONS - 4), "imported preferences count too");
        assertFalse(StartRefusal.stillHolds(refusal(RoundService.NO_JUDGEMENTS, null), 0, RoundService.MIN_COMPARISONS));
        assertTrue(StartRefusal.stillHolds(refusal("invalid_round", "Choose a method."), 500, 0), "a mistake stays one");
    }

    @Test
    void aReloadAfterEnoughJudgementsShowsThePlainPage() {
        Caller admin = Caller.session("admin");
        String landing = StartRefusal.address(refusal(RoundService.TOO_FEW_JUDGEMENTS, null), "admin", stamps).orElseThrow().toString();
        String batch = UUID.randomUUID().toString();
        try {
            long before = QuarkusTransaction.requiringNew().call(() -> reviewStats.totals().judgements() + RoundService.importedPreferences());
            if (before < RoundService.MIN_COMPARISONS) {
                String waiting = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(landing).then().statusCode(409)
                        .extract().asString();
                assertTrue(waiting.contains("more before a round can start"), waiting);
            }
            // Enough preference pairs come in (reviewers judged, or a file was imported) while the address is still read.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < RoundService.MIN_COMPARISONS; i++) {
                    em.createNativeQuery("insert into imported_preferences (prompt, chosen, rejected, batch, created_by, pair_hash)"
                            + " values ('p', 'a" + i + "', 'b', ?1, 'test', ?2)").setParameter(1, batch)
                            .setParameter(2, Hashing.sha256Hex(batch + i)).executeUpdate();
                }
            });
            String page = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(landing).then().statusCode(200)
                    .extract().asString();
            assertFalse(page.contains("more before a round can start"), page);
            assertTrue(page.contains("value=\"0.77\""), "the settings typed stay in the form: " + page);

            // The same address for a mistake in the form, sealed alike, still shows it.
            String mistake = StartRefusal.address(refusal("invalid_round", "Planted mistake."), "admin", stamps).orElseThrow().toString();
            String refused = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(mistake).then().statusCode(409)
                    .extract().asString();
            assertTrue(refused.contains("Planted mistake.") && refused.contains("value=\"0.77\""), refused);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                    .setParameter(1, batch).executeUpdate());
        }
    }

    private static Refusal refusal(String code, String error) {
        return new Refusal(409, code, null, error, Map.of("method", "dpo", "beta", "0.77"));
    }
}
