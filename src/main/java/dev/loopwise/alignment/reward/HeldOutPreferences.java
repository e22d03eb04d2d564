package dev.loopwise.alignment.reward;

import dev.loopwise.alignment.preference.PreferencePair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The held-out judgements as the gates count them: one unit per (ticket, pair of replies), however many reviewers judged
 * it. Reviewers who judged the same pair judged one question, so their verdicts are not independent evidence: a gold item
 * ten reviewers answered would otherwise enter the gates' tests as ten identical pairs, and the held-out split, which is by
 * ticket, keeps all the copies on the same side. Training still learns from every judgement, each by its own weight.
 * <p>
 * A pair's verdict is the reliability-weighted plurality of its reviewers' three possible answers: the first reply, the
 * second, or neither (tie or both bad). When the heaviest answer is a reply, the pair is one held-out preference; when it
 * is "neither", the pair has no strict preference to measure, as a lone tie has none; when two answers weigh the same
 * (two reviewers split evenly, say) the reviewers did not settle it and the pair is left out too.
 */
public final class HeldOutPreferences {
    /** Weights are sums of a few reliabilities: closer than this they weigh the same. */
    private static final double SAME_WEIGHT = 1e-9;

    private HeldOutPreferences() {
    }

    /**
     * @param preferences  one per (ticket, reply pair) with a preferred reply, that reply first, in the order first judged
     * @param tickets      different tickets among them
     * @param split        pairs left out because their reviewers' answers weighed the same
     * @param noPreference pairs left out because most of their reviewers' weight said tie or both bad
     */
    public record Units(List<PreferencePair> preferences, int tickets, int split, int noPreference) {
    }

    /** The held-out units and the reward model's evaluation on their preferences. */
    public record Measured(Units units, RewardEvaluation reward) {
    }

    /**
     * A reward model on held-out judgements as the gates measure it: a reply judged against itself left out (no answer
     * there is right or wrong), the rest collapsed to units, each preference scored once.
     *
     * @param deltas the reward model's r(first) − r(second) for each of these preferences
     */
    public static Measured measure(List<PreferencePair> heldOut, Function<List<PreferencePair>, double[]> deltas) {
        Units units = collapse(heldOut.stream().filter(PreferencePair::teaches).toList());
        return new Measured(units, RewardEvaluation.of(deltas.apply(units.preferences()), new int[units.preferences().size()]));
    }

    public static Units collapse(List<PreferencePair> judgements) {
        Map<String, List<PreferencePair>> byPair = new LinkedHashMap<>();
        for (PreferencePair p : judgements) {
            byPair.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        }
        List<PreferencePair> preferences = new ArrayList<>();
        Set<String> tickets = new HashSet<>();
        int split = 0;
        int noPreference = 0;
        for (List<PreferencePair> votes : byPair.values()) {
            PreferencePair at = votes.get(0);
            // Named by text, so that a vote is for a reply whichever side of the screen it was shown on.
            String one = at.first();
            String other = at.second();
            double forOne = 0;
            double forOther = 0;
            double neither = 0;
            long firstId = Long.MAX_VALUE;
            for (PreferencePair vote : votes) {
                firstId = Math.min(firstId, vote.judgementId());
                if (vote.kind() != PreferencePair.Kind.PREFERENCE) {
                    neither += vote.weight();
                } else if (vote.first().equals(one)) {
                    forOne += vote.weight();
                } else {
                    forOther += vote.weight();
                }
            }
            double top = Math.max(neither, Math.max(forOne, forOther));
            int heaviest = (forOne > top - SAME_WEIGHT ? 1 : 0) + (forOther > top - SAME_WEIGHT ? 1 : 0)
                    + (neither > top - SAME_WEIGHT ? 1 : 0);
            if (heaviest > 1) {
                split++;
            } else if (neither == top) {
                noPreference++;
            } else {
                boolean oneWins = forOne == top;
                preferences.add(new PreferencePair(at.prompt(), oneWins ? one : other, oneWins ? other : one,
                        PreferencePair.Kind.PREFERENCE, 0, top, at.group(), firstId));
                tickets.add(ticket(at));
            }
        }
        return new Units(List.copyOf(preferences), tickets.size(), split, noPreference);
    }

    /** The ticket a judgement is about: its group (the ticket's hash), or its text where it has none. */
    public static String ticket(PreferencePair p) {
        return Objects.requireNonNullElse(p.group(), p.prompt());
    }

    private static String key(PreferencePair p) {
        boolean ordered = p.first().compareTo(p.second()) <= 0;
        return ticket(p) + '\u0000' + (ordered ? p.first() : p.second()) + '\u0000' + (ordered ? p.second() : p.first());
    }
}
