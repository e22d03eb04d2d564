package dev.loopwise.model.registry;

import static dev.loopwise.model.registry.MeasuredVersions.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.ModelTrainer;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Models page's next step about one version, or none yet, on hand-computed cases: what it lacks (replies, intents,
 * figures, hand-overs) and what to do with it. In the application, since a version's learned intents are read through the
 * intents' former names, in the database. Weighing it against another version: {@link ModelsNextStepComparisonTest}.
 */
@QuarkusTest
class ModelsNextStepTest {
    @Test
    void aVersionThatLearnedNoReplyChoiceAsksForRepliesAndAnotherTraining() {
        ModelVersion bare = version(1, "active", 0.9, 87);
        bare.metrics.remove("policy/train_loss");
        String text = ModelsNextStep.of(List.of(bare), List.of(), Map.of());
        assertTrue(text.startsWith("v1 answers customers, but it learned no way to pick a reply") && text.contains("Replies"), text);
        assertFalse(ModelsNextStep.of(List.of(version(1, "active", 0.9, 87)), List.of(), Map.of()).contains("no way to pick a reply"));
    }

    @Test
    void aFreshInstallAsksForTicketsThenRepliesBeforeTheFirstTraining() {
        String noIntents = ModelsNextStep.of(List.of(), List.of(), Map.of(), 0);
        assertTrue(noIntents.startsWith("Import labelled tickets on Import first"), noIntents);
        String noReplies = ModelsNextStep.of(List.of(), List.of(), Map.of("track_order", 18L), 0);
        assertTrue(noReplies.startsWith("Add replies to the library before the first training") && noReplies.contains("Replies"), noReplies);
        assertTrue(ModelsNextStep.of(List.of(), List.of(), Map.of("track_order", 18L), 3).startsWith("Train the first version"));
    }

    /** A first version trained on a handful of tickets kept none aside: its page must not say its figures were measured. */
    @Test
    void aVersionMeasuredOnNoTicketSaysItHasNoFigures() {
        ModelVersion v1 = version(1, ModelVersion.ACTIVE, 0.9, 87);
        v1.metrics.put("data/test_tickets", 0);
        v1.metrics.remove("intent/accuracy");
        String step = ModelsNextStep.forVersion(v1, v1);
        assertTrue(step.startsWith("v1 answers customers, but it has no figures"), step);
        assertFalse(step.contains("measured on tickets it never trained on"), step);
        assertTrue(step.contains("too few labelled tickets"), step);
        // Its tickets kept aside were all in the words of training tickets: not too few tickets, and it says so.
        v1.metrics.put("data/test_seen_tickets", 2);
        String seen = ModelsNextStep.forVersion(v1, v1);
        assertTrue(seen.contains("every ticket kept aside for measuring was in the words of a ticket it trained on"), seen);
        assertFalse(seen.contains("too few"), seen);
        v1.metrics.put("data/test_tickets", 87);
        assertTrue(ModelsNextStep.forVersion(v1, v1).contains("Its figures below were measured"), ModelsNextStep.forVersion(v1, v1));
    }

    @Test
    void anIntentLabelledSinceTheActiveVersionWasTrainedSendsTheLeadToTrainAsTheOverviewDoes() {
        // A new topic made an intent on Drift: the Overview says "train again for the new intents"; the page where one
        // trains said "have reviewers judge replies" instead.
        ModelVersion v1 = version(1, "active", 0.9, 87);
        v1.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        Map<String, Long> labelled = new LinkedHashMap<>(Map.of("cancel_order", 18L, "oos", 64L, "track_order", 18L, "Solar Panels", 3L));
        String thin = ModelsNextStep.of(List.of(v1), List.of(), labelled);
        assertTrue(thin.startsWith("v1 answers customers, but it never learned 1 intent your tickets now have (Solar Panels): it gives"
                + " its tickets another intent's reply.") && thin.contains("Label at least " + ModelTrainer.TICKETS_PER_NEW_INTENT
                + " tickets of Solar Panels (it has 3)") && thin.contains("then train a new version"), thin);
        labelled.put("Solar Panels", 9L);
        // One intent is spoken of as one, two as two.
        assertEquals("v1 answers customers, but it never learned 1 intent your tickets now have (Solar Panels): it gives its"
                + " tickets another intent's reply. Train a new version above: it learns it; promote it when its page says so.",
                ModelsNextStep.of(List.of(v1), List.of(), labelled));
        labelled.put("gift_wrap", 6L);
        assertEquals("v1 answers customers, but it never learned 2 intents your tickets now have (Solar Panels, gift_wrap): it gives"
                + " their tickets another intent's reply. Train a new version above: it learns them; promote it when its page says so.",
                ModelsNextStep.of(List.of(v1), List.of(), labelled));
        // Enough tickets but no reply in the library: a version trained now would have nothing to answer them with.
        String unreplied = ModelsNextStep.of(List.of(v1), List.of(), labelled, 12, null, List.of("gift_wrap"));
        assertTrue(unreplied.contains("Write a reply for gift_wrap on Replies, then train a new version above")
                && !unreplied.contains("Label at least"), unreplied);
        labelled.put("gift_wrap", 2L);
        assertTrue(ModelsNextStep.of(List.of(v1), List.of(), labelled, 12, null, List.of("gift_wrap")).contains("Label at least "
                + ModelTrainer.TICKETS_PER_NEW_INTENT + " tickets of gift_wrap (it has 2)"), "too few tickets comes before the reply");
        assertTrue(ModelsNextStep.of(List.of(v1), List.of(), Map.of("cancel_order", 18L)).startsWith("v1 answers customers and is the newest"),
                "nothing new: the usual next step");
    }

