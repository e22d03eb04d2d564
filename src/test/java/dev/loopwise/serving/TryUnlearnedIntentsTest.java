package dev.loopwise.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.NewIntentAdvice;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lead who imports tickets of a new intent and tries one on Try a ticket is told that the active version was trained
 * before that intent existed, instead of seeing another intent's reply with no reason given, and what to do first, as
 * the Models page says it: label more tickets, write a reply, or train.
 */
@QuarkusTest
class TryUnlearnedIntentsTest {
    @Test
    void anIntentLabelledSinceTheVersionWasTrainedIsNamedWithTheStepItWaitsFor() {
        int version = ActiveModel.await();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String intent = "gift_wrapping_" + tag;
        Caller admin = Caller.session("admin");
        try {
            String before = page(admin);
            assertFalse(before.contains(intent), before);
            importTickets(admin, tag, intent, 1);
            // One labelled ticket is too few to learn from: Models says to label more first, and so must this page. Other
            // intents of the shared workspace may wait for a step too: the page gives the first step any of them waits for.
            String thin = note(admin);
            assertEquals(NewIntentAdvice.Step.LABEL_MORE, advice().step());
            assertTrue(thin.contains("v" + version + " was trained before ") && thin.contains("gets another intent")
                    && thin.contains("Label at least " + ModelTrainer.TICKETS_PER_NEW_INTENT + " tickets of ")
                    && thin.contains(intent + " (it has 1)") && thin.contains("<a href=\"/admin/tickets\">Tickets</a>")
                    && !thin.contains("until you train"), thin);
            importTickets(admin, tag, intent, ModelTrainer.TICKETS_PER_NEW_INTENT);
            // Enough tickets, but nothing in the library to answer them with: the reply comes before the training.
            NewIntentAdvice unreplied = advice();
            assertTrue(unreplied.unreplied().contains(intent) && !unreplied.thin().contains(intent), unreplied.toString());
            assertStep(admin, unreplied, NewIntentAdvice.Step.WRITE_REPLY);
            QuarkusTransaction.requiringNew().run(() -> {
                Reply reply = new Reply();
                reply.intent = Intent.find("name", intent).firstResult();
                reply.text = "We wrap it for you " + tag + ".";
                reply.persist();
            });
            NewIntentAdvice ready = advice();
            assertTrue(ready.unknown().contains(intent) && !ready.unreplied().contains(intent) && !ready.thin().contains(intent),
                    ready.toString());
            assertStep(admin, ready, NewIntentAdvice.Step.TRAIN);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                Ticket.delete("text like ?1", "%" + tag + "%");
                Reply.delete("text like ?1", "%" + tag + "%");
                Intent.delete("name", intent);
            });
        }
    }

    /**
     * The page gives the step the shared decision gives: this intent's own, or an earlier one that another intent of the
     * shared workspace waits for (the first step any of them waits for comes first), each in its words and with its link.
     */
    private static void assertStep(Caller admin, NewIntentAdvice advice, NewIntentAdvice.Step own) {
        String said = note(admin);
        assertTrue(advice.step().ordinal() <= own.ordinal(), advice + " for " + own);
        switch (advice.step()) {
            case LABEL_MORE -> assertTrue(said.contains("Label at least") && said.contains("<a href=\"/admin/tickets\">Tickets</a>"), said);
            case WRITE_REPLY -> assertTrue(said.contains("Write a reply for ") && said.contains("<a href=\"/admin/replies\">Replies</a>")
                    && advice.unreplied().stream().allMatch(said::contains), said);
            case TRAIN -> assertTrue(said.contains("reply until you train a new version on")
                    && said.contains("<a href=\"/admin/models\">Models</a>") && !said.contains("Label at least"), said);
        }
    }

    private static NewIntentAdvice advice() {
        return QuarkusTransaction.requiringNew().call(() -> NewIntentAdvice.now(ModelVersion.findActive().orElseThrow()));
    }

    private static void importTickets(Caller admin, String tag, String intent, int count) {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < count; i++) {
            csv.append("please wrap my present number ").append(i).append(' ').append(tag).append(',').append(intent).append('\n');
        }
        admin.pageRequest().accept("text/html").multiPart("file", "tickets.csv", csv.toString().getBytes(), "text/csv")
                .formParam("csrf-token", admin.csrfToken()).post("/admin/import").then().statusCode(200);
    }

    private static String note(Caller admin) {
        String html = page(admin);
        int note = html.indexOf("id=\"try-unlearned\"");
        assertTrue(note > 0, html);
        return html.substring(note, html.indexOf("</p>", note)).replaceAll("\\s+", " ");
    }

    private static String page(Caller admin) {
        return admin.request().accept("text/html").get("/admin/models/try").then().statusCode(200).extract().asString();
    }
}
