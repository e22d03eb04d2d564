package dev.loopwise.knowledge;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.db.DatabaseClock;
import dev.loopwise.common.job.CancelRequest;
import dev.loopwise.common.job.JobRows;
import dev.loopwise.common.job.QueuedJobUpkeep;
import dev.loopwise.common.job.QueuedJobs;
import dev.loopwise.common.runtime.ApplicationStopping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Knowledge files imported in the background: a file too large to embed while its request waits is checked and split
 * at once (a bad file is still refused with a 400 and nothing stored), kept in its row, and embedded by a queued job on
 * any instance, one import at a time, with progress and cancel; the articles are written, and the row ended, in one
 * transaction.
 */
@ApplicationScoped
@Startup
public class KnowledgeImports {
    private static final Logger LOG = Logger.getLogger(KnowledgeImports.class);
    static final String INTERRUPTED = "Interrupted: the service stopped during the import. Nothing was imported; import the file again.";
    // Static, and the bean made at start: its kind is kept from the start, whether or not anyone asked for a job here yet.
    private static final JobRows JOBS = QueuedJobUpkeep.keep("knowledge_imports", "error = ?1, content = null", "Knowledge import", INTERRUPTED);

    @Inject
    KnowledgeImporter importer;
    @Inject
    ApplicationStopping stopping;
    @Inject
    KnowledgeConfig config;
    @Inject
    QueuedJobs queued;
    @Inject
    KnowledgeIndex index;
    @Inject
    AuditLog audit;

    /** What an import request got: the import done in the request, or the background import it started. */
    public record Submitted(KnowledgeImporter.Result result, ImportView started) {
    }

    /** Checks a file and imports it now if it is small, or queues it; a bad file is refused before anything is kept. */
    public Submitted submit(String fileName, String contentType, byte[] bytes, String url, String user) {
        KnowledgeImporter.Prepared prepared = importer.prepare(fileName, contentType, bytes, url);
        if (prepared.passages() <= config.inRequestPassages()) {
            Submitted done = new Submitted(importer.store(prepared, importer.embed(prepared, progress -> { }, () -> false), user), null);
            index.refreshNow();
            return done;
        }
        return new Submitted(null, QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeImport row = new KnowledgeImport();
            row.fileName = prepared.source();
            row.contentType = contentType;
            row.url = url;
            row.content = bytes;
            row.passages = prepared.passages();
            row.startedBy = user;
            row.persist();
            queued.schedule(KnowledgeImportJob.class, KnowledgeImportJob.KIND, row.id);
            audit.record(user, "knowledge.import.queued", "knowledge import " + row.id,
                    Map.of("file", prepared.source(), "passages", prepared.passages()));
            return ImportView.of(row);
        }));
    }

    /** The imports waiting or running, oldest first. */
    public List<ImportView> open() {
        return QuarkusTransaction.requiringNew().call(() -> KnowledgeImport.open().stream().map(ImportView::of).toList());
    }

    /** Up to five imports that ended within the last day, the latest to end first: what the page reports. */
    public List<ImportView> recentlyEnded() {
        return QuarkusTransaction.requiringNew().call(() -> KnowledgeImport.recentlyEnded(5).stream().map(ImportView::of).toList());
    }

    /** Import {@code id} as it stands; a 404 when there is none. */
    public ImportView view(long id) {
        ImportView view = QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeImport row = KnowledgeImport.findById(id);
            return row == null ? null : ImportView.of(row);
        });
        if (view == null) {
            throw ApiException.notFound("There is no knowledge import " + id + ".");
        }
        return view;
    }

    /**
     * Asks an import to stop: a queued one ends at once, a running one after the batch it is embedding; nothing of the
     * file is written either way. False when it has already ended.
     */
    public boolean cancel(long id, String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeImport row = KnowledgeImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                return false;
            }
            return JobRows.requestCancel(row, queued -> end(queued, KnowledgeImport.CANCELLED), () -> audit.record(user,
                    "knowledge.import.cancel", "knowledge import " + id, Map.of("file", String.valueOf(row.fileName))));
        });
    }

    /** Runs queued import {@code id} on the calling thread if it may start now; true when nothing is left to run for it. */
    boolean runQueued(long id) {
        return JOBS.runIfQueued(id, this::run);
    }

    private void run(long id) {
        try {
            KnowledgeImport file = QuarkusTransaction.requiringNew().call(() -> {
                KnowledgeImport row = KnowledgeImport.findById(id);
                row.content.getClass(); // loads the lazy file inside the transaction
                return row;
            });
            KnowledgeImporter.Prepared prepared = importer.prepare(file.fileName, file.contentType, file.content, file.url);
            CancelRequest cancelled = new CancelRequest(() -> QuarkusTransaction.requiringNew()
                    .call(() -> KnowledgeImport.<KnowledgeImport>findById(id).cancelRequested));
            float[][] vectors = importer.embed(prepared, done -> progress(id, done), cancelled);
            KnowledgeImporter.Result result = QuarkusTransaction.requiringNew().call(() -> {
                KnowledgeImport row = running(id);
                if (row.cancelRequested) {
                    // Asked while the last batch was read: the cancel was accepted, so nothing is written.
                    throw new CancellationException("The import of " + file.fileName + " was cancelled");
                }
                KnowledgeImporter.Result stored = importer.store(prepared, vectors, file.startedBy);
                row.articles = stored.articles();
                row.replaced = stored.replaced();
                row.summary = stored.summary();
                row.passagesDone = row.passages;
                end(row, KnowledgeImport.SUCCEEDED);
                return stored;
            });
            index.refreshNow();
            LOG.infof("Knowledge import %d (%s): %s", id, file.fileName, result.summary());
        } catch (CancellationException e) {
            LOG.infof("Knowledge import %d was cancelled", id);
            finish(id, KnowledgeImport.CANCELLED, null);
        } catch (Reclaimed e) {
            LOG.warnf("Knowledge import %d was reclaimed by another instance after a stale heartbeat", id);
        } catch (Throwable e) {
            if (stopping.now()) {
                LOG.infof("Knowledge import %d ended with the service (%s)", id, e.toString());
                return;
            }
            LOG.errorf(e, "Knowledge import %d failed", id);
            try {
                finish(id, KnowledgeImport.FAILED, JobRows.describe(e, ""));
            } catch (Throwable again) {
                LOG.errorf(again, "Could not record the failure of knowledge import %d", id);
            }
        }
    }

    private void progress(long id, int done) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnowledgeImport row = running(id);
            row.passagesDone = done;
            row.heartbeatAt = DatabaseClock.now();
        });
    }

    private static void finish(long id, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            KnowledgeImport row = KnowledgeImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && row.status.equals(KnowledgeImport.RUNNING)) {
                row.error = error;
                end(row, status);
            }
        });
    }

    private static void end(KnowledgeImport row, String status) {
        row.status = status;
        row.finishedAt = OffsetDateTime.now();
        row.content = null; // the articles are what stays; the file is not kept
    }

    private static KnowledgeImport running(long id) {
        KnowledgeImport row = KnowledgeImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.status.equals(KnowledgeImport.RUNNING)) {
            throw new Reclaimed();
        }
        return row;
    }

    /** The import stopped being this instance's (failed by another after a stale heartbeat). */
    private static final class Reclaimed extends RuntimeException {
    }
}
