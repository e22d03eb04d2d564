package dev.loopwise.alignment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.DemoData;
import dev.loopwise.ticket.TicketRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop learns a preference the agents' replies never taught: with noisy simulated reviewers on the
 * demo store, the reward model recovers the hidden utility and the aligned policy picks the truly best
 * reply more often than π_ref did.
 */
class SimulationTest {

    @Test
    void alignmentRoundsTeachThePolicyWhatReviewersPrefer() {
        DemoData.Split split = DemoData.ticketRows();
        List<TicketRow> train = split.train();
        List<TicketRow> test = split.test();
        RoundSettings round = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 3, RewardTrainer.Config.defaults(3), 8, 0.2,
                0.55, 0.02, 5.0);
        List<Simulator.Report> reports = Simulator.run(new Simulator.Settings(2, 300, 0.75, 0.5, 3, 3, round), train, test, List.of(),
                DemoData::embed, DemoData.encoder().id(), message -> { });
        reports.forEach(r -> System.out.println("SIM " + r));
        Simulator.Report last = reports.get(reports.size() - 1);
        double sft = reports.get(0).trueBestBefore();
        assertTrue(last.rewardAccuracyTrue() > 0.65, "reward model against the truth: " + last.rewardAccuracyTrue());
        assertTrue(last.trueBestAfter() > sft + 0.1, "truly best reply: SFT " + sft + ", aligned " + last.trueBestAfter());
    }
}
