package dev.loopwise.llm;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.ServingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores library replies and drafts with one scorer and serves the best. The scorer is the active version's reward
 * model (trained on reviewers' judgements by an alignment round); a version without one scores with its policy's
 * pair scorer, and a zero-shot version by the similarity of ticket and reply.
 *
 * <p>Both scorers learned from library replies only, and far from them their scores mean nothing (an off-topic
 * sentence can outscore every good reply). So a draft may be served only when it stays close to one of the
 * library replies scored beside it — a rewording, completion or merge of what the team already sends — and a
 * draft unlike all of them is scored and logged but never served. Ties go to the library: a reviewed reply beats
 * an unreviewed draft that is no better.
 *
 * <p>Public so that {@code loopwise simulate --drafts} measures the very choice serving makes.
 */
public final class BestOfN {
    private BestOfN() {
    }

    /** A library reply offered beside the drafts: its index in the model's library and its text as sent. */
    public record LibraryReply(int index, long replyId, String filledText, List<String> openSlots) {
    }

    public record Choice(String scorer, List<LlmOutcome.Scored> scored, int best) {
    }

    public static String scorerName(ServingModel model) {
        return model.bundle().reward() != null ? "reward model" : model.bundle().policy() != null ? "policy" : "similarity";
    }

    /** {@code draftVectors[i]} is draft i's sentence vector under the model's own encoder. */
    public static Choice choose(ServingModel model, float[] ticketVector, String ticket, List<LibraryReply> library, List<String> drafts,
                         float[][] draftVectors, double minLibrarySimilarity) {
        ReplyPolicy scorer = model.bundle().reward() != null ? model.bundle().reward() : model.bundle().policy();
        float[] x = PolicyFeatures.ticket(ticketVector, ticket);
        float[] query = scorer == null ? null : scorer.queryPart(x);
        List<LlmOutcome.Scored> scored = new ArrayList<>();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < library.size() + drafts.size(); i++) {
            boolean fromLibrary = i < library.size();
            float[] vector = fromLibrary ? model.candidateEmbeddings()[library.get(i).index()] : draftVectors[i - library.size()];
            String text = fromLibrary ? model.candidates().get(library.get(i).index()).text() : drafts.get(i - library.size());
            float[] features = fromLibrary ? PolicyFeatures.reply(vector, text) : PolicyFeatures.draft(vector, text, ticket);
            double score = scorer == null ? Vectors.dot(ticketVector, vector) : scorer.score(query, x, scorer.prepare(features));
            Double like = fromLibrary ? null : nearestLibrary(model, library, vector);
            boolean servable = fromLibrary || like >= minLibrarySimilarity;
            if (servable && score > bestScore) {
                bestScore = score;
                best = i;
            }
            scored.add(new LlmOutcome.Scored(fromLibrary ? LlmOutcome.LIBRARY : "draft", fromLibrary ? library.get(i).replyId() : null,
                    fromLibrary ? library.get(i).filledText() : text, score, false, like, servable));
        }
        scored.set(best, scored.get(best).served());
        return new Choice(scorerName(model), scored, best);
    }

    /** Cosine similarity (the vectors are unit length) to the closest of the library replies scored beside the draft. */
    private static double nearestLibrary(ServingModel model, List<LibraryReply> library, float[] draft) {
        double nearest = -1;
        for (LibraryReply reply : library) {
            nearest = Math.max(nearest, Vectors.dot(draft, model.candidateEmbeddings()[reply.index()]));
        }
        return nearest;
    }
}
