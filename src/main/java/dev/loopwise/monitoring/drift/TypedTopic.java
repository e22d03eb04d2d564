package dev.loopwise.monitoring.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.common.text.PlainText;
import java.util.List;

/**
 * What the lead typed in an alert's "Make it an intent" form when it was refused: the page shows that alert's fold open
 * again with the typed name, description and ticks and why it was refused, so nothing typed is lost.
 *
 * @param shown    the examples the form offered (ticked or not): which alert the form belonged to, even with none ticked
 * @param examples the examples ticked
 */
public record TypedTopic(String name, String description, List<String> shown, List<String> examples, String error) {
    public TypedTopic {
        // As on the Intents page: an escape code echoed back into a field shows as garbage and would be sent again.
        name = name == null ? "" : PlainText.withoutNotPlain(name);
        description = description == null ? "" : PlainText.withoutNotPlain(description);
        shown = shown == null ? List.of() : shown;
        examples = examples == null ? List.of() : examples;
    }

    /** Whether the refused form belonged to this alert: it offered (or ticked) one of the alert's examples. */
    public boolean belongsTo(DriftFormats.AlertGroup group) {
        return group.examples().stream().anyMatch(e -> shown.contains(e) || examples.contains(e));
    }

    /**
     * Whether one of the alerts still listed holds the form, so the refusal shows in its fold; an alert gone meanwhile
     * (past the page's limit) leaves the refusal at the top of the page.
     */
    public boolean hasFold(JsonNode alerts) {
        return DriftFormats.groups(alerts).stream().anyMatch(this::belongsTo);
    }
}
