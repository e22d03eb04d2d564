package dev.loopwise.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What the LLM did for the last day's answers: how many were drafted, served from a draft, or fell back. */
@ApplicationScoped
public class LlmFigures {
    /** How the request log begins the status of a ticket the LLM gave no draft ({@link LlmDrafting}). */
    static final String UNAVAILABLE = "unavailable: ";

    @Inject
    EntityManager em;

    /** {@code answered}: answers the LLM took part in; {@code fromDrafts}: served a draft; {@code fellBack}: LLM unavailable. */
    public record Day(long answered, long fromDrafts, long fellBack) {
        public long share(long part) {
            return answered == 0 ? 0 : Math.round(100.0 * part / answered);
        }
    }

    public Day lastDay() {
        return since("1 day");
    }

    /** The last hour only: what the overview reads to say the LLM is failing now, not yesterday. */
    public Day lastHour() {
        return since("1 hour");
    }

    /**
     * The last few minutes of customers' answers, on every instance, since the settings in effect began: what the "Now:"
     * line of the LLM page reads ({@link LlmFormats#state}).
     */
    public Day lately() {
        // A full drafting limit turned those tickets away before any call: Loopwise was busy, not the LLM failing.
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where answer_source = 'llm'),
                       count(*) filter (where llm_status like 'unavailable%%' and llm_status <> ?4 and not starts_with(llm_status, ?5))
                from served_requests where created_at > now() - cast(?1 as interval) and created_at > (%s)
                  and answer_source is not null""".formatted(SETTINGS_BEGAN))
                .setParameter(1, LATELY).setParameter(2, LlmSettingsService.SAVED).setParameter(3, LlmSettingsService.RESET)
                .setParameter(4, UNAVAILABLE + LlmFailure.BUSY).setParameter(5, HELD_BACK).getSingleResult();
        return new Day(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }

    /**
     * How the request log begins the status of a ticket a rate limit the LLM announced held back ({@link LlmRateLimit}): the
     * server said when to call again and was obeyed, which is not the LLM failing, on this instance or another, during the
     * limit or after it.
     */
    private static final String HELD_BACK = UNAVAILABLE + LlmFailure.SLOWED_DOWN;

    /** How far back {@link #lately()} reads, as the page says it. */
    static final String LATELY = "5 minutes";

    /**
     * When the settings in effect began (their latest save or reset of the last day, or a restart with changed settings
     * of the configuration that took effect), with ?2 and ?3 the page's audit actions.
     */
    private static final String SETTINGS_BEGAN = """
            coalesce((select max(occurred_at) from audit_events where occurred_at > now() - interval '1 day'
                      and (action in (?2, ?3) or action = '%s' and details->>'inEffect' = 'true')), '-infinity')"""
            .formatted(LlmConfigAudit.CONFIGURED);

    /**
     * Why the LLM gave a ticket no draft, in the page's sentence (a rate limit that has ended told as over), and when;
     * {@code tried}: the ticket was tried on Try a ticket.
     */
    public record LatestFailure(String said, Instant at, boolean tried) {
    }

    /**
     * The latest ticket of the last day that the settings in effect gave no draft, whichever instance answered it: read
     * from the request log and from the failures of Try a ticket ({@link LlmTryFailures}), so that every instance's page
     * shows the same one behind a load balancer. Tickets answered before the latest save or reset of the settings are
     * another connection's news; those the open circuit or a full drafting limit turned away made no call, and would
     * hide the failure that opened the circuit.
     */
    public Optional<LatestFailure> latestFailure(LlmSettings inEffect) {
        // The day's bound is said again beside the subquery's: a bound the planner cannot see it takes for a third of
        // the request log, and starts parallel workers to read a year for a day's rows.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with began as (select greatest(now() - interval '1 day', (%s)) as at)
                select at, substr(status, length(?1) + 1), tried, held_until from (
                    select created_at as at, llm_status as status, false as tried, llm_held_until as held_until from served_requests
                    where created_at > now() - interval '1 day' and created_at > (select at from began) and llm_status like ?1 || '%%'
                    union all
                    select failed_at, status, true, held_until from llm_try_failures where failed_at > (select at from began)) failures
                where status like ?1 || '%%' and status not in (?1 || ?4, ?1 || ?5)
                order by at desc limit 1""".formatted(SETTINGS_BEGAN))
                .setParameter(1, UNAVAILABLE).setParameter(2, LlmSettingsService.SAVED).setParameter(3, LlmSettingsService.RESET)
                .setParameter(4, LlmFailure.CIRCUIT_OPEN).setParameter(5, LlmFailure.BUSY).getResultList();
        Instant now = Instant.now();
        return rows.stream().findFirst().map(row -> new LatestFailure(LlmFailure.sentence((String) row[1], inEffect, instant(row[0]),
                instant(row[3]), now),
                instant(row[0]), Boolean.TRUE.equals(row[2])));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime at ? at.toInstant() : (Instant) value;
    }

    private Day since(String interval) {
        // As in lately(): a full drafting limit is Loopwise busy, not the LLM too slow or failing.
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where answer_source = 'llm'),
                       count(*) filter (where llm_status like 'unavailable%' and llm_status <> ?2 and not starts_with(llm_status, ?3))
                from served_requests where created_at > now() - cast(?1 as interval) and answer_source is not null""")
                .setParameter(1, interval).setParameter(2, UNAVAILABLE + LlmFailure.BUSY).setParameter(3, HELD_BACK)
                .getSingleResult();
        return new Day(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
