package dev.loopwise.review;

import dev.loopwise.common.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps {@link ReviewConfig#keepAhead()} open items ready, so that review never waits for a refill: items are
 * made in the background, outside any reviewer's request, by one instance per period (a cluster-wide Quartz job).
 * Should a refill asked for elsewhere coincide, the items' unique key keeps that to a few extra items, never
 * duplicates.
 */
@ApplicationScoped
public class ReviewQueueKeeper {
    private static final Logger LOG = Logger.getLogger(ReviewQueueKeeper.class);

    @Inject
    ReviewConfig config;
    @Inject
    ReviewItemGenerator generator;

    @Scheduled(identity = "review-keep-ahead", every = "${loopwise.review.keep-ahead-interval:10s}", delay = 20,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS)
    @Nonconcurrent
    void scheduled() {
        topUp(config.keepAhead());
    }

    /** With fewer than {@code target} items open, makes up to {@code target} more; returns how many it made. */
    int topUp(int target) {
        if (target <= 0) {
            return 0;
        }
        long open = QuarkusTransaction.requiringNew().call(ReviewItem::countOpen);
        if (open >= target) {
            return 0;
        }
        try {
            return generator.refill(target);
        } catch (ApiException e) {
            LOG.warnf("Could not make review items ahead of demand: %s", e.getMessage());
            return 0;
        }
    }
}
