package dev.loopwise.model.registry.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.DemoData;
import dev.loopwise.model.HeldTrainingSlot;
import dev.loopwise.model.intent.IntentTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real (small, seeded) model trained on the demo store learns intents and the agents' reply choices. */
class ModelTrainerTest {

    static TrainedModel trainDemo(String regime, long seed) {
        return HeldTrainingSlot.run(() -> ModelTrainer.train(new ModelTrainer.Settings(regime, seed, 8, 0.98, 0.3,
                32, 15), DemoData.workspace(), DemoData::embed, DemoData.encoder().id(), (message, progress) -> { }));
    }

    @Test
    void theTrainedRegimeLearnsTheDemoIntentsAndTheAgentsReplies() {
        TrainedModel model = trainDemo("auto", 7);
        Map<String, Object> m = model.metrics();
        assertEquals("trained", m.get("intent/regime"));
        int intents = DemoData.workspace().intents().size();
        assertTrue((double) m.get("intent/top_intent_accuracy") > 0.8, "held-out accuracy " + m.get("intent/top_intent_accuracy"));
        assertTrue((double) m.get("intent/top_intent_accuracy") > 5.0 / intents);
        assertTrue((double) m.get("policy/intent_consistency") > 0.8, "policy picks replies of the right intent");
        // Always sending an intent's most frequent reply agrees with the agents on 38% of the held-out demo
        // tickets; telling whether the ticket already gives the order number is what lifts the policy above it.
        assertTrue((double) m.get("policy/agent_agreement") > 0.45, "policy agrees with agents: " + m.get("policy/agent_agreement"));
        assertTrue(((List<?>) model.lineage().get("testTicketIds")).size() > 30);
        // Reply agreement rests on the held-out tickets with an agent's reply only (none of the out-of-scope ones has one):
        // the pages say how many, and judge chance on that many.
        int withReply = ((Number) m.get("policy/agent_agreement_tickets")).intValue();
        int heldOut = ((Number) m.get("data/test_tickets")).intValue();
        assertTrue(withReply > 0 && withReply <= heldOut - ((Number) m.get("data/oos_test_tickets")).intValue(), withReply + " of " + heldOut);
    }

    @Test
    void zeroShotBeatsChanceWithoutASingleExample() {
        TrainedModel model = trainDemo("zero_shot", 7);
        double accuracy = (double) model.metrics().get("intent/top_intent_accuracy");
        double chance = 1.0 / DemoData.workspace().intents().size();
        assertTrue(accuracy > 5 * chance, "zero-shot accuracy " + accuracy + " vs chance " + chance);
    }

    @Test
    void theSameDataAndSeedGiveTheSameModel() {
        String first = Hashing.sha256Hex(trainDemo("auto", 11).bundle().toBytes());
        String second = Hashing.sha256Hex(trainDemo("auto", 11).bundle().toBytes());
        assertEquals(first, second);
    }

    /**
     * A version trained on frozen vectors records how many rows its intent head fitted instead of holding them out, being
     * look-alikes of fitted ones, as a fine-tuned version does: of the 10 refund tickets, all one text in other case and
     * spacing, the split draws round(10 × 0.15) = 2 to hold out, both alike a fitted one; the other intents' 10 differ.
     */
    @Test
    void aVersionRecordsTheLookAlikesItsIntentHeadFitted() {
        List<WorkspaceSnapshot.TicketInfo> tickets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String refund = i % 2 == 0 ? "I want a refund for my order" : "i WANT a refund   for MY order";
            tickets.add(new WorkspaceSnapshot.TicketInfo(i, refund + " ".repeat(i), "refund", null, "train"));
            tickets.add(new WorkspaceSnapshot.TicketInfo(100 + i, "Where is parcel " + i + " of my delivery?", "delivery", null, "train"));
            tickets.add(new WorkspaceSnapshot.TicketInfo(200 + i, "I cannot sign in to account " + i + ", the password fails", "password",
                    null, "train"));
        }
        tickets.add(new WorkspaceSnapshot.TicketInfo(300, "Please return the money for purchase 20", "refund", null, "test"));
        tickets.add(new WorkspaceSnapshot.TicketInfo(301, "My package 21 has not arrived yet", "delivery", null, "test"));
        tickets.add(new WorkspaceSnapshot.TicketInfo(302, "Login for user 22 is locked out", "password", null, "test"));
        WorkspaceSnapshot workspace = new WorkspaceSnapshot(List.of(new WorkspaceSnapshot.IntentInfo("refund", "money back"),
                new WorkspaceSnapshot.IntentInfo("delivery", "where a parcel is"), new WorkspaceSnapshot.IntentInfo("password", "signing in")),
                tickets, List.of(new WorkspaceSnapshot.ReplyInfo(1, "refund", "We will refund you."),
                        new WorkspaceSnapshot.ReplyInfo(2, "delivery", "Your parcel is on its way."),
                        new WorkspaceSnapshot.ReplyInfo(3, "password", "Here is how to reset your password.")));
        TrainedModel model = HeldTrainingSlot.run(() -> ModelTrainer.train(new ModelTrainer.Settings("linear", 5, 8, 0.98, 0.3, 8, 2),
                workspace, DemoData::embed, DemoData.encoder().id(), (message, progress) -> { }));

        assertEquals("trained", model.metrics().get("intent/regime"));
        assertEquals(2, model.metrics().get(IntentTrainer.HELD_OUT_SEEN), model.metrics().toString());
    }
}
