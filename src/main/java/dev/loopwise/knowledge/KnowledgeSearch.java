package dev.loopwise.knowledge;

import dev.loopwise.model.encoder.EncoderCatalogue;
import dev.loopwise.model.encoder.EncoderRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge base's passages for a ticket: what grounds an LLM's prompt, an export's system message, and what a
 * reviewer may read next to a draft. Only passages scoring at least {@link #minScore()} are returned,
 * best first; an empty knowledge base costs no encoding.
 */
@ApplicationScoped
public class KnowledgeSearch {
    @Inject
    KnowledgeIndex index;
    @Inject
    KnowledgeConfig config;

    /** A ticket someone waits on (a drafted answer, a search on the page): encoded at once. */
    public List<Passage> search(String ticketText, int limit) {
        return filtered(index.nearest(List.of(ticketText == null ? "" : ticketText), limit)).get(0);
    }

    /**
     * As {@link #search(String, int)} for a ticket already embedded with {@code encodedWith}: when that is the
     * knowledge base's encoder its vector is searched as it is, else the ticket is embedded again.
     */
    public List<Passage> search(String ticketText, EncoderRef encodedWith, float[] vector, int limit) {
        boolean same = vector != null && encodedWith != null && encodedWith.id().equals(index.encoder().id());
        return filtered(index.nearest(List.of(ticketText == null ? "" : ticketText), limit, same ? new float[][] {vector} : null)).get(0);
    }

    /**
     * One list per ticket, in order; the tickets are embedded together (faster than one by one). For bulk work (an
     * export): its encoding gives way to served answers.
     */
    public List<List<Passage>> searchAll(List<String> ticketTexts, int limit) {
        return filtered(index.nearestInBackground(ticketTexts, limit));
    }

    private List<List<Passage>> filtered(List<List<KnowledgeIndex.Hit>> nearest) {
        List<List<Passage>> out = new ArrayList<>();
        for (List<KnowledgeIndex.Hit> hits : nearest) {
            double minScore = minScore();
            out.add(index.passages(hits.stream().filter(h -> h.score() >= minScore).toList()));
        }
        return out;
    }

    /** Every passage the index holds, grounding or not, best first: for the admin's "try a ticket". */
    List<Passage> nearest(String ticketText, int limit) {
        return index.passages(index.nearest(List.of(ticketText), limit).get(0));
    }

    /** Whether any passage has been imported (an empty knowledge base grounds nothing and costs no encoding). */
    public boolean isEmpty() {
        return index.size() == 0;
    }

    /** The configured cut, else the workspace encoder's own (a fine-tune keeps its base's). */
    public double minScore() {
        return config.minScore().orElseGet(() -> EncoderCatalogue.relatedFrom(index.encoder().base().source()));
    }
}
