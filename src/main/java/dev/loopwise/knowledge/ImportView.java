package dev.loopwise.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.loopwise.common.JobMessages;
import dev.loopwise.common.job.JobSilence;
import dev.loopwise.common.job.QueuedJobUpkeep;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A background import as the API and the page's progress bar show it. */
public record ImportView(@Schema(description = "The import's id") long id,
                         @Schema(description = "queued, running, succeeded, failed or cancelled") String status,
                         @Schema(description = "The file's name") String fileName,
                         @Schema(description = "Passages the file holds") int passages,
                         @Schema(description = "Passages read so far") int passagesDone,
                         @Schema(description = "Share done, from 0 to 1") double progress,
                         @Schema(description = "True while a cancel was asked for and the import has not stopped yet") boolean cancelRequested,
                         @Schema(description = "Articles imported; null until it succeeded") Integer articles,
                         @Schema(description = "Of them, those that replaced an earlier import of the same article; null until it succeeded")
                         Integer replaced,
                         @Schema(description = "What was imported, in words, once it succeeded") String summary,
                         @Schema(description = "Why it failed; null otherwise") String error,
                         @Schema(description = "Who started it") String startedBy,
                         @Schema(description = "When it was asked for") OffsetDateTime createdAt,
                         @Schema(description = "When it ended; null while queued or running") OffsetDateTime finishedAt,
                         @Schema(description = "The instance that ran it (host name and port), whose log tells more; null while queued")
                         String ranOn,
                         @Schema(description = "While running but not heard from for 20 s (two missed heartbeats: its instance died or"
                                 + " lost the database): since when, and about when it will be marked failed; null otherwise")
                         String silence) {
    @JsonProperty
    @Schema(description = "True once it ended: succeeded, failed or cancelled")
    public boolean finished() {
        return !status.equals(KnowledgeImport.QUEUED) && !status.equals(KnowledgeImport.RUNNING);
    }

    /** When it was asked for, or ended, in the page's words: tells two imports of one file apart. */
    public String when() {
        return TemplateFormats.when(finishedAt != null ? finishedAt : createdAt);
    }

    public String passagesCounted() {
        return Counts.of(passages, "passage");
    }

    public boolean failed() {
        return status.equals(KnowledgeImport.FAILED);
    }

    public boolean succeeded() {
        return status.equals(KnowledgeImport.SUCCEEDED);
    }

    public int percentDone() {
        return (int) Math.round(progress * 100);
    }

    /** Where it stands, in the page's words. */
    @JsonProperty
    @Schema(description = "Where it stands, in words", example = "reading its passages: 120 of 400")
    public String said() {
        return switch (status) {
            case KnowledgeImport.QUEUED -> "waiting for its turn";
            case KnowledgeImport.RUNNING -> silence != null ? silence
                    : cancelRequested ? "cancelling: it stops after the passages it is reading now"
                    : "reading its passages: " + String.format(Locale.ROOT, "%,d of %,d", passagesDone, passages);
            case KnowledgeImport.SUCCEEDED -> "done";
            case KnowledgeImport.CANCELLED -> "cancelled: nothing of this file was imported";
            default -> "failed: nothing of this file was imported";
        };
    }

    /** Read in a transaction: a silence is judged on the database's clock. */
    static ImportView of(KnowledgeImport row) {
        return new ImportView(row.id, row.status, row.fileName, row.passages, row.passagesDone, row.getProgress(),
                row.cancelRequested && !row.hasEnded(), row.articles, row.replaced, row.summary, row.error, row.startedBy,
                row.createdAt, row.finishedAt, row.ranOn, silence(row));
    }

    /** An import whose instance died would go on saying it reads, with a count that no longer moves, until it is failed. */
    private static String silence(KnowledgeImport row) {
        return JobSilence.lastHeard(row).map(heard -> JobMessages.silent("importing", String.format(Locale.ROOT, "%,d of %,d passages",
                row.passagesDone, row.passages), heard, heard.plus(QueuedJobUpkeep.STALE))).orElse(null);
    }
}
