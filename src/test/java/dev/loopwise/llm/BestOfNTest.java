package dev.loopwise.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.reward.RewardTrainer;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.model.registry.version.ModelBundle;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.ticket.SlotFiller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Best-of-n with a tiny seeded reward model that learned one thing reviewers want: a reply that uses the customer's
 * order number beats one that does not. A draft that fills the number in then outscores library replies that ask
 * for it, and is served; an off-topic draft is never served, whatever it scores.
 */
@QuarkusTest
class BestOfNTest {
    private static final String[] TICKETS = {"Where is my order %s? It has not arrived yet.", "I want to cancel order %s please",
            "Order %s came damaged, what now?", "Can you change the delivery address of %s?", "I was charged twice for %s",
            "When will %s be delivered?", "Please refund order %s", "The parcel for %s is missing an item"};

    @Inject
    ModelRegistry registry;
    @Inject
    EncoderService encoder;

    @Test
    void aDraftTheRewardModelRatesAboveTheLibraryIsServedAndAnOffTopicOneNever() {
        ActiveModel.await();
        ServingModel active = registry.current().orElseThrow();
        List<Integer> withSlot = IntStream.range(0, active.candidates().size())
                .filter(a -> SlotFiller.used(active.candidates().get(a).text())[0] == 1).boxed().toList();
        List<Integer> without = IntStream.range(0, active.candidates().size())
                .filter(a -> SlotFiller.used(active.candidates().get(a).text())[0] == 0).boxed().toList();
        Random random = new Random(7);
        RewardTrainer.Data train = comparisons(active, withSlot, without, 160, random);
        ReplyPolicy reward = RewardTrainer.train(new RewardTrainer.Config(16, 40, 0.01, 32, 7), train).model().scorer();

        // It learned: on tickets it never saw, a reply using the order number scores higher.
        RewardTrainer.Data heldOut = comparisons(active, withSlot, without, 60, new Random(8));
        int right = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            float[] q = reward.queryPart(heldOut.tickets()[i]);
            right += reward.score(q, heldOut.tickets()[i], reward.prepare(heldOut.first()[i]))
                    > reward.score(q, heldOut.tickets()[i], reward.prepare(heldOut.second()[i])) ? 1 : 0;
        }
        assertTrue(right >= 0.9 * heldOut.size(), "held-out pairs ranked right: " + right + " of " + heldOut.size());

