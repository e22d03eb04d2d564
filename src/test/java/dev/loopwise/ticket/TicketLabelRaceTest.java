package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.AtOnce;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One ticket labelled with different intents at the same moment (two leads on the tickets page): the labels take
 * turns, so the audit log tells the story as it happened, each change from the label the one before left.
 */
@QuarkusTest
class TicketLabelRaceTest {
    static final int LABELLERS = 4;

    @Inject
    WorkspaceService workspace;
    @Inject
    EntityManager em;
    private final String tag = "race" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() {
        ScratchIntents.deleteTagged(tag);
    }

    @Test
    void labelsGivenAtOnceAreAuditedEachAsAChangeOfTheOneBefore() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < LABELLERS; i++) {
            names.add("label_" + i + "_" + tag);
        }
        QuarkusTransaction.requiringNew().run(() -> names.forEach(name -> {
            Intent intent = new Intent();
            intent.name = name;
            intent.description = "an intent a ticket is labelled with";
            intent.persist();
        }));
        for (int round = 0; round < 5; round++) {
            String text = "parcel never came " + round + " " + tag;
            long ticket = QuarkusTransaction.requiringNew().call(() -> {
                Ticket unlabelled = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
                unlabelled.persist();
                return unlabelled.id;
            });
            List<Callable<String>> labellers = names.stream()
                    .<Callable<String>>map(name -> () -> AtOnce.outcome(() -> workspace.labelTicket(ticket, name))).toList();
            assertEquals(Collections.nCopies(LABELLERS, "done"), AtOnce.run(labellers), "round " + round);

            @SuppressWarnings("unchecked")
            List<Object[]> changes = QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                    "select details->>'from', details->>'to' from audit_events where action = 'ticket.label' and target = ?1 order by id")
                    .setParameter(1, "ticket " + ticket).getResultList());
            assertEquals(LABELLERS, changes.size(), "round " + round);
            String was = "unlabelled";
            for (Object[] change : changes) {
                assertEquals(was, change[0], "round " + round + ": each change starts from the label the one before left");
                was = (String) change[1];
            }
            String last = was;
            assertEquals(last, QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket).intent.name));
        }
    }
}
