package dev.loopwise.monitoring.drift;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.QuartzScheduler;
import io.quarkus.scheduler.runtime.Constituent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * A drift alert's next webhook attempt, kept in Quartz's clustered store rather than in the memory of the instance whose
 * attempt failed: any instance makes it when it is due, so a deploy, crash or scale-down between attempts loses nothing.
 * Each alert has one job; each pending attempt is a one-shot trigger of it, written in the same transaction as the status
 * that promises it, so the Drift page never says "trying again" without a trigger behind it (or the other way round).
 */
@ApplicationScoped
public class WebhookRetries {
    static final String GROUP = "drift-webhook";
    static final String ALERT = "alertId";
    static final String ATTEMPT = "attempt";
    static final String TIMEOUT_MS = "timeoutMs";
    static final String FIRST_RETRY_MS = "firstRetryMs";

    @Inject
    @Constituent // the clustered scheduler, beside the simple one that runs per-instance jobs
    QuartzScheduler quartz;
    @Inject
    EntityManager em;

    /**
     * Records {@code status} on the alert and attempt {@code attempt} at {@code at}, together. The pace travels with the
     * job, so a retry keeps the pace of the delivery it continues.
     */
    void schedule(long alertId, int attempt, Instant at, WebhookNotifier.Pace pace, String status) {
        Scheduler scheduler = quartz.getScheduler();
        if (scheduler == null) {
            throw new IllegalStateException("background jobs are off in this process");
        }
        JobKey key = JobKey.jobKey(Long.toString(alertId), GROUP);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(alertId + "-" + attempt, GROUP).forJob(key)
                .usingJobData(ATTEMPT, Integer.toString(attempt)).startAt(Date.from(at))
                // Due while every instance was down: made as soon as one is back, however late.
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                if (scheduler.checkExists(key)) {
                    scheduler.scheduleJob(trigger);
                } else {
                    // requestRecovery: an instance that dies mid-attempt leaves the attempt to another, which
                    // Quartz's cluster recovery fires again with the same attempt number.
                    JobDetail job = JobBuilder.newJob(WebhookRetryJob.class).withIdentity(key).requestRecovery()
                            .usingJobData(new JobDataMap(Map.of(ALERT, Long.toString(alertId),
                                    TIMEOUT_MS, Long.toString(pace.timeout().toMillis()),
                                    FIRST_RETRY_MS, Long.toString(pace.firstRetry().toMillis()))))
                            .build();
                    scheduler.scheduleJob(job, trigger);
                }
            } catch (ObjectAlreadyExistsException e) {
                // An instance judged dead made this attempt too, and its recoverer recorded the same next one first: that
                // one will come, and its status stands.
                return;
            } catch (SchedulerException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            em.createNativeQuery("update drift_alerts set webhook_status = ?1 where id = ?2").setParameter(1, status)
                    .setParameter(2, alertId).executeUpdate();
        });
    }

    /** The pace a firing continues with. */
    static WebhookNotifier.Pace pace(JobDataMap data) {
        return new WebhookNotifier.Pace(Duration.ofMillis(Long.parseLong(data.getString(TIMEOUT_MS))),
                Duration.ofMillis(Long.parseLong(data.getString(FIRST_RETRY_MS))));
    }

    /**
     * Alerts whose next attempt is held in the store, by any instance, and will still come: a trigger Quartz put in its
     * error state (an instance that could not load the job class, say an older version during a rolling deploy) never
     * fires, so its alert is not counted. A firing one-shot trigger is marked complete while its attempt runs, hence the
     * fired triggers too. Read in the caller's transaction.
     */
    @SuppressWarnings("unchecked")
    Set<Long> waiting() {
        Set<Long> ids = new HashSet<>();
        for (Object name : (List<Object>) em.createNativeQuery("select job_name from qrtz_triggers where job_group = ?1"
                + " and trigger_state <> 'ERROR' union select job_name from qrtz_fired_triggers where job_group = ?1")
                .setParameter(1, GROUP).getResultList()) {
            ids.add(Long.parseLong(String.valueOf(name)));
        }
        return ids;
    }
}
