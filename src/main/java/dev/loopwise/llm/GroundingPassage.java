package dev.loopwise.llm;

/** One passage a draft may draw on: where it comes from (an article and section), its text, and its search score. */
public record GroundingPassage(String source, String text, double score) {
}
