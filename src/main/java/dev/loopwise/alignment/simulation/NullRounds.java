package dev.loopwise.alignment.simulation;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.round.AlignmentEngine;
import dev.loopwise.alignment.round.RoundData;
import dev.loopwise.alignment.round.RoundResult;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A/A rounds: reviewers who answer at random, so no candidate can truly be better than the active
 * version. Whatever such rounds promote is the gates' false-positive rate, which must stay within the
 * 5% the gates' tests are set to. Each round has its own seed for the judgements and the engine.
 */
public final class NullRounds {
    /** How each null round ended, counted over {@code rounds} rounds. */
    public record Tally(int rounds, int judgementsPerRound, int promoted, int rejected, int waiting, List<String> reasons) {
        public double promotedShare() {
            return (double) promoted / rounds;
        }
    }

    private NullRounds() {
    }

    public static Tally run(int rounds, int judgementsPerRound, RoundSettings template, List<TicketRow> train, List<TicketRow> test,
                            Function<List<String>, float[][]> embed, String encoderId, Consumer<String> progress) {
        Random libraryRandom = new Random(template.seed());
        List<WorkspaceSnapshot.ReplyInfo> library = Simulator.library(train, 3, libraryRandom);
        progress.accept("Fine-tuning π_ref on " + train.size() + " tickets");
        ModelBundle reference = Simulator.sft(train, test, library, embed, encoderId, template.seed());
        Simulator.PolicyView view = new Simulator.PolicyView(embed, library);
        String[] replyIntents = library.stream().map(WorkspaceSnapshot.ReplyInfo::intent).toArray(String[]::new);
        List<WorkspaceSnapshot.TicketInfo> heldOutTickets = new ArrayList<>();
        long id = 1;
        for (TicketRow t : test) {
            heldOutTickets.add(new WorkspaceSnapshot.TicketInfo(id++, t.text(), t.label(), null, "test"));
        }
        List<String> known = train.stream().map(TicketRow::text).toList();
        int promoted = 0;
        int rejected = 0;
        int waiting = 0;
        List<String> reasons = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long seed = template.seed() * 1_000 + r;
            Random random = new Random(seed);
            SimulatedReviewers coinFlippers = new SimulatedReviewers(replyIntents, 0, 0.5, seed);
            List<PreferencePair> pairs = new ArrayList<>();
            for (int k = 0; k < judgementsPerRound; k++) {
                TicketRow ticket = train.get(random.nextInt(train.size()));
                int[] pair = view.candidates(reference, ticket.text(), random);
                boolean[] firstWins = {false};
                PreferencePair.Kind kind = coinFlippers.judge(ticket.label(), pair[0], pair[1], firstWins);
                int chosen = kind == PreferencePair.Kind.PREFERENCE && !firstWins[0] ? pair[1] : pair[0];
                int other = chosen == pair[0] ? pair[1] : pair[0];
                pairs.add(new PreferencePair(ticket.text(), library.get(chosen).text(), library.get(other).text(), kind, 0, 1,
                        ticket.text(), k));
            }
            RoundSettings settings = new RoundSettings(template.method(), template.beta(), seed, template.reward(), template.rewardModel(),
                    template.policyEpochs(), template.heldOutShare(), template.minRewardAccuracy(), template.maxIntentDrop(),
                    template.maxKl());
            RoundResult result = AlignmentEngine.run(settings, new RoundData(reference, reference.policy(), pairs, known, library,
                    heldOutTickets), embed, (message, p) -> { });
            switch (result.outcome()) {
                case RoundResult.PASS -> promoted++;
                case RoundResult.FAIL -> rejected++;
                default -> waiting++;
            }
            reasons.add(result.outcome() + (result.reason() == null ? "" : ": " + result.reason()));
            progress.accept(roundSaid(r + 1, rounds, result));
        }
        return new Tally(rounds, judgementsPerRound, promoted, rejected, waiting, reasons);
    }

    /** In the table's words (promoted, rejected, waiting), with the gate's reason: "fail" alone told nothing of why. */
    static String roundSaid(int round, int rounds, RoundResult result) {
        String outcome = switch (result.outcome()) {
            case RoundResult.PASS -> "promoted";
            case RoundResult.FAIL -> "rejected";
            default -> "left waiting";
        };
        return "Null round " + round + " of " + rounds + ": " + outcome + (result.reason() == null ? "" : " (" + result.reason() + ")");
    }
}
