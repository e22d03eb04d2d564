package dev.loopwise.llm;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** In effect until a knowledge base is connected: drafts rely on the library replies and the ticket alone. */
@DefaultBean
@ApplicationScoped
public class NoGrounding implements Grounding {
    @Override
    public List<GroundingPassage> passagesFor(String ticketText, int limit) {
        return List.of();
    }

    @Override
    public boolean available() {
        return false;
    }
}
