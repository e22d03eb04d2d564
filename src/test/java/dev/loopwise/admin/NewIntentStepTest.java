package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.ScratchIntents;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The overview's training step when tickets carry intents the active version never learned: what comes first (a reply,
 * more tickets, the training), and one new intent spoken of as one, two as two.
 */
@QuarkusTest
class NewIntentStepTest {
    @Inject
    FirstWeek firstWeek;
    @Inject
    EntityManager em;

    @Test
    void ticketsOfAnIntentTheActiveVersionNeverLearnedAskForAnotherTraining() {
        int active = ActiveModel.await();
        long id = ScratchIntents.create("aaa_new_since_training");
        long second = ScratchIntents.create("aab_new_since_training");
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into tickets (text, text_hash, intent_id, source, split)
                    select 'a ticket of a new intent ' || g, md5('a ticket of a new intent ' || g), ?1, 'import', 'train'
                    from generate_series(1, ?2) g""").setParameter(1, id).setParameter(2, FirstWeek.TICKETS_PER_INTENT).executeUpdate());
            FirstWeek.Step train = trainStep(id, second);
            // One new intent is spoken of as one ("the new intents" after a single name read as a slip).
            assertTrue(!train.done() && train.title().equals("Train again for the new intent"), train.toString());
            assertEquals("Version " + active + " answers customers, but it never learned 1 intent your tickets now have"
                    + " (aaa_new_since_training): it gives its tickets another intent's reply.", train.status());
            // Without a reply to choose, the new intent's reply comes first; with one, the training.
            assertTrue(train.action().startsWith("On Replies, write a reply for aaa_new_since_training, then press Train"), train.action());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into replies (intent_id, text) values (?1, 'A reply"
                    + " for the new intent.')").setParameter(1, id).executeUpdate());
            assertEquals("On Models, press Train: the new version learns the new intent; promote it when its page says so.",
                    trainStep(id, second).action(), "with a reply");
            // With fewer tickets than a first training needs, labelling more comes first.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from tickets where intent_id = ?1 and text not like '%1'")
                    .setParameter(1, id).executeUpdate());
            FirstWeek.Step thin = trainStep(id, second);
            assertTrue(thin.action().startsWith("Label at least " + FirstWeek.TICKETS_PER_INTENT + " tickets of")
                    && thin.action().contains("aaa_new_since_training")
                    && thin.action().endsWith(" learns the new intent; promote it when its page says so."), thin.action());
            // A second new intent with tickets enough: only the first still needs labelling, but the training learns both.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into tickets (text, text_hash, intent_id, source, split)
                    select 'a ticket of a second new intent ' || g, md5('a ticket of a second new intent ' || g), ?1, 'import', 'train'
                    from generate_series(1, ?2) g""").setParameter(1, second).setParameter(2, FirstWeek.TICKETS_PER_INTENT).executeUpdate());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into replies (intent_id, text) values (?1, 'A reply"
                    + " for the second new intent.')").setParameter(1, second).executeUpdate());
            FirstWeek.Step both = trainStep(id, second);
            assertTrue(both.title().equals("Train again for the new intents")
                    && both.action().startsWith("Label at least " + FirstWeek.TICKETS_PER_INTENT + " tickets of")
                    && both.action().contains("aaa_new_since_training") && !both.action().contains("aab_new_since_training")
                    && both.action().endsWith(" learns the new intents; promote it when its page says so."), both.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from tickets where intent_id in (?1, ?2)").setParameter(1, id).setParameter(2, second)
                        .executeUpdate();
                em.createNativeQuery("delete from replies where intent_id in (?1, ?2)").setParameter(1, id).setParameter(2, second)
                        .executeUpdate();
            });
            ScratchIntents.delete(id);
            ScratchIntents.delete(second);
        }
    }

    /**
     * The overview's training step as it reads this test's two intents alone: an intent another test leaves behind, never
     * learned or sorting before ours, would otherwise change the words expected here.
     */
    private FirstWeek.Step trainStep(long first, long second) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Long> counts = new HashMap<>();
            Ticket.countsByIntent().forEach((intent, count) -> {
                if (intent == first || intent == second) {
                    counts.put(intent, count);
                }
            });
            List<Intent> ours = Intent.listByName().stream().filter(i -> i.id == first || i.id == second).toList();
            return firstWeek.guide(counts, ours).steps().get(1);
        });
    }
}
