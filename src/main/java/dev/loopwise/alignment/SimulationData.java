package dev.loopwise.alignment;

import dev.loopwise.ticket.CliFiles;
import dev.loopwise.ticket.TicketRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The labelled file a simulation runs on: training rows (some with the agent's reply) and test rows. */
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
        return new SimulationData(train, test);
    }
}
