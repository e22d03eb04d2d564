package dev.loopwise.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.loopwise.monitoring.drift.DriftDetector;
import dev.loopwise.monitoring.drift.MonitoringService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one drift check found, as a check asked for and each check of a replay answer it. */
@Schema(name = "DriftCheck", description = "What one drift check found")
public record DriftChecked(
        @Schema(description = "How many of the file's tickets had been sent, from its first (failed ones included), when this"
                + " check ran; only in a replay's checks")
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer afterRequests,
        @Schema(description = "The check's report id") long reportId,
        @Schema(description = "The model version whose traffic was checked") int modelVersion,
        @Schema(description = "Each signal's value, by name") Map<String, Object> signals,
        @Schema(description = "The signals past their threshold in this check") List<DriftDetector.Alert> raised,
        @Schema(description = "The signals this check confirmed as alerts (past their threshold in enough checks in a row)") Set<String> confirmed,
        @Schema(description = "Groups of tickets unlike the training tickets: topics customers may have started asking about")
        List<DriftDetector.Cluster> newTopics) {

    static DriftChecked of(MonitoringService.Checked c, Integer afterRequests) {
        return new DriftChecked(afterRequests, c.reportId(), c.version(), c.report().signals(), c.report().alerts(), c.confirmed(),
                c.report().newTopics());
    }
}
