package dev.loopwise.llm;

import dev.loopwise.model.Vectors;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ServingModel;
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

    /** Other intents' replies compared to place {@link #servableLine}: enough for a tenth quantile, bounded for big libraries. */
    static final int LINE_SAMPLE = 400;
    /** Fewer other intents' replies than this cannot place a quantile; the configured floor alone decides. */
    static final int LINE_MIN_OTHERS = 10;

    /**
     * How close a draft must be to the offered library replies to be served: at least {@code floor}, and closer than 9 in
     * 10 of the other intents' replies are. Encoders spread similarities differently (with bge-small-en-v1.5 any two
     * support replies score 0.6 or more, so a fixed 0.5 let off-topic drafts through), and the library itself shows
     * where "about something else" starts for this encoder and these replies.
     */
    public static double servableLine(ServingModel model, List<LibraryReply> library, double floor) {
        if (library.isEmpty()) {
            return floor;
        }
        String intent = model.candidates().get(library.get(0).index()).intent();
        List<Integer> others = new ArrayList<>();
        for (int a = 0; a < model.candidates().size(); a++) {
            if (!model.candidates().get(a).intent().equals(intent)) {
                others.add(a);
            }
        }
        if (others.size() < LINE_MIN_OTHERS) {
            return floor;
        }
        int stride = Math.max(1, others.size() / LINE_SAMPLE);
        List<Double> nearest = new ArrayList<>();
        for (int i = 0; i < others.size(); i += stride) {
            nearest.add(nearestLibrary(model, library, model.candidateEmbeddings()[others.get(i)]));
        }
        nearest.sort(null);
        double ninthDecile = nearest.get(Math.min(nearest.size() - 1, (int) Math.ceil(0.9 * nearest.size()) - 1));
        return Math.max(floor, ninthDecile);
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
