package dev.loopwise.alignment.round;

import dev.loopwise.alignment.AlignmentConfig;
import dev.loopwise.common.job.CancelRequest;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.registry.version.ModelRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One alignment round from start to end, on the instance that claimed it: the snapshot of the judgements and its
 * lineage, the training with progress and cancel checks, then the candidate version ({@link RoundService} queues rounds).
 */
@ApplicationScoped
class RoundRunner {
    private static final Logger LOG = Logger.getLogger(RoundRunner.class);

    @Inject
    RoundSnapshot snapshot;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    ModelRegistry registry;
    @Inject
    RoundVersions versions;
    @Inject
    EncoderService encoders;
    @Inject
    AlignmentConfig config;

    void run(long roundId) {
        RoundSettings settings = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound round = RoundProgress.running(roundId);
            round.startedAt = OffsetDateTime.now();
            return RoundRequests.fromDescription(round.settings);
        });
        RoundProgress.update(roundId, "Taking a snapshot of the judgements", 0.01);
        long started = System.nanoTime();
        RoundSnapshot.Captured captured = snapshot.capture(settings, RoundScope.of(config, settings));
        double snapshotSeconds = (System.nanoTime() - started) / 1e9;
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = RoundProgress.running(roundId);
            round.baseVersion = captured.baseVersion();
            round.referenceVersion = captured.referenceVersion();
            round.lineage = lineage(captured);
            snapshot.record(roundId, captured);
        });
        RoundReward.CrossSource cross = new RoundReward.CrossSource(encoders.source(captured.encoder()),
                config.crossEncoderBudget().orElse(null));
        CancelRequest cancelRequest = new CancelRequest(() -> RoundProgress.cancelRequested(roundId));
        RoundResult result = AlignmentEngine.run(settings, captured.data(), texts -> embeddings.embed(captured.encoder(), texts), cross,
                new AlignmentEngine.Listener() {
                    @Override
                    public void step(String message, double progress) {
                        RoundProgress.update(roundId, message, progress);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelRequest.getAsBoolean();
                    }
                });
        result.metrics().put("time/snapshot_s", snapshotSeconds);
        RoundProgress.update(roundId, "Saving the candidate version", 0.92);
        RoundVersions.Concluded concluded = versions.conclude(roundId, result, captured, settings);
        if (concluded.promoted()) {
            registry.reload();
        }
        LOG.infof("Alignment round %d: %s", roundId, concluded.outcome());
    }

    private static Map<String, Object> lineage(RoundSnapshot.Captured captured) {
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("judgements", captured.judgements().pairs().size());
        lineage.put("newJudgements", captured.judgements().newCount());
        if (captured.baseRound() != null) {
            lineage.put("newSinceRound", captured.baseRound());
        }
        lineage.put("replayedJudgements", captured.judgements().replayed().size());
        if (captured.freshStart() != null) {
            lineage.put("rewardFreshStart", captured.freshStart());
        }
        lineage.put("importedPairs", captured.importedPairs());
        lineage.put("reviewerWeights", captured.weights());
        lineage.put("tickets", captured.data().tickets().size());
        lineage.put("ticketDigest", Hashing.sha256Hex(String.join("\n", captured.data().tickets())));
        lineage.put("replies", captured.data().replies().stream().map(r -> r.id()).toList());
        return lineage;
    }
}
