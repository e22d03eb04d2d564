package dev.loopwise.model.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Another instance switches the active version — its own database connection, the statements of
 * {@link ModelActivation#swap}, the notification sent at commit — and this instance serves the new version, told by
 * the notification: the periodic check is paused meanwhile, so without the notification the switch never arrives.
 */
@QuarkusTest
class ActiveVersionListenerTest {
    @Inject
    ModelRegistry registry;
    @Inject
    ActiveVersionListener listener;
    @Inject
    EntityManager em;
    @Inject
    Scheduler scheduler;

    /** The registry's periodic check ({@link ModelRegistry#sync}), which would catch the switch without the notification. */
    private static final String SYNC = "active-version-sync";

    @Test
    void aSwitchMadeByAnotherInstanceIsServedByItsNotification() throws Exception {
        int active = ActiveModel.await();
        int copy = QuarkusTransaction.requiringNew().call(() -> {
            int number = ((Number) em.createNativeQuery("select max(version) + 1000 from model_versions").getSingleResult()).intValue();
            em.createNativeQuery("insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, "
                    + "lineage, metrics) select ?1, 'candidate', encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics "
                    + "from model_versions where status = 'active'").setParameter(1, number).executeUpdate();
            return number;
        });
        scheduler.pause(SYNC);
        try {
            assertSwitchArrives(active, copy);
            assertSwitchArrives(copy, active);
        } finally {
            scheduler.resume(SYNC);
            // A failed switch back would leave the copy active for the tests after this one: the original comes back first.
            QuarkusTransaction.requiringNew().run(() -> {
                if (em.createNativeQuery("update model_versions set status = 'retired' where version = ?1 and status = 'active'")
                        .setParameter(1, copy).executeUpdate() > 0) {
                    em.createNativeQuery("update model_versions set status = 'active' where version = ?1").setParameter(1, active).executeUpdate();
                }
                em.createNativeQuery("delete from model_versions where version = ?1").setParameter(1, copy).executeUpdate();
            });
        }
    }

    private void assertSwitchArrives(int from, int to) throws Exception {
        long heardBefore = listener.heard();
        var config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class))) {
            other.setAutoCommit(false);
            run(other, "update model_versions set status = 'retired' where status = 'active' and version = ?", from);
            run(other, "update model_versions set status = 'active', activated_at = now() where version = ?", to);
            try (PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, ActiveVersionListener.CHANNEL);
                notify.setString(2, String.valueOf(to));
                notify.executeQuery().close();
            }
            other.commit();
        }
        // A generous bound for a loaded machine: without the notification the switch never arrives, so waiting longer
        // cannot make a broken listener pass.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (registry.current().map(m -> m.version()).orElse(-1) != to) {
            if (System.nanoTime() > deadline) {
                fail("the other instance's switch to " + to + " was not served here; notifications heard: "
                        + (listener.heard() - heardBefore));
            }
            Thread.sleep(20);
        }
        assertTrue(listener.heard() > heardBefore, "told by the notification");
    }

    private static void run(Connection connection, String sql, int version) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, version);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }
}
