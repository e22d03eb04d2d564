package dev.loopwise.llm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How one ticket was answered while an LLM is connected: from the library or from a draft, the LLM's state in words
 * ("ok: 3 drafts", "unavailable: timeout"), every candidate the reward model scored, and the passages the drafts
 * were grounded on ({@code grounding} says "no knowledge base" when there is none to search), and how long the LLM took.
 * {@code heldUntil}, when a rate limit held the LLM back, is when it ends: the log keeps it, callers are not told it.
 */
public record LlmOutcome(String source, String status, Long replyId, String replyText, List<String> openSlots, String scorer,
                         List<Scored> candidates, List<GroundingPassage> sources, String grounding, Long llmMs,
                         @JsonIgnore @Schema(hidden = true) Instant heldUntil) {
    public static final String LIBRARY = "library";
    public static final String LLM = "llm";

    /**
     * One candidate: a library reply (with its id) or a draft, its score and whether it was served. For a draft,
     * {@code likeLibrary} is its similarity to the nearest library reply scored beside it, and {@code servable} whether
     * that is close enough for the scorer's judgement to count.
     */
    public record Scored(@Schema(description = "library for a library reply, draft for one the LLM wrote", example = "draft") String kind,
                         @Schema(description = "The library reply's id; null for a draft") Long replyId,
                         @Schema(description = "The candidate's text") String text,
                         @Schema(description = "The scorer's score; higher is better, comparable only within one answer") double score,
                         @Schema(description = "True for the candidate that was served") boolean chosen,
                         @Schema(description = "For a draft: its similarity (0 to 1) to the nearest library reply scored beside it; null for a library reply")
                         Double likeLibrary,
                         @Schema(description = "Whether the draft is close enough to the library for the scorer's judgement of it to count")
                         boolean servable) {
        Scored served() {
            return new Scored(kind, replyId, text, score, true, likeLibrary, servable);
        }
    }

    /** The library's answer when the LLM gave nothing: the policy's own choice, exactly as without an LLM. */
    static LlmOutcome library(String status, Long replyId, String replyText, List<String> openSlots, List<GroundingPassage> sources,
                              String grounding, Instant heldUntil) {
        return new LlmOutcome(LIBRARY, status, replyId, replyText, openSlots, null, List.of(), sources, grounding, null, heldUntil);
    }
}