        ServingModel judged = new ServingModel(active.version(), active.encoder(), new ModelBundle(active.bundle().encoderId(),
                active.bundle().intent(), active.bundle().policy(), reward), active.candidates(), active.candidateEmbeddings(),
                active.prepared(), active.batch());
        String ticket = LlmServingTest.TICKET;
        float[] x = encoder.encode(active.encoder(), List.of(ticket))[0];
        List<BestOfN.LibraryReply> library = new ArrayList<>();
        for (int a : without) {
            if (active.candidates().get(a).intent().equals("track_order")) {
                library.add(new BestOfN.LibraryReply(a, active.candidates().get(a).replyId(), active.candidates().get(a).text(), List.of()));
            }
        }
        assertFalse(library.isEmpty());
        List<String> drafts = List.of(LlmServingTest.GOOD, LlmServingTest.JUNK);
        // The line serving uses: with bge-small-en-v1.5 the cafeteria scores 0.60 against these replies, so a fixed 0.5 let it through.
        BestOfN.Choice choice = BestOfN.choose(judged, x, ticket, library, drafts, encoder.encode(active.encoder(), drafts),
                BestOfN.servableLine(judged, library, 0.5));
        LlmOutcome.Scored served = choice.scored().get(choice.best());
        assertEquals("reward model", choice.scorer());
        assertEquals(LlmServingTest.GOOD, served.text(), "the draft with the order number wins: " + choice.scored());
        assertTrue(served.chosen() && served.servable());
        for (LlmOutcome.Scored other : choice.scored()) {
            if (other != served && other.servable()) {
                assertTrue(other.score() < served.score(), "served the highest score: " + choice.scored());
            }
        }
        LlmOutcome.Scored junk = choice.scored().get(choice.scored().size() - 1);
        assertFalse(junk.servable(), "an off-topic draft is never served: " + junk);
        assertFalse(junk.chosen());
    }

    @Test
    void aDraftMustBeCloserToTheIntentsRepliesThanNineInTenOfOtherIntentsRepliesAre() {
        ActiveModel.await();
        ServingModel active = registry.current().orElseThrow();
        List<BestOfN.LibraryReply> library = new ArrayList<>();
        List<String> otherIntents = new ArrayList<>();
        for (int a = 0; a < active.candidates().size(); a++) {
            ServingModel.Candidate candidate = active.candidates().get(a);
            if (candidate.intent().equals("track_order") && library.size() < 3) {
                library.add(new BestOfN.LibraryReply(a, candidate.replyId(), candidate.text(), List.of()));
            } else if (!candidate.intent().equals("track_order")) {
                otherIntents.add(candidate.text());
            }
        }
        assertTrue(otherIntents.size() >= BestOfN.LINE_MIN_OTHERS, "the demo library has replies of many intents");
        double line = BestOfN.servableLine(active, library, 0.5);
        assertTrue(line >= 0.5, "never below the configured floor: " + line);
        // Other intents' replies offered as drafts: by construction at most about one in ten is close enough.
        String ticket = LlmServingTest.TICKET;
        float[] x = encoder.encode(active.encoder(), List.of(ticket))[0];
        BestOfN.Choice asDrafts = BestOfN.choose(active, x, ticket, library, otherIntents, encoder.encode(active.encoder(), otherIntents), line);
        long servable = asDrafts.scored().stream().filter(c -> c.kind().equals("draft") && c.servable()).count();
        assertTrue(servable <= Math.ceil(0.1 * otherIntents.size()) + 1, servable + " of " + otherIntents.size() + " other intents' replies pass " + line);
        // A rewording of the intent's own reply still passes; the cafeteria never does.
        BestOfN.Choice good = BestOfN.choose(active, x, ticket, library, List.of(LlmServingTest.GOOD, LlmServingTest.JUNK),
                encoder.encode(active.encoder(), List.of(LlmServingTest.GOOD, LlmServingTest.JUNK)), line);
        assertTrue(good.scored().get(library.size()).servable(), "an on-topic draft passes " + line + ": " + good.scored());
        assertFalse(good.scored().get(library.size() + 1).servable());
        // With only a few replies of other intents there is no quantile to place: the floor decides.
        ServingModel small = new ServingModel(active.version(), active.encoder(), active.bundle(), active.candidates().subList(0, 3),
                Arrays.copyOf(active.candidateEmbeddings(), 3), Arrays.copyOf(active.prepared(), 3), null);
        assertEquals(0.5, BestOfN.servableLine(small, List.of(new BestOfN.LibraryReply(0, 0, "x", List.of())), 0.5));
    }

    /** Synthetic judgements: for a ticket with an order number, the reply that uses it beats one that does not. */
    private RewardTrainer.Data comparisons(ServingModel model, List<Integer> withSlot, List<Integer> without, int n, Random random) {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tickets.add(String.format(TICKETS[random.nextInt(TICKETS.length)], "FH-" + (100000 + random.nextInt(900000))));
        }
        float[][] vectors = encoder.encode(model.encoder(), tickets);
        float[][] x = new float[n][];
        float[][] first = new float[n][];
        float[][] second = new float[n][];
        for (int i = 0; i < n; i++) {
            int good = withSlot.get(random.nextInt(withSlot.size()));
            int bad = without.get(random.nextInt(without.size()));
            x[i] = PolicyFeatures.ticket(vectors[i], tickets.get(i));
            first[i] = PolicyFeatures.reply(model.candidateEmbeddings()[good], model.candidates().get(good).text());
            second[i] = PolicyFeatures.reply(model.candidateEmbeddings()[bad], model.candidates().get(bad).text());
        }
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        return new RewardTrainer.Data(x, first, second, new float[n], new float[n], ones);
    }
}
