package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopwise.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import reads which stored tickets lack an intent when it starts and writes their labels at the end, up to minutes later
 * for a large file; a lead labelling one of them by hand meanwhile, or a reviewer's out-of-scope verdict, must not be
 * overwritten, since an import never changes a label.
 */
@QuarkusTest
class ImportKeepsLabelsSetMeanwhileTest {
    @Inject
    EntityManager em;

    @Test
    void aTicketLabelledWhileTheImportRanKeepsItsLabelAndTheImportWritesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long stored = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.of("is my warranty still valid " + tag, null, null, null, Ticket.SOURCE_IMPORT);
            ticket.persist();
            return ticket.id;
        });
        long byHand = ScratchIntents.create("warranty_" + tag);
        long fromFileId = ScratchIntents.create("order_status_" + tag);
        try {
            ApiException refused = assertThrows(ApiException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                Intent fromFile = Intent.findById(fromFileId);
                TicketBatch writes = new TicketBatch();
                writes.insert(Ticket.of("where is my parcel " + tag, fromFile, null, "train", Ticket.SOURCE_IMPORT));
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update tickets set intent_id = ?1 where id = ?2")
                        .setParameter(1, byHand).setParameter(2, stored).executeUpdate());
                writes.label(stored, fromFile, "train");
                writes.write();
            }));
            assertEquals("ticket_changed", refused.code);
            assertEquals("warranty_" + tag, QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(stored).intent.name));
            assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Ticket.count("text", "where is my parcel " + tag)),
                    "the import's other tickets are not written either");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from tickets where text like ?1").setParameter(1, "%" + tag).executeUpdate();
                em.createNativeQuery("delete from intents where name like ?1").setParameter(1, "%_" + tag).executeUpdate();
            });
        }
    }
}
