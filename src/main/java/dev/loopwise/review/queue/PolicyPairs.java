package dev.loopwise.review.queue;

import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ServingModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Which tickets and which two replies a review item shows, read from the active policy and its reward model. */
final class PolicyPairs {
    private PolicyPairs() {
    }

    /**
     * The tickets the reward model is least sure about: the smallest reward gap between the policy's two
     * favourite replies, where a judgement teaches the most.
     */
    static int[] leastSure(ServingModel model, List<String> texts, float[][] vectors, int count) {
        ReplyPolicy reward = model.bundle().reward();
        double[] gap = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            double[] pi = model.replyDistribution(vectors[i], text, model.bundle().intent().predict(vectors[i]));
            Integer[] order = IntStream.range(0, pi.length).boxed().sorted(Comparator.comparingDouble(a -> -pi[a])).toArray(Integer[]::new);
            float[] x = PolicyFeatures.ticket(vectors[i], text);
            float[] q = reward.queryPart(x);
            double r1 = reward.score(q, x, reward.prepare(PolicyFeatures.reply(model.candidateEmbeddings()[order[0]],
                    model.candidates().get(order[0]).text())));
            double r2 = reward.score(q, x, reward.prepare(PolicyFeatures.reply(model.candidateEmbeddings()[order[1]],
                    model.candidates().get(order[1]).text())));
            gap[i] = Math.abs(r1 - r2);
        }
        return IntStream.range(0, texts.size()).boxed().sorted(Comparator.comparingDouble(i -> gap[i])).limit(count)
                .mapToInt(Integer::intValue).toArray();
    }

    /** A reply other than {@code exclude}, drawn from π^(1/T) renormalised. */
    static int sample(double[] pi, int exclude, double temperature, Random random) {
        double[] weights = Arrays.stream(pi).map(p -> Math.pow(Math.max(p, 1e-12), 1 / temperature)).toArray();
        weights[exclude] = 0;
        double total = Arrays.stream(weights).sum();
        double r = random.nextDouble() * total;
        for (int a = 0; a < weights.length; a++) {
            r -= weights[a];
            if (r <= 0 && weights[a] > 0) {
                return a;
            }
        }
        return exclude == 0 ? 1 : 0;
    }

    static int indexOf(ServingModel model, long replyId) {
        for (int a = 0; a < model.candidates().size(); a++) {
            if (model.candidates().get(a).replyId() == replyId) {
                return a;
            }
        }
        return -1;
    }
}
