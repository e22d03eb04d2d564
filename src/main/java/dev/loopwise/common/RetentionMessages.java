package dev.loopwise.common;

import dev.loopwise.common.text.Counts;
import java.util.ArrayList;
import java.util.List;

/** What the retention jobs say they did, on Audit (one place for their words). */
public final class RetentionMessages {
    private RetentionMessages() {
    }

    /** The name a job's row reads under, by the job's key; an unknown key reads as itself. */
    public static String what(String job) {
        return switch (job) {
            case "request-log" -> "Request log and the feedback on it";
            case "drift-checks" -> "Drift checks";
            case "audit-trail" -> "Audit trail";
            case "model-weights" -> "Weights of old model versions";
            default -> job;
        };
    }

    public static String keptAll(String setting) {
        return "Nothing removed: " + setting + " is 0, which keeps everything.";
    }

    public static String removedOlder(long removed, String rows, int months) {
        return removed == 0 ? "Nothing was older than " + Counts.of(months, "month") + "."
                : "Removed " + Counts.of(removed, rows) + " older than " + Counts.of(months, "month") + ".";
    }

    /** {@code created} and {@code dropped} are months written 2026-12. */
    public static String requestLog(List<String> created, List<String> dropped, int retentionMonths, long blanked, int textDays) {
        List<String> said = new ArrayList<>();
        if (!dropped.isEmpty()) {
            said.add("Removed " + String.join(", ", dropped) + " with the feedback on them (older than "
                    + Counts.of(retentionMonths, "month") + ")");
        } else {
            said.add(retentionMonths == 0 ? "Removed no month: LOOPWISE_SERVING_RETENTION_MONTHS is 0, which keeps every one"
                    : "No month was older than " + Counts.of(retentionMonths, "month"));
        }
        if (blanked > 0) {
            said.add("blanked the text of " + Counts.of(blanked, "request") + " older than " + Counts.of(textDays, "day"));
        }
        said.add(created.isEmpty() ? "the coming months were ready" : "made room for " + String.join(", ", created));
        return String.join("; ", said) + ".";
    }

    public static String weights(int versions, int tunedEncoders, int keep) {
        return versions == 0 && tunedEncoders == 0 ? "Nothing to remove: the newest " + keep + " versions, and older ones still needed,"
                + " keep their weights." : "Removed the weights of " + Counts.of(versions, "version") + " older than the newest " + keep
                + " and " + Counts.of(tunedEncoders, "unused tuned encoder") + ".";
    }

    public static String failed(String problem) {
        return "Failed: " + problem + ". It runs again at its next period; the log has the details.";
    }

    public static final String NONE_YET = "The retention jobs have not run yet: they run a few minutes after the start, then every 6 hours.";
}
