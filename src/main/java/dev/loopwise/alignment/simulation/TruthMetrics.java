package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardModel;
import dev.loopwise.alignment.round.AlignmentEngine;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures against the simulated truth that isolate the preference from the intent. Pairs of the wrong
 * and the right intent are easy (the sentence vector shows the topic), so they would hide whether a reward
 * model can read the property at all; these count only replies of the ticket's own intent.
 */
final class TruthMetrics {
    private TruthMetrics() {
    }

    /** On a round's held-out judged pairs with a true difference: does the reward model order them as the truth does? */
    static Double judgedPairs(Simulator.PolicyView view, List<WorkspaceSnapshot.ReplyInfo> library, RewardModel reward,
                              List<PreferencePair> pairs, RoundSettings settings, SimulatedReviewers truth, List<TicketRow> train) {
        Map<String, String> ticketIntent = new HashMap<>();
        train.forEach(t -> ticketIntent.put(t.text(), t.label()));
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < library.size(); a++) {
            index.put(library.get(a).text(), a);
        }
        int n = 0;
        double right = 0;
        for (PreferencePair p : pairs) {
            if (!AlignmentEngine.isHeldOut(p.group(), settings)) {
                continue;
            }
            int a = index.get(p.first());
            int b = index.get(p.second());
            String intent = ticketIntent.get(p.prompt());
            double du = truth.utility(intent, a) - truth.utility(intent, b);
            if (du != 0) {
                double[] scores = view.rewardScores(reward, p.prompt(), a, b);
                n++;
                right += agreement(scores[0] - scores[1], du);
            }
        }
        return n == 0 ? null : right / n;
    }

    /**
     * On test tickets (never judged): of every two replies of the ticket's intent whose true quality differs,
     * the share the reward model orders as the truth does. Null when no such pair exists. 0.5 is chance.
     */
    static Double withinIntent(Simulator.PolicyView view, RewardModel reward, List<TicketRow> test, SimulatedReviewers truth,
                               String[] replyIntents) {
        long n = 0;
        double right = 0;
        for (TicketRow t : test) {
            int[] own = own(t.label(), replyIntents);
            if (own.length < 2) {
                continue;
            }
            double[] scores = view.rewardScores(reward, t.text(), own);
            for (int i = 0; i < own.length; i++) {
                for (int j = i + 1; j < own.length; j++) {
                    double du = truth.utility(t.label(), own[i]) - truth.utility(t.label(), own[j]);
                    if (du != 0) {
                        n++;
                        right += agreement(scores[i] - scores[j], du);
                    }
                }
            }
        }
        return n == 0 ? null : right / n;
    }

    /** 1 when the model orders the pair as the truth does, 0 when against it, ½ when it scores both alike (a coin would be right half the time). */
    static double agreement(double modelDifference, double trueDifference) {
        return modelDifference == 0 ? 0.5 : (modelDifference > 0) == (trueDifference > 0) ? 1 : 0;
    }

    /**
     * Of the library's within-intent pairs whose true quality differs, the share with identical features:
     * the property lies where the encoder does not read (past its 128 tokens), so no model on these vectors can
     * tell them apart. Null when there is no such pair.
     */
    static Double sameVector(Simulator.PolicyView view, SimulatedReviewers truth, String[] replyIntents) {
        int n = 0;
        int same = 0;
        for (int a = 0; a < replyIntents.length; a++) {
            for (int b = a + 1; b < replyIntents.length; b++) {
                if (replyIntents[a].equals(replyIntents[b])
                        && truth.utility(replyIntents[a], a) != truth.utility(replyIntents[a], b)) {
                    n++;
                    same += view.sameFeatures(a, b) ? 1 : 0;
                }
            }
        }
        return n == 0 ? null : (double) same / n;
    }

    /**
     * How often a reply drawn uniformly from the ticket's own intent would be truly best: the level a policy
     * reaches that knows the intent and nothing of the preference. Tickets of an intent without replies count as misses.
     */
    static double bestByChance(List<TicketRow> test, SimulatedReviewers truth, String[] replyIntents) {
        double sum = 0;
        for (TicketRow t : test) {
            int[] own = own(t.label(), replyIntents);
            int best = 0;
            for (int a : own) {
                best += truth.isBest(t.label(), a) ? 1 : 0;
            }
            sum += own.length == 0 ? 0 : (double) best / own.length;
        }
        return test.isEmpty() ? 0 : sum / test.size();
    }

    private static int[] own(String intent, String[] replyIntents) {
        List<Integer> own = new ArrayList<>();
        for (int a = 0; a < replyIntents.length; a++) {
            if (replyIntents[a].equals(intent)) {
                own.add(a);
            }
        }
        return own.stream().mapToInt(Integer::intValue).toArray();
    }
}
