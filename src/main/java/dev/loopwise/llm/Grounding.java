package dev.loopwise.llm;

import dev.loopwise.model.encoder.EncoderRef;
import java.util.List;

/**
 * Where drafts find their facts: the knowledge-base passages nearest a ticket, best first. With an empty knowledge
 * base, or none near enough, there are none, and the prompt and the response say so.
 */
public interface Grounding {
    List<GroundingPassage> passagesFor(String ticketText, int limit);

    /** As {@link #passagesFor(String, int)} for a ticket already embedded with {@code encodedWith} as {@code vector}. */
    List<GroundingPassage> passagesFor(String ticketText, EncoderRef encodedWith, float[] vector, int limit);

    /** Whether there is a knowledge base to search at all (false: prompts say "no knowledge base"). */
    boolean available();
}
