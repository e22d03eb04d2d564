package dev.loopwise.monitoring;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short file replayed while the request waited. */
@Schema(name = "ReplayAnswered", description = "A file replayed while the request waited: the requests sent and the checks made")
public record ReplayAnswered(@Schema(description = "Tickets sent through the answering pipeline") int requests,
                             @Schema(description = "Of them, those the pipeline could not answer") int failed,
                             @Schema(description = "The first of their problems; null when none failed") String firstError,
                             @Schema(description = "Alerts the checks confirmed") int alerts,
                             @Schema(description = "The drift checks made, in order") List<DriftChecked> checks) {
}
