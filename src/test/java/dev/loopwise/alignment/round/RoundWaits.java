package dev.loopwise.alignment.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Waiting for rounds that run in the background: they end when their job does, not when the test asks. */
final class RoundWaits {
    private RoundWaits() {
    }

    /** No round runs or waits but {@code excluded} (rows a test wrote itself, which never end by themselves). */
    static void noRoundRunning(EntityManager em, List<Long> excluded) {
        Long[] ids = excluded.toArray(Long[]::new);
        await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from alignment_rounds where status in ('running', 'queued') and id <> all(?1)")
                .setParameter(1, ids).getSingleResult()).longValue()) == 0 ? Boolean.TRUE : null, "a round is still running");
    }

    /** What {@code probe} gives once it gives something (not null); a failure with {@code failure} after five minutes. */
    static <T> T await(Supplier<T> probe, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(failure);
    }
}
