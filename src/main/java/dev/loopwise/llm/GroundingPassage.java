package dev.loopwise.llm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One passage a draft may draw on: where it comes from (an article and section), its text, and its search score. */
public record GroundingPassage(
        @Schema(description = "The article (and section) it comes from, its address in parentheses when it has one") String source,
        @Schema(description = "The passage's text") String text,
        @Schema(description = "Its search score against the ticket; higher is closer") double score) {
}
