package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round that did not promote its version, whose version an admin promoted by hand and rolled back from: the Rounds page
 * says when it served customers, instead of "changed nothing for customers".
 */
@QuarkusTest
class RoundVersionServedTest {
    private static final OffsetDateTime PROMOTED = OffsetDateTime.of(2026, 3, 2, 9, 15, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime ROLLED_BACK = OffsetDateTime.of(2026, 3, 4, 16, 40, 0, 0, ZoneOffset.UTC);

    @Test
    void aVersionPromotedByHandAndRolledBackIsSaidToHaveServedUntilTheRollBack() {
        int active = ActiveModel.await();
        List<Long> activations = new ArrayList<>();
        int candidate = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion base = ModelVersion.findByVersion(active).orElseThrow();
            ModelVersion made = new ModelVersion();
            made.version = ModelVersion.nextVersionNumber() + 1000;
            made.status = ModelVersion.RETIRED;
            made.encoderId = base.encoderId;
            made.regime = base.regime;
            made.parameters = new byte[] {1};
            made.checksum = "served-by-hand-" + made.version;
            made.activatedAt = PROMOTED;
            made.lineage = new LinkedHashMap<>(Map.of("alignmentRound", 1, "baseVersion", active));
            made.metrics = new LinkedHashMap<>();
            made.persist();
            activations.add(activation(made.version, active, PROMOTED));
            activations.add(activation(active, made.version, ROLLED_BACK));
            return made.version;
        });
        long round = round(AlignmentRound.NEEDS_EVIDENCE, active, candidate);
        try {
            String step = nextStep();
            assertTrue(step.contains("Round " + round + "&#39;s checks could not decide yet, but its version v" + candidate
                    + " was promoted by hand on 2026-03-02 09:15 UTC and served customers until 2026-03-04 16:40 UTC, when it was rolled"
                    + " back to v" + active + "."), step);
            assertFalse(step.contains("changed nothing for customers"), step);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AlignmentRound.deleteById(round);
                ModelActivation.delete("id in ?1", activations);
                ModelVersion.delete("version", candidate);
            });
        }
    }

    @Test
    void aRejectedRoundsVersionServingNowIsSaidToServe() {
        int active = ActiveModel.await();
        long round = round(AlignmentRound.REJECTED, active, active);
        try {
            String step = nextStep();
            assertTrue(step.contains("Round " + round + "&#39;s new version was not shown to be better, but its version v" + active)
                    && step.contains("and is serving customers now. Open it to read which check failed"), step);
            assertFalse(step.contains("changed nothing for customers"), step);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(round));
        }
    }

    @Test
    void aVersionThatNeverServedStillChangedNothing() {
        long round = round(AlignmentRound.NEEDS_EVIDENCE, ActiveModel.await(), null);
        try {
            String step = nextStep();
            assertTrue(step.contains("Round " + round + " changed nothing for customers: its checks could not decide yet."), step);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AlignmentRound.deleteById(round));
        }
    }

    private static long activation(int version, Integer previous, OffsetDateTime at) {
        ModelActivation activation = new ModelActivation();
        activation.version = version;
        activation.previousVersion = previous;
        activation.reason = "manual";
        activation.actor = "admin";
        activation.createdAt = at;
        activation.persist();
        return activation.id;
    }

    private static long round(String status, int base, Integer candidate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = new AlignmentRound();
            round.method = RoundSettings.REWARD_WEIGHTED;
            round.status = status;
            round.startedBy = "admin";
            round.finishedAt = OffsetDateTime.now();
            round.baseVersion = base;
            round.candidateVersion = candidate;
            round.gates = new ArrayList<>();
            round.persist();
            return round.id;
        });
    }

    /** The Rounds page's next step, which speaks of the newest round. */
    private static String nextStep() {
        return Caller.session("admin").request().accept("text/html").get("/admin/rounds").then().statusCode(200).extract().asString();
    }
}
