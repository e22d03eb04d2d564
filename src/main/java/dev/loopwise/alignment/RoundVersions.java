package dev.loopwise.alignment;

import dev.loopwise.common.Hashing;
import dev.loopwise.model.registry.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;

/** Stores a round's candidate as a model version, with the round as its lineage. */
@ApplicationScoped
public class RoundVersions {
    @Inject
    AlignmentConfig config;

    boolean autoPromote() {
        return config.autoPromote();
    }

    int save(RoundResult result, RoundSnapshot.Captured captured, long roundId, RoundSettings settings) {
        return QuarkusTransaction.requiringNew().call(() -> {
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
            version.lineage.put("judgements", captured.judgementIds().size());
            version.lineage.put("seed", settings.seed());
            version.metrics = new LinkedHashMap<>(result.metrics());
            version.createdBy = "round " + roundId;
            version.persist();
            return version.version;
        });
    }

    /** A candidate that failed a gate is rejected; one that passed but waits for an admin stays a candidate. */
    void reject(int version, boolean passed) {
        if (!passed) {
            QuarkusTransaction.requiringNew().run(() -> ModelVersion.findByVersion(version).orElseThrow().status = ModelVersion.REJECTED);
        }
    }
}
