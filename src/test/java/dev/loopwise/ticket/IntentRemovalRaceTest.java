package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An intent removed while tickets are being labelled with it: one of the two goes first, the other is told why. */
@QuarkusTest
class IntentRemovalRaceTest {
    @Inject
    WorkspaceService workspace;
    @Inject
    TicketImporter importer;
    private final String tag = "race" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        ScratchIntents.deleteTagged(tag);
    }

    @Test
    void aTicketLabelledWhileItsIntentIsRemovedIsEitherLabelledOrToldTheIntentIsGone() throws Exception {
        for (int round = 0; round < 15; round++) {
            String name = "gone_" + round + "_" + tag;
            long ticket = QuarkusTransaction.requiringNew().call(() -> {
                Intent intent = new Intent();
                intent.name = name;
                intent.description = "an intent removed at once";
                intent.persist();
                Ticket unlabelled = Ticket.of("where is parcel " + name, null, null, null, Ticket.SOURCE_IMPORT);
                unlabelled.persist();
                return unlabelled.id;
            });
            List<String> said = AtOnce.run(() -> AtOnce.outcome(() -> workspace.labelTicket(ticket, name)),
                    () -> AtOnce.outcome(() -> workspace.removeIntent(name, null)));
            assertTrue(said.equals(List.of("done", "intent_in_use")) || said.equals(List.of("unknown_intent", "done")),
                    "round " + round + ": " + said);
        }
    }

    @Test
    void anImportLabellingWithAnIntentBeingRemovedIsEitherCountedOrCreatesItAgain() throws Exception {
        for (int round = 0; round < 4; round++) {
            String name = "imported_" + round + "_" + tag;
            QuarkusTransaction.requiringNew().run(() -> {
                Intent intent = new Intent();
                intent.name = name;
                intent.description = "an intent removed during an import";
                intent.persist();
            });
            StringBuilder csv = new StringBuilder("text,label\n");
            for (int i = 0; i < 400; i++) {
                csv.append("where is parcel ").append(i).append(' ').append(name).append(',').append(name).append('\n');
            }
            List<String> said = AtOnce.run(
                    () -> AtOnce.outcome(() -> importer.importTickets(TicketFile.read(new StringReader(csv.toString()), TicketFile.Format.CSV))),
                    () -> AtOnce.outcome(() -> workspace.removeIntent(name, null)));
            assertEquals("done", said.get(0), "round " + round + ": " + said);
            assertTrue(said.get(1).equals("done") || said.get(1).equals("intent_in_use"), "round " + round + ": " + said);
            assertEquals(400L, QuarkusTransaction.requiringNew().call(() -> Ticket.count("intent.name", name)));
        }
    }
}
