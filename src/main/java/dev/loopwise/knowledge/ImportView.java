package dev.loopwise.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.loopwise.common.text.Counts;
import dev.loopwise.common.text.TemplateFormats;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A background import as the API and the page's progress bar show it. */
public record ImportView(long id, String status, String fileName, int passages, int passagesDone, double progress,
                         boolean cancelRequested, Integer articles, Integer replaced, String summary, String error,
                         String startedBy, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
    @JsonProperty
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
    public String said() {
        return switch (status) {
            case KnowledgeImport.QUEUED -> "waiting for its turn";
            case KnowledgeImport.RUNNING -> cancelRequested ? "cancelling: it stops after the passages it is reading now"
                    : "reading its passages: " + String.format(Locale.ROOT, "%,d of %,d", passagesDone, passages);
            case KnowledgeImport.SUCCEEDED -> "done";
            case KnowledgeImport.CANCELLED -> "cancelled: nothing of this file was imported";
            default -> "failed: nothing of this file was imported";
        };
    }

    static ImportView of(KnowledgeImport row) {
        return new ImportView(row.id, row.status, row.fileName, row.passages, row.passagesDone, row.getProgress(),
                row.cancelRequested && !row.hasEnded(), row.articles, row.replaced, row.summary, row.error, row.startedBy,
                row.createdAt, row.finishedAt);
    }
}
