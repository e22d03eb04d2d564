package dev.loopwise.knowledge;

import dev.loopwise.common.job.QueuedJob;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;

/** One queued knowledge import as a Quartz job: it embeds on the Quartz thread that fires it, when its turn has come. */
@Dependent
@Unremovable // Quartz looks it up by class when a trigger fires
@DisallowConcurrentExecution
public class KnowledgeImportJob extends QueuedJob {
    static final String KIND = "knowledge-import";

    @Inject
    KnowledgeImports imports;

    @Override
    protected boolean runQueued(long id) {
        return imports.runQueued(id);
    }
}
