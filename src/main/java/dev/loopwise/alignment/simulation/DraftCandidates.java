package dev.loopwise.alignment.simulation;

import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everything best-of-n chooses from for one ticket — the library replies offered beside the drafts, then the drafts in
 * the order the LLM wrote them — with the hidden truth about them: the same reviewers and utility as for library
 * replies ({@link SimulatedReviewers}, u = right intent + λ·q), with q read from each candidate's text by the
 * preference's rule. Conciseness is the length's rank among the candidates of the same intent, so that the shortest
 * right reply on offer is the best; the voice of a draft (a latent number, like a library reply's) is drawn from
 * its text and the seed, so the same text always has the same voice.
 */
final class DraftCandidates {
    final String ticket;
    final String intent;
    final List<String> texts;
    final int libraryCount;
    final SimulatedReviewers truth;

    private DraftCandidates(String ticket, String intent, List<String> texts, int libraryCount, SimulatedReviewers truth) {
        this.ticket = ticket;
        this.intent = intent;
        this.texts = texts;
        this.libraryCount = libraryCount;
        this.truth = truth;
    }

    /**
     * @param library       the offered library replies (policy's choice first)
     * @param libraryVoices voice per library text (used by {@link PreferenceKind#VOICE} only)
     * @param seed          seeds the reviewers' noise for this ticket, and draft voices
     */
    static DraftCandidates of(String ticket, String intent, List<WorkspaceSnapshot.ReplyInfo> library, List<SimulatedLlm.Draft> drafts,
                              PreferenceKind kind, Map<String, Double> libraryVoices, double lambda, double agreement, long seed,
                              long ticketSeed) {
        List<WorkspaceSnapshot.ReplyInfo> all = new ArrayList<>(library);
        long id = -1;
        for (SimulatedLlm.Draft d : drafts) {
            all.add(new WorkspaceSnapshot.ReplyInfo(id--, d.intent(), d.text()));
        }
        double[] quality;
        if (kind == PreferenceKind.VOICE) {
            quality = all.stream().mapToDouble(r -> libraryVoices.getOrDefault(r.text(), voice(r.text(), seed))).toArray();
        } else {
            quality = kind.qualities(all, seed);
        }
        String[] intents = all.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toArray(String[]::new);
        return new DraftCandidates(ticket, intent, all.stream().map(WorkspaceSnapshot.ReplyInfo::text).toList(), library.size(),
                new SimulatedReviewers(intents, quality, kind, lambda, agreement, ticketSeed));
    }

    /** A draft's hidden voice: uniform in [0, 1], fixed by its text and the seed. */
    static double voice(String text, long seed) {
        return new SplittableRandom(seed * 1_000_003L + text.hashCode()).nextDouble();
    }

    int draftCount() {
        return texts.size() - libraryCount;
    }

    /** Candidate {@code i} is as good as the best on offer. */
    boolean best(int i) {
        return truth.isBest(intent, i);
    }

    /** The share of the drafts that are truly best: how often a draft drawn at random would be. */
    double draftsBest() {
        int best = 0;
        for (int i = libraryCount; i < texts.size(); i++) {
            best += best(i) ? 1 : 0;
        }
        return draftCount() == 0 ? 0 : (double) best / draftCount();
    }
}