    @Test
    void aRejectedVersionIsNotOfferedAsTheNextStep() {
        String text = ModelsNextStep.of(List.of(version(2, "rejected", 0.99, 400), version(1, "active", 0.90, 400)), List.of());
        assertTrue(text.startsWith("v1 answers customers. Next: have reviewers judge"), text);
    }

    @Test
    void edgeCasesSayWhatToDo() {
        assertTrue(ModelsNextStep.of(List.of(), List.of()).startsWith("Train the first version"));
        String tune = ModelsNextStep.of(List.of(version(1, "active", 0.9, 50)), List.of());
        // The next step speaks to a support lead: "held-out" is explained only in the page's details folds.
        assertTrue(tune.contains("try fine-tuning the reading model") && !tune.contains("held-out"), tune);
        assertTrue(VersionComparison.compare(version(2, "candidate", 0.9, 0), version(1, "active", 0.9, 50)).contains("no tickets kept aside for measuring"));
        TrainingRun running = new TrainingRun();
        running.status = TrainingRun.RUNNING;
        assertTrue(ModelsNextStep.of(List.of(version(1, "active", 0.9, 50)), List.of(running)).startsWith("A training is running"));
        // Nothing answers yet: nothing "keeps answering" while the first version trains.
        assertEquals("A training is running; this page follows it. The first version answers customers as soon as it is ready.",
                ModelsNextStep.of(List.of(), List.of(running)));
    }

    @Test
    void aVersionThatNeverLearnedWhatToHandOverSaysSoWhateverItsAccuracy() {
        ModelVersion answersAll = version(1, "active", 0.984, 63);
        answersAll.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "track_order")));
        String text = ModelsNextStep.of(List.of(answersAll), List.of());
        assertTrue(text.contains("It hands no request to a person") && text.contains("labelled oos"), text);
        answersAll.lineage = new LinkedHashMap<>(Map.of("intents", List.of("cancel_order", "oos", "track_order")));
        assertTrue(!ModelsNextStep.of(List.of(answersAll), List.of()).contains("hands no request"));
    }

    /** The active version's own page says what to do with it, not only that it answers. */
    @Test
    void theActiveVersionsPageNamesTheNextSteps() {
        ModelVersion v1 = version(1, ModelVersion.ACTIVE, 0.9, 87);
        String step = ModelsNextStep.forVersion(v1, v1);
        assertTrue(step.contains("Its figures below were measured") && step.contains("Next: see what customers get on Try a ticket")
                && step.contains("judge its replies on Review") && step.contains("run a round on Rounds"), step);
        assertTrue(NextStepLinks.pageLinks(step).stream().anyMatch(p -> "/admin/models/try".equals(p.href())), step);
    }

    /**
     * A round's version keeps the intent model of the version it started from: once promoted, it must still say which
     * intents labelled since it never learned, as its base did, rather than nothing.
     */
    @Test
    void aPromotedRoundsVersionStillNamesTheIntentsItsBaseNeverLearned() {
        int base = ActiveModel.await();
        String added = "pickup_" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> learned = ModelVersion.findByVersion(base).orElseThrow().learnedIntents();
            assertFalse(learned.isEmpty(), "the active version lists its intents");
            ModelVersion fromRound = new ModelVersion();
            fromRound.version = base + 1000;
            fromRound.status = ModelVersion.ACTIVE;
            fromRound.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 1, "baseVersion", base));
            fromRound.metrics = new LinkedHashMap<>();
            assertEquals(learned, fromRound.learnedIntents());
            Map<String, Long> labelled = new LinkedHashMap<>();
            learned.forEach(name -> labelled.put(name, 18L));
            labelled.put(added, 9L);
            String text = ModelsNextStep.of(List.of(fromRound), List.of(), labelled, 50, null, List.of());
            assertTrue(text.contains("never learned 1 intent your tickets now have (" + added + ")"), text);
        });
    }
}
