package dev.loopwise.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the LLM did for the last day's answers: how many were drafted, served from a draft, or fell back. */
@ApplicationScoped
public class LlmFigures {
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

    private Day since(String interval) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where answer_source = 'llm'), count(*) filter (where llm_status like 'unavailable%')
                from served_requests where created_at > now() - cast(?1 as interval) and answer_source is not null""")
                .setParameter(1, interval).getSingleResult();
        return new Day(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
