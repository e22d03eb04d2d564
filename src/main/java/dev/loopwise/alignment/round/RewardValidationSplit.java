package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.ticket.HeldOutRows;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The share of a round's training comparisons the cross-encoder checks itself on against the vector model, whole tickets
 * to one side, drawn apart from the round's held-out choice so that the gates' judgements stay untouched.
 */
final class RewardValidationSplit {
    private static final double VALIDATION_SHARE = 0.15;

    private RewardValidationSplit() {
    }

    /** Shares the training comparisons out between the cross-encoder's fit and its validation, whole tickets to one side. */
    static void split(List<PreferencePair> train, long seed, List<PreferencePair> fit, List<PreferencePair> validation) {
        Set<String> validationTickets = validationTickets(train, seed);
        for (PreferencePair pair : train) {
            (validationTickets.contains(validationKey(pair)) ? validation : fit).add(pair);
        }
    }

    /**
     * The tickets whose comparisons form the validation share: a stable one in n ({@link #inValidation}), and with few
     * tickets, where that draw may take none or all of them, the one or ones with the lowest draw, so that the
     * cross-encoder asked for is tuned whenever there are two tickets.
     */
    static Set<String> validationTickets(List<PreferencePair> train, long seed) {
        List<String> tickets = train.stream().map(RewardValidationSplit::validationKey).distinct()
                .sorted(Comparator.comparingDouble(g -> draw(g, seed))).toList();
        long drawn = tickets.stream().filter(g -> inValidation(g, seed)).count();
        long keep = tickets.size() < 2 ? drawn : Math.max(1, Math.min(tickets.size() - 1, drawn));
        return new HashSet<>(tickets.subList(0, (int) keep));
    }

    /**
     * The ticket a comparison is about as the validation split sees it: its words, case and spacing aside, as held-out
     * checks compare tickets. Split by exact text, "Refund please" could teach the cross-encoder what "refund  please"
     * then checks it on, flattering it against the vector model.
     */
    static String validationKey(PreferencePair pair) {
        return Hashing.sha256Hex(HeldOutRows.key(pair.prompt()));
    }

    private static double draw(String group, long seed) {
        String hash = Hashing.sha256Hex("reward-validation:" + seed + ":" + group);
        return Long.parseLong(hash.substring(0, 8), 16) / (double) 0xffffffffL;
    }

    /** A stable one-in-n choice of whole tickets, independent of the round's held-out choice. */
    static boolean inValidation(String group, long seed) {
        return draw(group, seed) < VALIDATION_SHARE;
    }
}
