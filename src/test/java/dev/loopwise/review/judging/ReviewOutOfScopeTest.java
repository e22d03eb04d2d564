package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.alignment.round.RoundRequests;
import dev.loopwise.alignment.round.RoundScope;
import dev.loopwise.alignment.round.RoundSnapshot;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.review.ReviewApiTest;
import dev.loopwise.review.ReviewItems;
import dev.loopwise.review.ReviewerTest;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewItem;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "None fits: out of scope" through the API: stored as its own choice, read by rounds as both bad, and a
 * label that teaches the out-of-scope threshold — on a ticket created from served traffic or on the
 * imported ticket the item came from — which an undo takes back unless another reviewer's verdict stands.
 */
@QuarkusTest
class ReviewOutOfScopeTest extends ReviewerTest {
    @Inject
    RoundSnapshot snapshot;
    @Inject
    RoundRequests.Defaults roundDefaults;

    @Test
    void aVerdictOnServedTrafficCreatesAnOosTicketThatRoundsReadAsBothBadAndAnUndoRemoves() {
        String text = "What rhymes with orange? asked " + UUID.randomUUID();
        long itemId = ReviewItems.fromSource(em, text, "request", UUID.randomUUID().toString(), 1);
        Caller r = reviewer();
        assertEquals(itemId, ReviewApiTest.nextId(r));
        // Out of scope means no library reply fits: a rewrite sent with it proposes none, and is refused rather than dropped.
        String proposal = "We only handle orders here " + UUID.randomUUID();
        r.request().contentType("application/json").body("{\"choice\":\"out_of_scope\",\"rewrite\":\"" + proposal + "\"}")
                .post("/api/v1/review/" + itemId).then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo("not_with_choice"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Reply.count("text", proposal)));
        r.request().contentType("application/json").body("{\"choice\":\"out_of_scope\"}").post("/api/v1/review/" + itemId)
                .then().statusCode(201);
        Judgement judgement = QuarkusTransaction.requiringNew().call(() -> Judgement.<Judgement>find("itemId", itemId).singleResult());
        assertNull(judgement.rewrite);
        assertEquals(Judgement.OUT_OF_SCOPE, judgement.choice, "stored as its own choice");
        assertNull(judgement.shownAs);
        assertEquals(ReviewItem.COMPLETE, QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>findById(itemId).status));
        judge(r, itemId, 200); // the same answer again is a duplicate, not a second label

        Ticket ticket = ticket(text).orElseThrow(() -> new AssertionError("no ticket made from the served request"));
        assertEquals(OutOfScopeLabels.SOURCE, ticket.source);
        assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, ticket.intent.name, "labelled as the demo's tickets.csv labels oos rows");
        assertEquals(Ticket.defaultSplit(text), ticket.split, "held out like any labelled ticket without a split");
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Ticket.count("text", text)));

        PreferencePair pair = QuarkusTransaction.requiringNew()
                .call(() -> snapshot.capture(roundDefaults.settings(), new RoundScope(0, 1_000, 100))).data().pairs().stream()
                .filter(p -> p.judgementId() == judgement.id).findFirst().orElseThrow();
        assertEquals(PreferencePair.Kind.BOTH_BAD, pair.kind(), "rounds read out of scope as both bad");

        r.request().contentType("application/json").post("/api/v1/review/" + itemId + "/undo").then().statusCode(204);
        assertTrue(ticket(text).isEmpty(), "the undo takes the ticket back");
        assertEquals(itemId, ReviewApiTest.nextId(r), "and hands the item back");
    }

    @Test
    void anImportedTicketIsLabelledUntilTheLastVerdictOnItIsUndone() {
        String text = "Can you recommend a good film for tonight? " + UUID.randomUUID();
        long ticketId = QuarkusTransaction.requiringNew().call(() -> {
            Ticket imported = Ticket.of(text, null, null, null, Ticket.SOURCE_IMPORT);
            imported.metadata.put("channel", "email");
            imported.persist();
            return imported.id;
        });
        long itemId = ReviewItems.fromSource(em, text, "traffic", String.valueOf(ticketId), 2);
        Caller first = reviewer();
        Caller second = reviewer();
        assertEquals(itemId, ReviewApiTest.nextId(first));
        assertEquals(itemId, ReviewApiTest.nextId(second));
        judge(first, itemId, 201);
        Ticket labelled = ticket(text).orElseThrow();
        assertEquals(ticketId, labelled.id, "the imported ticket itself, not a copy");
        assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, labelled.intent.name);
        assertEquals(Ticket.defaultSplit(text), labelled.split);
        judge(second, itemId, 201);

        first.request().contentType("application/json").post("/api/v1/review/" + itemId + "/undo").then().statusCode(204);
        assertEquals(ModelTrainer.OUT_OF_SCOPE_LABEL, ticket(text).orElseThrow().intent.name, "the second verdict still stands");
        second.request().contentType("application/json").post("/api/v1/review/" + itemId + "/undo").then().statusCode(204);
        Ticket back = ticket(text).orElseThrow();
        assertNull(back.intent, "unlabelled again, as it was imported");
        assertNull(back.split);
        assertEquals(Map.of("channel", "email"), back.metadata, "its own metadata kept, the review mark gone");
        QuarkusTransaction.requiringNew().run(() -> Ticket.deleteById(ticketId));
    }

    @Test
    void aTicketSomeoneElseLabelledKeepsItsLabel() {
        String text = "Please cancel my order, it is a gift " + UUID.randomUUID();
        long intentId = QuarkusTransaction.requiringNew().call(() -> Intent.<Intent>listAll().stream()
                .filter(i -> !i.name.equals(ModelTrainer.OUT_OF_SCOPE_LABEL)).findFirst().orElseThrow().id);
        long ticketId = QuarkusTransaction.requiringNew().call(() -> {
            Ticket imported = Ticket.of(text, Intent.findById(intentId), null, "train", Ticket.SOURCE_IMPORT);
            imported.persist();
            return imported.id;
        });
        long itemId = ReviewItems.fromSource(em, text, "traffic", String.valueOf(ticketId), 1);
        Caller r = reviewer();
        assertEquals(itemId, ReviewApiTest.nextId(r));
        judge(r, itemId, 201);
        assertEquals(intentId, ticket(text).orElseThrow().intent.id, "a verdict adds examples, it does not overrule a label");
        r.request().contentType("application/json").post("/api/v1/review/" + itemId + "/undo").then().statusCode(204);
        Ticket after = ticket(text).orElseThrow();
        assertEquals(intentId, after.intent.id);
        assertFalse(after.metadata.containsKey(OutOfScopeLabels.LABELLED_BY));
        QuarkusTransaction.requiringNew().run(() -> Ticket.deleteById(ticketId));
    }

    private static void judge(Caller caller, long itemId, int status) {
        caller.request().contentType("application/json").body("{\"choice\":\"out_of_scope\"}").post("/api/v1/review/" + itemId)
                .then().statusCode(status);
    }

    private static Optional<Ticket> ticket(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("from Ticket t left join fetch t.intent where t.text = ?1", text)
                .firstResultOptional());
    }
}
