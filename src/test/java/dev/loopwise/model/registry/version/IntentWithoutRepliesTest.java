package dev.loopwise.model.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.policy.ReplyPolicy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticket whose intent has no reply in the library goes to a person instead of getting another intent's reply. */
@QuarkusTest
class IntentWithoutRepliesTest {
    private static final String TICKET = "Where is my order FH-123456? It has not arrived yet.";

    @Inject
    ModelRegistry registry;
    @Inject
    EncoderService encoder;

    @Test
    void theTicketIsHandedOverWhenItsIntentHasNoReply() {
        ActiveModel.await();
        ServingModel active = registry.current().orElseThrow();
        float[] x = encoder.encode(active.encoder(), List.of(TICKET))[0];
        ServingModel.Decision withLibrary = active.decide(x, TICKET, true);
        assertEquals("track_order", withLibrary.intent().label());
        assertNotNull(withLibrary.reply());

        List<ServingModel.Candidate> candidates = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        List<ReplyPolicy.PreparedReply> prepared = new ArrayList<>();
        for (int a = 0; a < active.candidates().size(); a++) {
            if (!active.candidates().get(a).intent().equals("track_order")) {
                candidates.add(active.candidates().get(a));
                embeddings.add(active.candidateEmbeddings()[a]);
                prepared.add(active.prepared()[a]);
            }
        }
        ServingModel withoutTracking = new ServingModel(active.version(), active.encoder(), active.bundle(), candidates,
                embeddings.toArray(float[][]::new), prepared.toArray(ReplyPolicy.PreparedReply[]::new), null);
        for (ServingModel.Decision decision : List.of(withoutTracking.decide(x, TICKET, true),
                withoutTracking.decideAll(new float[][] {x}, List.of(TICKET), List.of(true)).get(0))) {
            assertEquals("track_order", decision.intent().label());
            assertFalse(decision.intent().outOfScope(), "in scope: the library lacks a reply, the model knows the intent");
            assertNull(decision.reply(), "no other intent's reply: " + (decision.reply() == null ? "" : decision.reply().text()));
            assertNull(decision.replyText());
        }
    }
}
