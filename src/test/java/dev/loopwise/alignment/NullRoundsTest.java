package dev.loopwise.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.DemoData;
import dev.loopwise.ticket.Ticket;
import dev.loopwise.ticket.TicketRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * With reviewers answering at random nothing can truly improve, so the gates may promote at most 5%
 * of such rounds: here at most 1 of 20 seeded null rounds on the real engine and the demo store.
 */
class NullRoundsTest {

    @Test
    void randomReviewersPromoteAtMostOneRoundInTwenty() {
        List<TicketRow> train = new ArrayList<>();
        List<TicketRow> test = new ArrayList<>();
        for (CSVRecord row : DemoWorkspace.read("tickets.csv")) {
            String response = row.get("response").isBlank() ? null : row.get("response");
            TicketRow ticket = new TicketRow(0, row.get("text"), row.get("label"), response, null, Map.of());
            (Ticket.defaultSplit(ticket.text()).equals("test") ? test : train).add(ticket);
        }
        RoundSettings template = new RoundSettings(RoundSettings.REWARD_WEIGHTED, 0.5, 5, RewardTrainer.Config.defaults(5), 4, 0.2,
                0.55, 0.02, 5.0);
        NullRounds.Tally tally = NullRounds.run(20, 300, template, train, test, DemoData::embed, DemoData.encoder().id(), m -> { });
        tally.reasons().forEach(reason -> System.out.println("NULL " + reason));
        assertEquals(20, tally.promoted() + tally.rejected() + tally.waiting());
        assertTrue(tally.promoted() <= 1, "null rounds promoted: " + tally.promoted() + " of 20");
    }
}
