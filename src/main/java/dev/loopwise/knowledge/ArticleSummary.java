package dev.loopwise.knowledge;

import dev.loopwise.common.text.Counts;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as listed: where it came from and how many passages it was split into. */
public record ArticleSummary(@Schema(description = "The article's id (GET /api/v1/knowledge/articles/{id} reads it, DELETE removes it)") long id,
                             @Schema(description = "Its title") String title,
                             @Schema(description = "Its address; null when it has none") String url,
                             @Schema(description = "What it was read as: markdown, html or jsonl") String format,
                             @Schema(description = "The name of the file it was imported from") String sourceName,
                             @Schema(description = "How many passages it was split into") long passages,
                             @Schema(description = "When it was imported") OffsetDateTime importedAt,
                             @Schema(description = "Who imported it") String importedBy) {
    /** "1 passage", "3 passages". */
    public String passagesCounted() {
        return Counts.of(passages, "passage");
    }
}
