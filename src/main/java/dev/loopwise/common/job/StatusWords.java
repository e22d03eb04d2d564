package dev.loopwise.common.job;

import io.quarkus.qute.TemplateExtension;

/**
 * Statuses of versions, trainings and rounds as the admin pages say them. The API keeps the codes (clients compare them);
 * a support lead reads words, and reads the same words for the same code on every page.
 */
@TemplateExtension
public class StatusWords {
    private StatusWords() {
    }

    public static String words(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case JobRowEntity.QUEUED -> "waiting to start";
            case JobRowEntity.RUNNING -> "in progress";
            case JobRowEntity.SUCCEEDED -> "finished";
            case JobRowEntity.FAILED -> "stopped by an error";
            case JobRowEntity.CANCELLED -> "cancelled";
            // A version: trained, never served, promotable.
            case "candidate" -> "ready, not active yet";
            case "active" -> "active";
            case "retired" -> "served before";
            // A version whose round did not show it better, or that round itself: either way nothing was promoted.
            case "rejected" -> "not promoted";
            case "promoted" -> "promoted";
            // Undecided: what would decide it is said on the round's page, and it is not always judgements (a check of replies
            // against their tickets waits on labelled tickets kept aside, which no judgement adds to).
            case "needs_evidence" -> "not decided yet";
            case "superseded" -> "not promoted: the active version changed while it ran";
            default -> code.replace('_', ' ');
        };
    }

    /** A training's, round's, replay's or import's status in words. */
    static String statusText(JobRowEntity row) {
        return words(row.status);
    }
}
