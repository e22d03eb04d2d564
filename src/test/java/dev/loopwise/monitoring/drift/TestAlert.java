package dev.loopwise.monitoring.drift;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import jakarta.persistence.EntityManager;

/** A drift alert of a webhook test's own, on a model version no other test uses, and its removal with any retry it left. */
final class TestAlert {
    private TestAlert() {
    }

    /** {@code evidence}: the alert's evidence as JSON ({@code {}} when the test reads none). */
    static long create(EntityManager em, int version, String evidence) {
        sql(em, "insert into drift_reports (model_version, requests, signals) values (" + version + ", 200, '{}')");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("insert into drift_alerts (report_id,"
                + " model_version, signal, value, threshold, message, evidence) select id, ?1, 'input/mmd', 0.01, 0.002, 'Customers"
                + " write about something new.', cast(?2 as jsonb) from drift_reports where model_version = ?1 returning id")
                .setParameter(1, version).setParameter(2, evidence).getSingleResult()).longValue());
    }

    static void remove(EntityManager em, QuartzScheduler quartz, int version, long alertId) throws InterruptedException {
        AlertReceiver.forget(quartz, alertId);
        sql(em, "delete from drift_alerts where model_version = " + version);
        sql(em, "delete from drift_reports where model_version = " + version);
    }

    private static void sql(EntityManager em, String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
