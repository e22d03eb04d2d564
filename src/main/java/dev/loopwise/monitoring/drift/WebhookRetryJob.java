package dev.loopwise.monitoring.drift;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/**
 * One alert's next webhook attempt ({@link WebhookRetries}), made by whichever instance Quartz hands it to. Never two
 * attempts of one alert at once, anywhere: a late recovery firing waits for the attempt after it instead of racing it.
 */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class WebhookRetryJob implements Job {
    @Inject
    WebhookNotifier notifier;

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        notifier.retry(Long.parseLong(data.getString(WebhookRetries.ALERT)), Integer.parseInt(data.getString(WebhookRetries.ATTEMPT)),
                WebhookRetries.pace(data));
    }
}
