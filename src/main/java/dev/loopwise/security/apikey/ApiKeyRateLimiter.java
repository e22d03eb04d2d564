package dev.loopwise.security.apikey;

import dev.loopwise.security.SecurityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Requests per API key in fixed one-minute windows, counted in PostgreSQL so that a limit holds across
 * every instance: one upsert of the key's single row per request, whatever the traffic.
 */
@ApplicationScoped
public class ApiKeyRateLimiter {
    @Inject
    EntityManager em;
    @Inject
    SecurityConfig config;

    /** What counting one more request found: over the limit or not, and when the window ends. */
    public record Verdict(int limit, boolean refused, long retryAfterSeconds) {
        static final Verdict UNLIMITED = new Verdict(0, false, 0);
    }

    /** Counts one request by the key; joins the transaction that authenticated it. */
    @Transactional
    public Verdict count(ApiKey key) {
        int limit = limitOf(key);
        if (limit == 0) {
            return Verdict.UNLIMITED;
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into api_key_windows as w (key_id, window_start, requests) values (?1, date_trunc('minute', now()), 1)
                on conflict (key_id) do update set
                  requests = case when w.window_start = excluded.window_start then w.requests + 1 else 1 end,
                  window_start = excluded.window_start
                returning requests, ceil(extract(epoch from window_start + interval '1 minute' - now()))""")
                .setParameter(1, key.id).getSingleResult();
        int requests = ((Number) row[0]).intValue();
        long retryAfter = Math.max(1, ((Number) row[1]).longValue());
        return new Verdict(limit, requests > limit, retryAfter);
    }

    int limitOf(ApiKey key) {
        return key.requestsPerMinute != null ? key.requestsPerMinute : config.api().requestsPerMinute();
    }
}
