package dev.loopwise.knowledge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A passage a knowledge search found for a ticket, with how close it is. */
@Schema(name = "Found")
public record FoundPassage(@Schema(description = "The passage's id") long id,
                           @Schema(description = "The title of the article it comes from") String articleTitle,
                           @Schema(description = "The article's address; null when it has none") String articleUrl,
                           @Schema(description = "The passage's text") String text,
                           @Schema(description = "How close it is to the ticket; higher is closer") double score,
                           @Schema(description = "The score in words: a close match, related, or weak (left out of the grounding)") String match) {
}
