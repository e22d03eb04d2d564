package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.registry.version.ModelActivation;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * A round's final transaction: its candidate stored as a model version (with the round as lineage), the active
 * version switched to it when its gates passed, and the round's outcome — all or nothing, so a crash can never
 * leave a promoted version beside a round that says nothing changed. The switch is a compare-and-set on the
 * round's base: when the active version changed while the round ran, the round ends superseded instead.
 */
@ApplicationScoped
public class RoundVersions {
    @Inject
    AlignmentConfig config;

    /** How a round ended, for the log and for reloading the served model. */
    record Concluded(String status, int candidate, boolean promoted, String outcome) {
    }

    Concluded conclude(long roundId, RoundResult result, RoundSnapshot.Captured captured, RoundSettings settings) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = RoundProgress.running(roundId);
            if (round.cancelRequested) {
                // Asked after the last step's check, and accepted: nothing is stored or switched, as the admin was told.
                throw new RoundProgress.Cancelled(roundId);
            }
            ModelVersion candidate = candidate(result, captured, roundId, settings);
            Integer base = captured.baseVersion();
            Integer active = ModelVersion.findActive().map(v -> v.version).orElse(null);
            boolean wantsPromotion = result.passed() && config.autoPromote();
            boolean promoted = wantsPromotion && ModelActivation.swap(candidate.version, base, "alignment", "round " + roundId);
            String status;
            String reason;
            String outcome;
            if (promoted) {
                status = AlignmentRound.PROMOTED;
                reason = null;
                outcome = "Promoted v" + candidate.version;
            } else if (wantsPromotion || !Objects.equals(base, active)) {
                Integer now = ModelVersion.findActive().map(v -> v.version).orElse(null);
                status = AlignmentRound.SUPERSEDED;
                reason = superseded(base, now, candidate.version, result.passed());
                outcome = "Superseded: the active version changed while the round ran";
            } else if (result.passed()) {
                status = AlignmentRound.REJECTED;
                outcome = "v" + candidate.version + " passed its gates; waiting for an admin";
                reason = outcome;
            } else if (result.outcome().equals(RoundResult.WAIT)) {
                status = AlignmentRound.NEEDS_EVIDENCE;
                reason = result.reason();
                outcome = "Not enough evidence yet: " + result.reason();
            } else {
                status = AlignmentRound.REJECTED;
                reason = result.reason();
                outcome = "Rejected: " + result.reason();
            }
            if (!result.passed()) {
                candidate.status = ModelVersion.REJECTED;
            }
            round.metrics = new LinkedHashMap<>(result.metrics());
            round.gates = result.gates();
            round.candidateVersion = candidate.version;
            round.promoted = promoted;
            round.status = status;
            round.reason = reason;
            round.progress = 1;
            round.step = "Done";
            round.finishedAt = OffsetDateTime.now();
            round.log.add(RoundProgress.stamp(outcome));
            return new Concluded(status, candidate.version, promoted, outcome);
        });
    }

    private static ModelVersion candidate(RoundResult result, RoundSnapshot.Captured captured, long roundId, RoundSettings settings) {
        ModelVersion version = new ModelVersion();
        version.version = ModelVersion.nextVersionNumber();
        version.status = ModelVersion.CANDIDATE;
        version.encoderId = captured.encoder().id();
        version.encoderSource = captured.encoder().source();
        version.regime = result.candidate().intent().regime();
        version.parameters = result.candidate().toBytes();
        version.checksum = Hashing.sha256Hex(version.parameters);
        version.lineage = new LinkedHashMap<>();
        version.lineage.put("alignmentRound", roundId);
        version.lineage.put("method", settings.method());
        version.lineage.put("baseVersion", captured.baseVersion());
        version.lineage.put("referenceVersion", captured.referenceVersion());
        version.lineage.put("judgements", captured.judgements().pairs().size());
        version.lineage.put("replayedJudgements", captured.judgements().replayed().size());
        version.lineage.put("seed", settings.seed());
        // Its status says so only until an admin promotes it by hand; the advice comparing it with its base needs it after.
        version.lineage.put("passedGates", result.passed());
        // Whether a gate found it worse (fail) or none could decide yet (wait): the advice on Models says which.
        version.lineage.put("gateOutcome", result.outcome());
        version.metrics = new LinkedHashMap<>(result.metrics());
        version.createdBy = "round " + roundId;
        version.persist();
        return version;
    }

    static String superseded(Integer base, Integer active, int candidate, boolean passed) {
        return "While this round ran, the active version changed from v" + base + " to " + (active == null ? "none" : "v" + active)
                + ", so v" + candidate + " — compared with v" + base + " — was not promoted. "
                + (passed ? "It passed its gates against v" + base + "; an admin can still promote it on Models. " : "")
                + "Start a new round to improve the active version.";
    }
}
