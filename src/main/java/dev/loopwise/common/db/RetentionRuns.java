package dev.loopwise.common.db;

import dev.loopwise.common.RetentionMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What each retention job did the last time it ran, for Audit: an admin who set a retention wants to see that it runs and
 * what it took, and one who did not, that nothing is taken. Recording never fails the job: the removal is what matters.
 */
@ApplicationScoped
public class RetentionRuns {
    private static final Logger LOG = Logger.getLogger(RetentionRuns.class);

    @Inject
    EntityManager em;

    /** One job's last run; {@code what} is its name in words. */
    public record Run(String job, String what, OffsetDateTime ranAt, String outcome) {
    }

    public void record(String job, String outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into retention_runs (job, ran_at, outcome) values (?1, now(), ?2)
                    on conflict (job) do update set ran_at = excluded.ran_at, outcome = excluded.outcome""")
                    .setParameter(1, job).setParameter(2, outcome).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record the run of the %s retention", job);
        }
    }

    /** Every job that has run, in the order Audit lists them. */
    public List<Run> all() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select job, ran_at, outcome from retention_runs order by job").getResultList());
        return rows.stream().map(row -> (Object[]) row).map(row -> new Run((String) row[0], RetentionMessages.what((String) row[0]),
                time(row[1]), (String) row[2])).toList();
    }

    private static OffsetDateTime time(Object value) {
        // The driver's type for timestamptz differs between Hibernate versions; each is the same instant.
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return ((Instant) value).atOffset(ZoneOffset.UTC);
    }
}
