package dev.loopwise.knowledge;

import dev.loopwise.common.QueuedJobs;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One queued knowledge import as a Quartz job: it embeds on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class KnowledgeImportJob implements Job {
    static final String KIND = "knowledge-import";

    @Inject
    KnowledgeImports imports;

    @Override
    public void execute(JobExecutionContext context) {
        if (imports.runQueued(QueuedJobs.id(context))) {
            QueuedJobs.done(context);
        }
    }
}
