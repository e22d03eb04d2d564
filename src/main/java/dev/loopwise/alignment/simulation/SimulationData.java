package dev.loopwise.alignment.simulation;

import dev.loopwise.common.EvalMessages;
import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.HeldOutRows;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled file a simulation runs on: training rows (some with the agent's reply) and test rows, less those whose
 * text a training row also has ({@link HeldOutRows}; stderr says how many).
 */
record SimulationData(List<TicketRow> train, List<TicketRow> test) {

    static SimulationData read(Path data) throws IOException {
        List<TicketRow> train = new ArrayList<>();
        List<TicketRow> test = new ArrayList<>();
        for (TicketRow row : CliFiles.tickets(data)) {
            if (row.label() != null) {
                ("test".equalsIgnoreCase(row.split()) ? test : train).add(row);
            }
        }
        if (test.isEmpty() || train.stream().noneMatch(r -> r.response() != null)) {
            throw new IllegalArgumentException(data + " needs 'test' rows and training rows with a 'response' (the agent's reply).");
        }
        if (train.stream().map(TicketRow::label).distinct().count() < 2) {
            throw new IllegalArgumentException(data + ": every training row has the same label; the loop needs tickets of at least"
                    + " two intents, so that a reply can be right for one and wrong for another.");
        }
        HeldOutRows.Unseen unseen = HeldOutRows.unseen(test, train);
        if (unseen.rows().isEmpty()) {
            throw new IllegalArgumentException(EvalMessages.allTestRowsSeenInTraining(data, test.size()));
        }
        if (unseen.dropped() > 0) {
            System.err.println("Note: " + EvalMessages.seenInTraining(unseen.dropped(), 0));
        }
        return new SimulationData(train, unseen.rows());
    }
}
