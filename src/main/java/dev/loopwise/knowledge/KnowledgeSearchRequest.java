package dev.loopwise.knowledge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The search's parameters as a JSON body, for a ticket too long for an address. */
@Schema(name = "SearchRequest", description = "A ticket whose grounding passages to find")
public record KnowledgeSearchRequest(
        @Schema(required = true, maxLength = 20000, description = "The ticket's text, at most 20,000 characters, no control characters other than tabs and line"
                + " breaks", example = "How long do refunds take?") String q,
        @Schema(minimum = "1", maximum = "50", description = "Optional: passages to return, 1 to 50 (default 5)", example = "5") Integer limit,
        @Schema(description = "Optional: true also lists passages below the minimum score, which would be left out (default false)",
                example = "false") Boolean all) {
}
