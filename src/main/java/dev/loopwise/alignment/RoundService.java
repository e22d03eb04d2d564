package dev.loopwise.alignment;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.AdvisoryLock;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Hashing;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.registry.ModelService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Runs alignment rounds in the background, one at a time across every instance on the database (a
 * PostgreSQL advisory lock held for the whole round). The active version changes only in the final
 * promotion transaction, so a process killed mid-round leaves it serving; the interrupted round is
 * marked failed when an instance next starts, and can simply be run again.
 */
@ApplicationScoped
public class RoundService {
    @jakarta.inject.Inject
    AuditLog audit;
    private static final Logger LOG = Logger.getLogger(RoundService.class);
    static final long ROUND_LOCK = 0x526f756e644c6f63L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    RoundSnapshot snapshot;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    ModelService models;
    @Inject
    ManagedExecutor executor;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    RoundVersions versions;

    public AlignmentRound start(RoundSettings settings, String startedBy) {
        AlignmentRound round = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound created = new AlignmentRound();
            created.method = settings.method();
            created.settings = RoundRequests.describe(settings);
            created.startedBy = startedBy;
            created.persist();
            audit.record(startedBy, "round.start", "alignment round " + created.id, created.settings);
            return created;
        });
        long id = round.id;
        executor.runAsync(() -> execute(id, settings));
        return round;
    }

    /** Rounds left running by a process that stopped: nobody holds the round lock, so they cannot be running. */
    void recoverInterrupted(@Observes StartupEvent event) {
        try (Connection lock = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(lock, ROUND_LOCK)) {
                return; // another instance is running a round right now
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>list("status in ?1",
                        java.util.List.of(AlignmentRound.RUNNING, AlignmentRound.QUEUED)).forEach(round -> {
                    round.status = AlignmentRound.FAILED;
                    round.reason = "Interrupted: the process stopped during the round. The active version was not changed; run the round again.";
                    round.finishedAt = OffsetDateTime.now();
                    round.log.add(stamp("Marked failed at start-up: the round had been interrupted."));
                }));
            } finally {
                AdvisoryLock.unlock(lock, ROUND_LOCK);
            }
        } catch (SQLException e) {
            LOG.warn("Could not check for interrupted alignment rounds", e);
        }
    }

    public void execute(long roundId, RoundSettings settings) {
        try (Connection lock = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(lock, ROUND_LOCK)) {
                update(roundId, AlignmentRound.QUEUED, "Waiting for the round that is running to finish", 0);
                AdvisoryLock.lock(lock, ROUND_LOCK);
            }
            try {
                run(roundId, settings);
            } finally {
                AdvisoryLock.unlock(lock, ROUND_LOCK);
            }
        } catch (IllegalArgumentException | ApiException e) {
            LOG.warnf("Alignment round %d failed: %s", roundId, e.getMessage());
            finish(roundId, AlignmentRound.FAILED, e.getMessage());
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Alignment round %d failed", roundId);
            finish(roundId, AlignmentRound.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void run(long roundId, RoundSettings settings) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId);
            round.startedAt = OffsetDateTime.now();
        });
        update(roundId, AlignmentRound.RUNNING, "Taking a snapshot of the judgements", 0.01);
        long started = System.nanoTime();
        RoundSnapshot.Captured captured = snapshot.capture();
        double snapshotSeconds = (System.nanoTime() - started) / 1e9;
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId);
            round.baseVersion = captured.baseVersion();
            round.referenceVersion = captured.referenceVersion();
            round.judgementIds = captured.judgementIds().toArray(Long[]::new);
            round.lineage = lineage(captured);
        });
        RoundResult result = AlignmentEngine.run(settings, captured.data(), texts -> embeddings.embed(captured.encoder(), texts),
                (message, progress) -> update(roundId, AlignmentRound.RUNNING, message, progress));
        result.metrics().put("time/snapshot_s", snapshotSeconds);
        update(roundId, AlignmentRound.RUNNING, "Saving the candidate version", 0.92);
        int candidate = versions.save(result, captured, roundId, settings);
        boolean promote = result.passed() && versions.autoPromote();
        if (promote) {
            models.promote(candidate, "alignment", "round " + roundId);
        } else {
            versions.reject(candidate, result.passed());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId);
            round.metrics = new LinkedHashMap<>(result.metrics());
            round.gates = result.gates();
            round.candidateVersion = candidate;
            round.promoted = promote;
        });
        String verdict = result.outcome();
        String outcome = promote ? "Promoted v" + candidate : result.passed() ? "v" + candidate + " passed its gates; waiting for an admin"
                : verdict.equals(RoundResult.WAIT) ? "Not enough evidence yet: " + result.reason() : "Rejected: " + result.reason();
        String status = promote ? AlignmentRound.PROMOTED
                : verdict.equals(RoundResult.WAIT) ? AlignmentRound.NEEDS_EVIDENCE : AlignmentRound.REJECTED;
        finish(roundId, status, promote ? null : result.passed() ? outcome : result.reason());
        log(roundId, outcome);
    }

    private static Map<String, Object> lineage(RoundSnapshot.Captured captured) {
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("judgements", captured.judgementIds().size());
        lineage.put("importedPairs", captured.importedPairs());
        lineage.put("reviewerWeights", captured.weights());
        lineage.put("tickets", captured.data().tickets().size());
        lineage.put("ticketDigest", Hashing.sha256Hex(String.join("\n", captured.data().tickets())));
        lineage.put("replies", captured.data().replies().stream().map(r -> r.id()).toList());
        return lineage;
    }

    private void update(long roundId, String status, String step, double progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId);
            round.status = status;
            round.step = step;
            round.progress = progress;
            round.heartbeatAt = OffsetDateTime.now();
            round.log.add(stamp(step));
        });
    }

    private void log(long roundId, String line) {
        QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>findById(roundId).log.add(stamp(line)));
    }

    private void finish(long roundId, String status, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlignmentRound round = AlignmentRound.findById(roundId);
            round.status = status;
            round.reason = reason;
            round.progress = 1;
            round.step = status.equals(AlignmentRound.FAILED) ? "Failed" : "Done";
            round.finishedAt = OffsetDateTime.now();
        });
    }

    private static String stamp(String line) {
        return OffsetDateTime.now(ZoneOffset.UTC).format(CLOCK) + "  " + line;
    }

}
