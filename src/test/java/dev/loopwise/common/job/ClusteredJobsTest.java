package dev.loopwise.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.scheduler.runtime.Constituent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/** The background jobs in Quartz's clustered store on the real PostgreSQL, and what clustering promises. */
@QuarkusTest
class ClusteredJobsTest {
    /** Jobs that must run once per period across instances: the only scheduled jobs in the shared store. */
    static final Set<String> CLUSTER_WIDE = Set.of("drift-check", "review-keep-ahead", "request-log-retention", "sign-in-cleanup",
            "training-reclaim", "round-reclaim", "drift-report-retention", "audit-retention", "queued-job-reclaim", "review-stale-leases",
            "review-tally-rollup", "ticket-vectors", "unused-vectors", "version-retention");
    /** Jobs each instance runs for itself: never in the shared store, where only one instance would run them per period. */
    static final Set<String> PER_INSTANCE = Set.of("training-heartbeat", "round-heartbeat", "active-version-sync", "queued-job-heartbeat",
            "llm-settings-refresh");
    /** The group Quarkus gives jobs declared with @Scheduled; queued training runs, rounds and imports have groups of their own. */
    static final String SCHEDULED_GROUP = "io.quarkus.scheduler.Scheduler";

    @Inject
    @Constituent
    QuartzScheduler quartz;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void clusterWideJobsAreInTheClusteredStoreAndPerInstanceJobsAreNot() throws SchedulerException {
        Scheduler scheduler = quartz.getScheduler();
        assertTrue(scheduler.getMetaData().isJobStoreClustered(), "the job store is clustered");
        assertTrue(scheduler.getMetaData().isJobStoreSupportsPersistence(), "the job store keeps jobs in the database");
        String name = scheduler.getSchedulerName();
        Map<String, Boolean> stored = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery("select job_name, is_nonconcurrent from qrtz_job_details where sched_name = ?1 and job_group = ?2")
                    .setParameter(1, name).setParameter(2, SCHEDULED_GROUP).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                stored.put((String) r[0], (Boolean) r[1]);
            }
        });
        for (String job : CLUSTER_WIDE) {
            assertEquals(Boolean.TRUE, stored.get(job), job + " is stored and runs on one instance at a time: " + stored);
        }
        for (String job : PER_INSTANCE) {
            assertFalse(stored.containsKey(job), job + " runs on every instance, outside the shared store");
        }
        // A job declared without saying where it runs lands in the shared store: every instance's settings refresh, say,
        // would then run on one instance per period and leave the others reading stale settings.
        assertTrue(CLUSTER_WIDE.containsAll(stored.keySet()), "only jobs meant to run once across instances are shared: " + stored.keySet());
        long checkedIn = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from qrtz_scheduler_state where sched_name = ?1 and instance_name = ?2")
                .setParameter(1, name).setParameter(2, scheduler.getSchedulerInstanceId()).getSingleResult()).longValue());
        assertEquals(1, checkedIn, "this instance checks in with the cluster");
        long interval = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select checkin_interval from qrtz_scheduler_state where sched_name = ?1 and instance_name = ?2")
                .setParameter(1, name).setParameter(2, scheduler.getSchedulerInstanceId()).getSingleResult()).longValue());
        assertEquals(7500, interval, "every 7.5 s, as configured");
        for (String table : List.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_fired_triggers",
                "qrtz_scheduler_state", "qrtz_locks", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_blob_triggers",
                "qrtz_simprop_triggers")) {
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from information_schema.tables where table_name = ?1").setParameter(1, table).getSingleResult()).longValue()),
                    table);
        }
    }

    /** Every firing: which instance, and for which scheduled time. */
    static final ConcurrentLinkedQueue<String> FIRINGS = new ConcurrentLinkedQueue<>();

    public static class Tick implements Job {
        @Override
        public void execute(JobExecutionContext context) throws org.quartz.JobExecutionException {
            try {
                FIRINGS.add(context.getScheduledFireTime().getTime() + "@" + context.getScheduler().getSchedulerInstanceId());
            } catch (SchedulerException e) {
                throw new org.quartz.JobExecutionException(e);
            }
        }
    }

    @Test
    void twoInstancesOnTheSameTablesFireAJobOncePerPeriod() throws Exception {
        String cluster = "loopwise-cluster-test";
        Scheduler first = StandaloneQuartz.create(cluster, "first", dataSource);
        Scheduler second = StandaloneQuartz.create(cluster, "second", dataSource);
        FIRINGS.clear();
        try {
            first.scheduleJob(JobBuilder.newJob(Tick.class).withIdentity("tick").build(), TriggerBuilder.newTrigger().withIdentity("tick")
                    .startNow().withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(1)).build());
            first.start();
            second.start();
            Thread.sleep(8_000);
            first.standby();
            second.standby();
            Thread.sleep(500); // a firing in progress ends
        } finally {
            first.clear();
            first.shutdown(true);
            second.shutdown(true);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from qrtz_scheduler_state where sched_name = ?1").setParameter(1, cluster).executeUpdate();
                em.createNativeQuery("delete from qrtz_locks where sched_name = ?1").setParameter(1, cluster).executeUpdate();
            });
        }
        List<String> firings = List.copyOf(FIRINGS);
        Map<String, Integer> perPeriod = new ConcurrentHashMap<>();
        firings.forEach(f -> perPeriod.merge(f.substring(0, f.indexOf('@')), 1, Integer::sum));
        assertTrue(perPeriod.size() >= 6, "about one firing a second for 8 s: " + firings);
        assertTrue(perPeriod.values().stream().allMatch(n -> n == 1), "each period fired on one instance only: " + firings);
        assertEquals(perPeriod.size(), firings.size(), firings.toString());
    }
}
