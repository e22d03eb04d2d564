package dev.loopwise.cli;

import dev.loopwise.alignment.round.AlignmentRound;
import dev.loopwise.alignment.round.RoundRequests;
import dev.loopwise.alignment.round.RoundService;
import dev.loopwise.alignment.round.RoundSettings;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alignment-round part of {@code bench-history}: at a given history, adds about {@code newJudgements} new
 * judgements and runs the same round twice — the first encodes the texts it has not seen, the second reads the
 * cached vectors — with the vector reward model, a fixed replay size and a fixed policy sample, so that two
 * history sizes differ only in the history. Candidates are not promoted, so both runs read the same judgements.
 */
final class HistoryRounds {
    static final int REPLAY = 500;

    /** Seconds of the two runs (the second's snapshot separately), what they read, and the heap's peak use during them. */
    record Timing(double firstSeconds, double seconds, double snapshotSeconds, int newJudgements, int replayed, long peakHeapMb) {
        String describe() {
            return String.format("%,d new + %,d replayed judgements: first run %.1f s (encoding new texts), again %.1f s (snapshot %.2f s); "
                    + "peak heap used %,d MB", newJudgements, replayed, firstSeconds, seconds, snapshotSeconds, peakHeapMb);
        }
    }

    private final int newJudgements;
    final int policyTickets;

    HistoryRounds(int newJudgements, int policyTickets) {
        this.newJudgements = newJudgements;
        this.policyTickets = policyTickets;
    }

    /** Bounds every timed round shares; set before the application starts. */
    void configure() {
        System.setProperty("loopwise.alignment.max-new-judgements", String.valueOf(newJudgements));
        System.setProperty("loopwise.alignment.policy-tickets", String.valueOf(policyTickets));
        System.setProperty("loopwise.alignment.auto-promote", "false");
    }

    Timing measure(HistoryGrowth growth, String tag, int version, List<Long> reviewers) throws Exception {
        // A growth of this scale adds about 2.2 judgements per 1,000,000th, 1.8 of them not skipped.
        growth.grow(newJudgements / 450_000.0, tag, version, reviewers);
        RoundSettings d = Arc.container().instance(RoundRequests.Defaults.class).get().settings();
        RoundSettings settings = new RoundSettings(d.method(), d.beta(), d.seed(), d.reward(), RoundSettings.VECTOR_REWARD, d.policyEpochs(),
                d.heldOutShare(), d.minRewardAccuracy(), d.maxIntentDrop(), d.maxKl(), REPLAY);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try {
            AlignmentRound first = run(settings);
            AlignmentRound again = run(settings);
            return new Timing(seconds(first), seconds(again), ((Number) again.metrics.get("time/snapshot_s")).doubleValue(),
                    again.newJudgements, again.replayedJudgements, peak.get() >> 20);
        } finally {
            sampler.interrupt();
        }
    }

    private static AlignmentRound run(RoundSettings settings) throws InterruptedException {
        long id = Arc.container().instance(RoundService.class).get().start(settings, "bench-history").id;
        for (int waited = 0; waited < 36_000; waited++) {
            AlignmentRound round = QuarkusTransaction.requiringNew().call(() -> AlignmentRound.<AlignmentRound>findById(id));
            if (round.finished()) {
                if (round.status.equals(AlignmentRound.FAILED)) {
                    throw new IllegalStateException("Round " + id + " failed: " + round.reason);
                }
                return round;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Round " + id + " did not finish within an hour.");
    }

    private static double seconds(AlignmentRound round) {
        return Duration.between(round.startedAt, round.finishedAt).toMillis() / 1000.0;
    }
}
