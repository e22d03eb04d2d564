package dev.loopwise.serving;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An admin sees on Audit when the request log's retention last ran and what it removed: the months past retention, not the
 * current one, with the coming months made ahead.
 */
@QuarkusTest
class RetentionRunsShownTest {
    @Inject
    RequestLogPartitions partitions;
    @Inject
    ServingConfig config;
    @Inject
    EntityManager em;

    @Test
    void theLastRunAndWhatItRemovedAreOnAudit() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        YearMonth old = YearMonth.from(now.minusMonths(config.retentionMonths() + 2));
        partitions.maintain(now.minusMonths(config.retentionMonths() + 2)); // the old month's partition, as the job made it then

        partitions.scheduled();

        Caller.session("admin").request().accept("text/html").get("/admin/audit").then().statusCode(200)
                .body(containsString("What is removed as it ages")).body(containsString("Request log and the feedback on it"))
                .body(containsString("Removed ")).body(containsString(old.toString())).body(containsString(" with the feedback on them (older than "
                        + config.retentionMonths() + " months)"))
                .body(not(containsString(YearMonth.from(now).toString() + " with the feedback")));
        for (int ahead = 0; ahead <= config.partitionsAhead(); ahead++) {
            String month = RequestLogPartitions.name(YearMonth.from(now.plusMonths(ahead)));
            assertTrue(exists(month), month + " is kept or made ahead");
        }
        assertTrue(!exists(RequestLogPartitions.name(old)), "the old month is gone");

        partitions.scheduled();
        Caller.session("admin").request().accept("text/html").get("/admin/audit").then().statusCode(200)
                .body(containsString("No month was older than " + config.retentionMonths() + " months; the coming months were ready."));
        // Older pages of the trail are about entries, not about retention.
        Caller.session("admin").request().accept("text/html").get("/admin/audit?before=1").then().statusCode(200)
                .body(not(containsString("What is removed as it ages")));
    }

    private boolean exists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select to_regclass(?1)::text").setParameter(1, table)
                .getSingleResult() != null);
    }
}
