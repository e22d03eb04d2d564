package dev.loopwise.alignment.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.alignment.round.RoundSettings;
import dev.loopwise.model.DemoData;
import dev.loopwise.ticket.TicketRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With reviewers answering at random nothing can truly improve, so the gates may promote at most 5%
 * of such rounds: here at most 1 of 20 seeded null rounds on the real engine and the demo store.
 */
class NullRoundsTest {

    @Test
    void randomReviewersPromoteAtMostOneRoundInTwenty() {
        DemoData.Split split = DemoData.ticketRows();
        List<TicketRow> train = split.train();
        List<TicketRow> test = split.test();
        RoundSettings template = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 5, RewardTrainer.Config.defaults(5), RoundSettings.VECTOR_REWARD, 4, 0.2,
                0.55, 0.02, 5.0);
        NullRounds.Tally tally = NullRounds.run(20, 300, template, train, test, DemoData::embed, DemoData.encoder().id(), m -> { });
        tally.reasons().forEach(reason -> System.out.println("NULL " + reason));
        assertEquals(20, tally.promoted() + tally.rejected() + tally.waiting());
        assertTrue(tally.promoted() <= 1, "null rounds promoted: " + tally.promoted() + " of 20");
    }
}
