package dev.loopwise.review.judging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Judged today" counts from midnight UTC, the day the agreement chart and the rest of Loopwise keep, whatever zone the
 * database session runs in. Everything is written in one transaction that is rolled back, so nothing stays behind.
 */
@QuarkusTest
class JudgedTodayTest {
    private static final String UTC_MIDNIGHT = "(date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')";

    @Inject
    ReviewStats stats;
    @Inject
    EntityManager em;

    @Test
    void todayStartsAtMidnightUtcWhateverTheSessionZone() {
        // Far from UTC on both sides: the session's own midnight lies 14 or 8 hours from the UTC one, so it either takes
        // yesterday's late judgement in or leaves today's early ones out, at any hour of the day.
        assertEquals(2, judgedToday("Pacific/Kiritimati"));
        assertEquals(2, judgedToday("America/Los_Angeles"));
        assertEquals(2, judgedToday("UTC"));
    }

    @Test
    void aReviewerWithNothingTodayCountsZero() {
        QuarkusTransaction.begin();
        try {
            long reviewer = reviewer();
            judge(reviewer, "1", "- interval '1 second'");
            assertEquals(0, stats.counters(reviewer).judgedToday());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /**
     * One reviewer's answers a second before midnight UTC (yesterday), at midnight and a minute after (today), and a skip two
     * minutes after (not counted); another reviewer's answer today (not theirs). Counted with the session in {@code zone}.
     */
    private long judgedToday(String zone) {
        QuarkusTransaction.begin();
        try {
            long reviewer = reviewer();
            long other = reviewer();
            judge(reviewer, "1", "- interval '1 second'");
            judge(reviewer, "2", "");
            judge(reviewer, "tie", "+ interval '1 minute'");
            judge(reviewer, "skip", "+ interval '2 minutes'");
            judge(other, "1", "+ interval '1 minute'");
            em.createNativeQuery("select set_config('TimeZone', ?1, true)").setParameter(1, zone).getSingleResult();
            return stats.counters(reviewer).judgedToday();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long reviewer() {
        return ((Number) em.createNativeQuery("insert into users (username, password_hash, roles) values (?1, 'x', 'reviewer') returning id")
                .setParameter(1, "today" + UUID.randomUUID().toString().substring(0, 8)).getSingleResult()).longValue();
    }

    /** A judgement on an item of its own, stored at midnight UTC moved by {@code shift}. */
    private void judge(long reviewer, String choice, String shift) {
        long item = ((Number) em.createNativeQuery("""
                insert into review_items (ticket_text, ticket_hash, source, reply1_text, reply2_text, strategy, reply1_kind,
                                          reply2_kind, required_judgements, status)
                values ('where is my parcel', ?1, 'traffic', 'one', 'two', 'drafts', 'draft', 'draft', 1, 'complete') returning id""")
                .setParameter(1, UUID.randomUUID().toString()).getSingleResult()).longValue();
        em.createNativeQuery("insert into judgements (item_id, reviewer_id, choice, swapped, created_at) values (?1, ?2, ?3, false, "
                + UTC_MIDNIGHT + " " + shift + ")").setParameter(1, item).setParameter(2, reviewer).setParameter(3, choice).executeUpdate();
    }
}
