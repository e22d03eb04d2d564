package dev.loopwise.knowledge;

import dev.loopwise.common.text.Counts;
import java.time.OffsetDateTime;

/** An article as listed: where it came from and how many passages it was split into. */
public record ArticleSummary(long id, String title, String url, String format, String sourceName, long passages,
                             OffsetDateTime importedAt, String importedBy) {
    /** "1 passage", "3 passages". */
    public String passagesCounted() {
        return Counts.of(passages, "passage");
    }
}
