package dev.loopwise.review.queue;

import dev.loopwise.review.item.ReviewConfig;
import dev.loopwise.review.item.ReviewView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Refills for reviewers who find the queue empty (the background keeper normally prevents it), one at a time in this
 * instance: reviewers arriving together wait for the one refill and take its items, instead of each encoding a batch
 * of tickets at once and starving the service. Only a JVM lock is held while waiting, never a transaction or a pooled
 * connection; other instances refill on their own, and the items' unique key keeps their batches apart.
 */
@ApplicationScoped
public class EmptyQueueRefills {
    @Inject
    ReviewConfig config;
    @Inject
    ReviewItemGenerator generator;

    private final ReentrantLock refilling = new ReentrantLock();
    private final AtomicLong refillsDone = new AtomicLong();
    private volatile boolean lastFoundNothing;

    /** Leases again after this instance's current refill, making one if still nothing waits; empty if none can be made. */
    public Optional<ReviewView> leaseAfterRefill(long reviewerId, Supplier<Optional<ReviewView>> lease) {
        long before = refillsDone.get();
        try {
            if (!refilling.tryLock(config.refillWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return lease.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            Optional<ReviewView> item = lease.get();
            if (item.isPresent() || refillsDone.get() != before && lastFoundNothing) {
                return item; // a refill ran while this reviewer waited and found nothing to review: no point in another
            }
            // Not when a batch's worth waits already: another instance's refill made them meanwhile.
            Refill refill = generator.refillFor(reviewerId, config.refillBatch(), config.refillBatch());
            lastFoundNothing = !refill.foundSomething();
            refillsDone.incrementAndGet();
            return lastFoundNothing ? Optional.empty() : lease.get();
        } finally {
            refilling.unlock();
        }
    }
}
