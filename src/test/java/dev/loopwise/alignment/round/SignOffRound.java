package dev.loopwise.alignment.round;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.simulation.PreferenceKind;
import dev.loopwise.alignment.simulation.ReplyVariants;
import dev.loopwise.alignment.simulation.Simulator;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.training.WorkspaceSnapshot;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A small seeded round on the demo's tickets for the tests of what a round measures: a library of two replies per intent
 * that differ by their sign-off, the reference version trained on it, and preference pairs between an intent's two
 * replies on training tickets.
 */
final class SignOffRound {
    static final RoundSettings SETTINGS = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 3,
            RewardTrainer.Config.defaults(3), RoundSettings.VECTOR_REWARD, 2, 0.2, 0.55, 0.02, 5.0);

    final List<TicketRow> train = DemoData.ticketRows().train();
    final List<TicketRow> test = DemoData.ticketRows().test();
    final Random random = new Random(11);
    final List<WorkspaceSnapshot.ReplyInfo> library = ReplyVariants.library(train, 2, PreferenceKind.SIGN_OFF, random);
    final ModelBundle reference = Simulator.sft(train, test, library, DemoData::embed, DemoData.encoder().id(), 3);

    /** {@code count} pairs on random training tickets, the first reply preferred, grouped as {@code group} says. */
    List<PreferencePair> pairs(int count, Function<String, String> group) {
        List<PreferencePair> pairs = new ArrayList<>();
        while (pairs.size() < count) {
            TicketRow ticket = train.get(random.nextInt(train.size()));
            List<String> own = library.stream().filter(r -> r.intent().equals(ticket.label())).map(WorkspaceSnapshot.ReplyInfo::text).toList();
            if (own.size() >= 2) {
                pairs.add(new PreferencePair(ticket.text(), own.get(0), own.get(1), PreferencePair.Kind.PREFERENCE, 0, 1,
                        group.apply(ticket.text()), pairs.size()));
            }
        }
        return pairs;
    }
}
