package dev.loopwise.alignment.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Review quality offers a download only when the file would hold something, and otherwise says what fills it. */
@QuarkusTest
class EmptyExportsTest {
    private static final String BATCH = "empty-exports-test";

    @Inject
    EntityManager em;

    @Test
    void aKindWithNothingInItSaysWhatFillsItAndOneWithAPairOffersItsFiles() {
        Caller admin = Caller.session("admin");
        try {
            // Whatever other tests left, the page agrees with what the file would hold.
            boolean hadPairs = hasPairs();
            String before = exports(admin);
            assertEquals(hadPairs, before.contains("format=trl-chat"), before);
            assertEquals(!hadPairs, before.contains("no pairs yet"), before);
            if (!hadPairs) {
                assertTrue(before.contains("reviewers make them by picking the better of two replies on the Review page"), before);
                assertEquals("", admin.request().get("/admin/exports/preferences?format=trl").then().statusCode(200).extract().asString(),
                        "the file the page no longer offers is indeed empty");
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into imported_preferences (prompt, chosen, rejected, batch, pair_hash)
                    values ('Where is my parcel?', 'It left our store today.', 'No idea.', ?1, ?1)""").setParameter(1, BATCH)
                    .executeUpdate());
            String after = exports(admin);
            assertTrue(after.contains("href=\"/admin/exports/preferences?format=trl-chat\" download"), after);
            assertTrue(after.contains("href=\"/admin/exports/preferences?format=trl\" download"), after);
            assertFalse(after.contains("no pairs yet"), after);
            assertTrue(admin.request().get("/admin/exports/preferences?format=trl").then().statusCode(200).extract().asString()
                    .contains("\"chosen\":\"It left our store today.\""));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from imported_preferences where batch = ?1")
                    .setParameter(1, BATCH).executeUpdate());
        }
    }

    private boolean hasPairs() {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select exists (select 1 from judgements where choice in ('1', '2')) or exists (select 1 from imported_preferences)")
                .getSingleResult());
    }

    private static String exports(Caller admin) {
        String page = admin.request().accept("text/html").get("/admin/review").then().statusCode(200).extract().asString();
        return page.substring(page.indexOf("id=\"exports\""), page.indexOf("What these files are"));
    }
}
