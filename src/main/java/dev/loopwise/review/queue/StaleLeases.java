package dev.loopwise.review.queue;

import dev.loopwise.common.runtime.ApplicationStopping;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Forgets leases that ran out long ago. A lease is deleted when its item is judged, but one left behind by a closed
 * tab or a reviewer who stopped for the day would stay for ever, and the queries that count live leases would walk
 * them all. A day after it ran out a lease no longer matters: the item went back to the queue when it expired, and a
 * reviewer who comes back to it is asked to take the next item.
 */
@ApplicationScoped
public class StaleLeases {
    static final String KEPT_AFTER_EXPIRY = "1 day";

    @Inject
    EntityManager em;

    @Scheduled(identity = "review-stale-leases", every = "1h", delayed = "7m", skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        forget();
    }

    /** Deletes the leases that ran out more than {@link #KEPT_AFTER_EXPIRY} ago; returns how many. */
    @ActivateRequestContext
    @Transactional
    int forget() {
        return em.createNativeQuery("delete from review_leases where expires_at < now() - interval '" + KEPT_AFTER_EXPIRY + "'")
                .executeUpdate();
    }
}
