package dev.loopwise.review.queue;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.review.item.Judgement;
import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps open items ready, as many as reviewers' recent pace needs, so that review never waits for a refill: items
 * are made in the background, outside any reviewer's request, by one instance per period (a cluster-wide Quartz job),
 * and between periods by the instance whose reviewers take items: every quarter of the target's worth of leases it
 * looks again, on a background thread (a team taking 165 items a second empties a period's stock in seconds).
 * Should two refills coincide, the items' unique key keeps that to a few extra items, never duplicates.
 */
@ApplicationScoped
public class ReviewQueueKeeper {
    private static final Logger LOG = Logger.getLogger(ReviewQueueKeeper.class);

    @Inject
    ReviewConfig config;
    @Inject
    ReviewItemGenerator generator;

    private final AtomicInteger leasesSinceLook = new AtomicInteger();
    private final AtomicBoolean lookingBetweenPeriods = new AtomicBoolean();
    private volatile int lastTarget;
    private final ExecutorService betweenPeriods = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "review-top-up");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(identity = "review-keep-ahead", every = "${loopwise.review.keep-ahead-interval:10s}", delay = 20,
            delayUnit = TimeUnit.SECONDS,
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        topUp(currentTarget(config.keepAhead()));
    }

    /** Counts a reviewer's lease; see {@link #afterLease(int)}. */
    public void leased() {
        if (config.topUpBetweenPeriods()) {
            afterLease(config.keepAhead());
        }
    }

    /**
     * Every quarter of the last target's worth of leases (at least {@code floor / 4}, at least one), tops the queue
     * up to its current target on a background thread unless a top-up is already running there; returns that
     * top-up's count of items made, if this lease started one. A busy team is looked at as often per item used as a
     * quiet one, so the pace queries stay a small share of the work.
     */
    Optional<CompletableFuture<Integer>> afterLease(int floor) {
        if (floor <= 0 || leasesSinceLook.incrementAndGet() < Math.max(1, Math.max(floor, lastTarget) / 4)
                || !lookingBetweenPeriods.compareAndSet(false, true)) {
            return Optional.empty();
        }
        leasesSinceLook.set(0);
        try {
            return Optional.of(CompletableFuture.supplyAsync(() -> {
                try {
                    return topUp(currentTarget(floor));
                } finally {
                    lookingBetweenPeriods.set(false);
                }
            }, betweenPeriods));
        } catch (RejectedExecutionException e) {
            lookingBetweenPeriods.set(false);
            return Optional.empty(); // shutting down
        }
    }

    @PreDestroy
    void stop() {
        betweenPeriods.shutdownNow();
    }

    private int currentTarget(int floor) {
        long[] pace = QuarkusTransaction.requiringNew().call(() -> new long[] {
                Judgement.count("createdAt > ?1", OffsetDateTime.now().minusMinutes(1)), ReviewItem.countReviewersAtWork()});
        lastTarget = target(floor, config.keepAheadMax(), pace[0], pace[1], config.keepAheadInterval());
        return lastTarget;
    }

    /**
     * Items to keep waiting for reviewers: enough for two periods at the pace of the last minute (each judgement
     * counted as one item used, which errs on the side of more) and two for each reviewer at work, never fewer than
     * {@code floor} nor more than {@code ceiling}; 0 when {@code floor} is 0, which turns making items ahead off.
     */
    static int target(int floor, int ceiling, long judgedLastMinute, long reviewersAtWork, Duration every) {
        if (floor <= 0) {
            return 0;
        }
        long forTwoPeriods = (long) Math.ceil(judgedLastMinute * 2.0 * every.toMillis() / 60_000.0);
        long need = Math.max(forTwoPeriods, 2 * reviewersAtWork);
        return (int) Math.max(floor, Math.min(Math.max(floor, ceiling), need));
    }

    /**
     * With fewer than {@code target} items waiting, makes items in batches of {@link ReviewConfig#refillBatch()} until
     * that many are open (each batch is soon available to reviewers); returns how many it made.
     */
    int topUp(int target) {
        if (target <= 0) {
            return 0;
        }
        int batch = Math.max(1, config.refillBatch());
        int made = 0;
        try {
            for (int round = 0; round <= target / batch; round++) {
                long waiting = QuarkusTransaction.requiringNew().call(ReviewItem::countWaiting);
                if (waiting >= target) {
                    break;
                }
                Refill now = generator.refill((int) Math.min(batch, target - waiting), target);
                if (!now.foundSomething()) {
                    break; // nothing left to review
                }
                made += now.made();
            }
        } catch (ApiException e) {
            LOG.warnf("Could not make review items ahead of demand: %s", e.getMessage());
        }
        return made;
    }
}
