package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.LifecycleMessages;
import dev.loopwise.common.job.StatusWords;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Models page's version table during the very first training says a first version is being trained and how far along,
 * not "No model yet" (the test database always has versions, so the table is drawn here as the page draws it); statuses
 * read as words while the API keeps its codes.
 */
@QuarkusTest
class ModelsPageWordsTest {
    @Inject
    @Location("ModelsPage/version-table")
    Template table;

    private record ShownRun(long id, String page) {
    }

    /** The Models page showing a run at 2% in {@code status}, as a worker keeps it, stored for that moment and removed again. */
    private static ShownRun pageWith(String status) {
        return pageWith(status, null);
    }

    /** The same, run by instance {@code ranOn}. */
    private static ShownRun pageWith(String status, String ranOn) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            TrainingRun shown = run(status, 0.02);
            shown.id = null;
            shown.startedBy = "test";
            shown.ranOn = ranOn;
            shown.persist();
            return shown.id;
        });
        try {
            return new ShownRun(id, Caller.session("admin").request().accept("text/html").get("/admin/models?run=" + id).then()
                    .statusCode(200).extract().asString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> TrainingRun.deleteById(id));
        }
    }

    private static TrainingRun run(String status, double progress) {
        TrainingRun run = new TrainingRun();
        run.id = 424242L;
        run.status = status;
        run.progress = progress;
        run.step = "Encoding tickets, replies and intent descriptions";
        return run;
    }

    private String drawn(TrainingRun run) {
        return table.data("versions", new ModelsPage.VersionList(List.of(), 0, null, null, null)).data("runs", List.of(run))
                .data("training", !run.finished()).render();
    }

    @Test
    @ActivateRequestContext
    void theFirstTrainingIsShownWithItsProgressInsteadOfNoModelYet() {
        String training = drawn(run(TrainingRun.RUNNING, 0.4));
        assertFalse(training.contains("No model yet"), training);
        assertTrue(training.contains("The first version is being trained: <span id=\"first-progress\">40%</span>"), training);
        assertTrue(training.contains("this page updates by itself") && training.contains("href=\"/admin/replies\""), training);
        assertTrue(drawn(run(TrainingRun.QUEUED, 0)).contains("id=\"first-training\""), "a queued first training too");

        String failed = drawn(run(TrainingRun.FAILED, 0.3));
        assertTrue(failed.contains("No model yet: train the first version (Train a new version, above).") && !failed.contains("first-training"),
                "a first training that ended without a version: " + failed);
    }

    @Test
    void aRunningTrainingSaysHowFarItIsInNumbersBesideItsBar() {
        ActiveModel.awaitNoTraining();
        // A run row as a worker keeps it while training, shown by the page for a moment and removed again.
        String page = pageWith(TrainingRun.RUNNING).page();
        assertTrue(page.contains("<span id=\"run-percent\">2% done</span>"), "a thin bar alone reads as nothing done: " + page);
    }

    @Test
    void aCancelledTrainingSaysNothingChangedInsteadOfABarStoppedPartWay() {
        ActiveModel.awaitNoTraining();
        ShownRun shown = pageWith(TrainingRun.CANCELLED);
        long id = shown.id();
        String page = shown.page();
        String box = page.substring(page.indexOf("id=\"run\""), page.indexOf("id=\"run-error\""));
        assertTrue(box.contains("Training run " + id) && box.contains(LifecycleMessages.trainingCancelled(2)), box);
        assertFalse(box.contains("<progress"), "a bar stopped at 2% reads as a training stuck there: " + box);
    }

    @Test
    void theInstanceThatRanATrainingIsNamedInAFoldOfItsBox() {
        ActiveModel.awaitNoTraining();
        String instance = "node-" + System.nanoTime() + ":8080";
        String page = pageWith(TrainingRun.FAILED, instance).page();
        int box = page.indexOf("id=\"run\"");
        int fold = page.indexOf("<details id=\"run-instance\"><summary>Details</summary>");
        assertTrue(box > 0 && fold > box, "an ops detail, folded in the run's box: " + page);
        assertTrue(page.substring(fold, page.indexOf("</details>", fold)).contains("instance " + instance), page);
    }

    @Test
    void theReasonsTheActiveVersionChangedReadAsWords() {
        for (String code : new String[] {ModelService.FIRST_MODEL, ModelService.PROMOTE, ModelService.ROLLBACK, "alignment"}) {
            ModelActivation activation = new ModelActivation();
            activation.reason = code;
            String words = ModelFormats.reasonText(activation);
            assertTrue(words.contains(" ") && !words.equals(code) && words.length() > 15, code + " -> " + words);
        }
        String page = Caller.session("admin").request().accept("text/html").get("/admin/models").then()
                .statusCode(200).extract().asString();
        String changes = page.substring(page.indexOf("id=\"activations\""));
        assertFalse(changes.contains("<td data-label=\"Why\">first model</td>"), changes);
    }

    @Test
    void aShareOfAFewHeldOutTicketsIsShownAsTheirCountAndSaidTooFewToJudge() {
        ModelVersion version = new ModelVersion();
        version.metrics = new HashMap<>(Map.of("intent/accuracy", 0.9, "data/test_tickets", 200,
                "intent/oos_recall", 1.0, "data/oos_test_tickets", 3));
        assertEquals("3 of 3 (too few to judge)", ModelFormats.percent(version, "intent/oos_recall"));
        assertEquals("3 of 3", FigureRanges.headline(version, "intent/oos_recall"), "the version page's big figure stays short");
        assertEquals("too few to judge", FigureRanges.likelyRange(version, "intent/oos_recall"), "said on the line beneath it");
        assertEquals("90.0%", FigureRanges.headline(version, "intent/accuracy"));
        assertEquals("90.0%", ModelFormats.percent(version, "intent/accuracy"));
        assertEquals("—", ModelFormats.percent(version, "policy/agent_agreement"));
    }

    @Test
    void aShareOfEnoughTicketsSaysHowFarChanceCouldMoveItAndAFewTicketsOrAnAverageDoNot() {
        ModelVersion version = new ModelVersion();
        version.metrics = new HashMap<>(Map.of("intent/accuracy", 0.9, "data/test_tickets", 200,
                "intent/macro_f1", 0.9, "intent/oos_recall", 1.0, "data/oos_test_tickets", 3));
        assertEquals("likely between 85% and 93%", FigureRanges.likelyRange(version, "intent/accuracy"));
        version.metrics.put("data/test_tickets", 40);
        assertEquals("likely between 79% and 96%", FigureRanges.likelyRange(version, "intent/accuracy"), "fewer tickets, wider");
        assertEquals("too few to judge", FigureRanges.likelyRange(version, "intent/oos_recall"), "3 tickets are shown as a count");
        assertEquals("", FigureRanges.likelyRange(version, "intent/macro_f1"), "an average over intents is not a share of tickets");
        assertEquals("", FigureRanges.likelyRange(version, "policy/agent_agreement"));

        // The demo's first version, which the test profile trains at start on 87 held-out tickets.
        int measured = ActiveModel.await();
        String page = Caller.session("admin").request().accept("text/html").get("/admin/models/" + measured)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"label range\">likely between "), page);
    }

    @Test
    void statusCodesReadAsWordsAndAnUnknownOneWithoutUnderscores() {
        assertEquals("in progress", StatusWords.words(TrainingRun.RUNNING));
        assertEquals("waiting to start", StatusWords.words(TrainingRun.QUEUED));
        assertEquals("stopped by an error", StatusWords.words(TrainingRun.FAILED));
        assertEquals("ready, not active yet", StatusWords.words(ModelVersion.CANDIDATE));
        assertEquals("not promoted", StatusWords.words(ModelVersion.REJECTED));
        assertEquals("served before", StatusWords.words(ModelVersion.RETIRED));
        assertEquals("not decided yet", StatusWords.words("needs_evidence"));
        assertEquals("not promoted: the active version changed while it ran", StatusWords.words("superseded"));
        assertEquals("some new code", StatusWords.words("some_new_code"));
    }

    @Test
    void thePageFollowsTheRunInProgressNotOneQueuedBehindIt() {
        TrainingRun queued = run(TrainingRun.QUEUED, 0);
        queued.id = 3L;
        TrainingRun running = run(TrainingRun.RUNNING, 0.4);
        running.id = 2L;
        TrainingRun done = run(TrainingRun.SUCCEEDED, 1);
        done.id = 1L;
        assertEquals(List.of(running, queued, done), ModelsPage.followedFirst(List.of(queued, running, done)));
        queued.status = TrainingRun.CANCELLED;
        assertEquals(List.of(running, queued, done), ModelsPage.followedFirst(List.of(queued, running, done)));
        running.status = TrainingRun.SUCCEEDED;
        assertEquals(List.of(queued, running, done), ModelsPage.followedFirst(List.of(queued, running, done)), "none in progress: newest first");
    }
}
