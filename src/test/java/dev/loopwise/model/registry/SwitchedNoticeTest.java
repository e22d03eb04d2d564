package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Promote and Roll back on the Models pages landed on the list with nothing saying they had worked; after a rollback the
 * list's advice could still be about the newer version. The list now says which version answers customers after the press,
 * and only then: an address typed or kept, or a press that was refused, says nothing.
 */
@QuarkusTest
class SwitchedNoticeTest {
    @Inject
    EntityManager em;
    @Inject
    ApiKeyService keys;

    /** The changes this test records by hand, removed at its end. */
    private final List<Long> planted = new ArrayList<>(List.of(-1L));

    @Test
    void promoteAndRollBackSayWhichVersionAnswersNow() {
        int serving = ActiveModel.await();
        OffsetDateTime servingSince = QuarkusTransaction.requiringNew().call(() -> (OffsetDateTime) em.createNativeQuery(
                "select activated_at from model_versions where version = ?1", OffsetDateTime.class).setParameter(1, serving)
                .getSingleResult());
        // The active version's own model under another number: a version to switch to without training one.
        int copy = QuarkusTransaction.requiringNew().call(() -> {
            int number = ((Number) em.createNativeQuery("select max(version) + 1000 from model_versions").getSingleResult()).intValue();
            em.createNativeQuery("insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum,"
                    + " lineage, metrics) select ?1, 'candidate', encoder_id, encoder_source, regime, parameters, checksum, lineage,"
                    + " metrics from model_versions where status = 'active'").setParameter(1, number).executeUpdate();
            return number;
        });
        String someoneElse = "other-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Caller admin = Caller.session("admin");
        try {
            // Nobody pressed anything: the reviewer's address, and one naming the newest change (another admin's), say nothing.
            long othersChange = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into"
                    + " model_activations (version, reason, actor) values (?1, 'rollback', ?2) returning id").setParameter(1, serving)
                    .setParameter(2, someoneElse).getSingleResult()).longValue());
            assertEquals(null, notice(admin, "/admin/models?switched=" + serving + "&back=true"));
            assertEquals(null, notice(admin, "/admin/models?switched=" + othersChange));
            assertEquals(null, notice(admin, "/admin/models?switched=x1"));

            // This admin's own newest change, naming the version that serves, says nothing when no press made it (a
            // training's first version is recorded under the admin who started it; a round's promotion) or when it is old.
            assertEquals(null, notice(admin, "/admin/models?switched=" + change(serving, "first model", "now()")));
            assertEquals(null, notice(admin, "/admin/models?switched=" + change(serving, "alignment", "now()")));
            assertEquals(null, notice(admin, "/admin/models?switched="
                    + change(serving, "promote", "now() - interval '11 minutes'")));

            // Refused presses (the version shown as active is not; the version already serves) send nowhere and say nothing.
            assertRefused(admin, copy, copy, "active_changed");
            assertRefused(admin, serving, serving, "already_active");

            String promoted = press(admin, copy, "promote", serving);
            assertTrue(promoted.startsWith("/admin/models?switched=" + newestChange(copy) + "&seal="), promoted);
            assertEquals("Done: v" + copy + " answers customers now. The change is listed under Changes of the active"
                    + " version below.", notice(admin, promoted));

            String rolledBack = press(admin, serving, "rollback", copy);
            assertTrue(rolledBack.startsWith("/admin/models?switched=" + newestChange(serving) + "&seal="), rolledBack);
            assertEquals("Done: v" + serving + " answers customers again. The change is listed under Changes of the active"
                    + " version below.", notice(admin, rolledBack));

            // The promotion's address, read again once another change followed, says nothing rather than something untrue.
            assertEquals(null, notice(admin, promoted));
            // Without its seal, or with another change's, the rollback's address says nothing: the seal is what a press adds.
            assertEquals(null, notice(admin, "/admin/models?switched=" + newestChange(serving)));
            assertEquals(null, notice(admin, rolledBack.replace("switched=" + newestChange(serving), "switched=" + newestChange(copy))));

            // The same admin promoting through the API with their own key pressed nothing on the page: the list, even at
            // that change's own address, does not thank them for a press.
            Caller withKey = Caller.apiKey(keys, "admin");
            withKey.request().contentType("application/json").post("/api/v1/models/" + copy + "/promote?expectedActive=" + serving).then().statusCode(200);
            long byApi = newestChange(copy);
            assertEquals(null, notice(admin, "/admin/models?switched=" + byApi));
            assertEquals(null, notice(admin, "/admin/models"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                if (em.createNativeQuery("update model_versions set status = 'retired' where version = ?1 and status = 'active'")
                        .setParameter(1, copy).executeUpdate() > 0) {
                    em.createNativeQuery("update model_versions set status = 'active' where version = ?1").setParameter(1, serving)
                            .executeUpdate();
                }
                em.createNativeQuery("delete from model_activations where actor = ?1 or version = ?2 or previous_version = ?2"
                        + " or id in (?3)").setParameter(1, someoneElse).setParameter(2, copy).setParameter(3, planted)
                        .executeUpdate();
                em.createNativeQuery("delete from audit_events where actor = 'admin' and (target = ?1 or (target = ?2 and"
                        + " action = 'model.rollback' and details->>'previousVersion' = ?3))").setParameter(1, "model version " + copy)
                        .setParameter(2, "model version " + serving).setParameter(3, String.valueOf(copy)).executeUpdate();
                em.createNativeQuery("update model_versions set activated_at = ?1 where version = ?2").setParameter(1, servingSince)
                        .setParameter(2, serving).executeUpdate();
                em.createNativeQuery("delete from model_versions where version = ?1").setParameter(1, copy).executeUpdate();
            });
            ActiveModel.await();
        }
    }

    /** Presses Promote or Roll back as the version's page sends it, and returns where the page is sent next. */
    private static String press(Caller admin, int version, String action, int activeAsShown) {
        String location = admin.pageRequest().redirects().follow(false).formParam("csrf-token", admin.csrfToken())
                .formParam("expectedActive", String.valueOf(activeAsShown)).post("/admin/models/" + version + "/" + action)
                .then().statusCode(303).extract().header("Location");
        assertTrue(location != null && location.contains("/admin/models?"), String.valueOf(location));
        return location.substring(location.indexOf("/admin/models?"));
    }

    /** A Promote the page refuses: the list with the reason, no redirect, and no line saying it was done. */
    private static void assertRefused(Caller admin, int version, int activeAsShown, String why) {
        String page = admin.pageRequest().accept("text/html").redirects().follow(false).formParam("csrf-token", admin.csrfToken())
                .formParam("expectedActive", String.valueOf(activeAsShown)).post("/admin/models/" + version + "/promote")
                .then().statusCode(409).extract().asString();
        assertFalse(page.contains("models-switched") || page.contains("Done: v"), why + ": " + page);
    }

    /** The line above the list's advice, or null when the page shows none. */
    private static String notice(Caller admin, String address) {
        String page = admin.request().accept("text/html").get(address).then().statusCode(200).extract().asString();
        int at = page.indexOf("id=\"models-switched\">");
        if (at < 0) {
            assertFalse(page.contains("models-switched"), page);
            return null;
        }
        at += "id=\"models-switched\">".length();
        return page.substring(at, page.indexOf("</p>", at));
    }

    /** A change by admin naming the version, as something other than a press just now would record it. */
    private long change(int version, String reason, String madeAt) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into model_activations"
                + " (version, reason, actor, created_at) values (?1, ?2, 'admin', " + madeAt + ") returning id")
                .setParameter(1, version).setParameter(2, reason).getSingleResult()).longValue());
        planted.add(id);
        return id;
    }

    private long newestChange(int version) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(id) from model_activations where version = ?1").setParameter(1, version).getSingleResult()).longValue());
    }
}
