package dev.loopwise.llm;

import dev.loopwise.knowledge.KnowledgeSearch;
import dev.loopwise.knowledge.Passage;
import dev.loopwise.model.encoder.EncoderRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Drafts draw their facts from the knowledge base: the passages nearest the ticket that pass its minimum score. */
@ApplicationScoped
public class KnowledgeGrounding implements Grounding {
    @Inject
    KnowledgeSearch knowledge;

    @Override
    public List<GroundingPassage> passagesFor(String ticketText, int limit) {
        return shown(knowledge.search(ticketText, limit));
    }

    @Override
    public List<GroundingPassage> passagesFor(String ticketText, EncoderRef encodedWith, float[] vector, int limit) {
        return shown(knowledge.search(ticketText, encodedWith, vector, limit));
    }

    private static List<GroundingPassage> shown(List<Passage> passages) {
        return passages.stream().map(p -> new GroundingPassage(source(p), p.text(), p.score())).toList();
    }

    @Override
    public boolean available() {
        return !knowledge.isEmpty();
    }

    private static String source(Passage passage) {
        return passage.articleUrl() == null ? passage.articleTitle() : passage.articleTitle() + " (" + passage.articleUrl() + ")";
    }
}
