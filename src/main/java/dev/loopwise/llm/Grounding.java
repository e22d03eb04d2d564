package dev.loopwise.llm;

import java.util.List;

/**
 * Where drafts find their facts: the knowledge-base passages nearest a ticket, best first. With an empty knowledge
 * base, or none near enough, there are none, and the prompt and the response say so.
 */
public interface Grounding {
    List<GroundingPassage> passagesFor(String ticketText, int limit);

    /** Whether there is a knowledge base to search at all (false: prompts say "no knowledge base"). */
    boolean available();
}
