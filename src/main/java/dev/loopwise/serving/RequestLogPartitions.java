package dev.loopwise.serving;

import dev.loopwise.common.RetentionMessages;
import dev.loopwise.common.db.RetentionRuns;
import dev.loopwise.common.runtime.ApplicationStopping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The request log is partitioned by month (UTC): this job makes the coming months' partitions before
 * traffic needs them, and drops the months older than the retention, with the feedback given on them. A
 * month whose partition is missing is written to the default partition; making the partition moves those
 * rows into it. It runs on one instance at a time across the cluster (a non-concurrent Quartz job), so two
 * instances never make or drop the same partition.
 */
@ApplicationScoped
public class RequestLogPartitions {
    private static final Logger LOG = Logger.getLogger(RequestLogPartitions.class);
    static final String DEFAULT = "served_requests_default";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ServingConfig config;
    @Inject
    RetentionRuns runs;

    public record Changes(List<String> created, List<String> dropped) {
    }

    @Scheduled(identity = "request-log-retention", every = "${loopwise.serving.partition-interval:6h}",
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        try {
            Changes changes = maintain(OffsetDateTime.now(ZoneOffset.UTC));
            if (!changes.dropped().isEmpty()) {
                LOG.infof("Request log: dropped %s (older than %d months)", changes.dropped(), config.retentionMonths());
            }
            int forgotten = 0;
            if (config.textRetentionDays() > 0) {
                forgotten = forgetTexts(OffsetDateTime.now(ZoneOffset.UTC).minusDays(config.textRetentionDays()));
                if (forgotten > 0) {
                    LOG.infof("Request log: blanked the text of %d requests older than %d days", forgotten, config.textRetentionDays());
                }
            }
            runs.record("request-log", RetentionMessages.requestLog(months(changes.created()), months(changes.dropped()),
                    config.retentionMonths(), forgotten, config.textRetentionDays()));
        } catch (SQLException | RuntimeException e) {
            runs.record("request-log", RetentionMessages.failed(String.valueOf(e.getMessage())));
            LOG.warn("Could not maintain the request log's monthly partitions", e);
        }
    }

    /** served_requests_2026_12 as 2026-12, the month a person reads. */
    private static List<String> months(List<String> partitions) {
        return partitions.stream().map(name -> name.substring("served_requests_".length()).replace('_', '-')).toList();
    }

    /** Makes the partitions from {@code now}'s month to the months ahead, and drops the months past retention. */
    public Changes maintain(OffsetDateTime now) throws SQLException {
        YearMonth current = YearMonth.from(now.withOffsetSameInstant(ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int ahead = 0; ahead <= config.partitionsAhead(); ahead++) {
                    YearMonth month = current.plusMonths(ahead);
                    if (create(c, month)) {
                        created.add(name(month));
                    }
                }
                if (config.retentionMonths() > 0) {
                    dropped.addAll(dropOld(c, now.withOffsetSameInstant(ZoneOffset.UTC).minusMonths(config.retentionMonths())));
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return new Changes(created, dropped);
    }

    private boolean create(Connection c, YearMonth month) throws SQLException {
        if (partitions(c).contains(name(month))) {
            c.commit();
            return false;
        }
        String from = start(month);
        String to = start(month.plusMonths(1));
        try (Statement s = c.createStatement()) {
            // Rows written while the month had no partition wait in the default one; they move with it.
            s.execute("create temporary table moving on commit drop as select * from " + DEFAULT + " where created_at >= '" + from
                    + "' and created_at < '" + to + "'");
            s.execute("delete from " + DEFAULT + " where created_at >= '" + from + "' and created_at < '" + to + "'");
            s.execute("create table " + name(month) + " partition of served_requests for values from ('" + from + "') to ('" + to + "')");
            s.execute("insert into served_requests select * from moving");
        }
        c.commit();
        return true;
    }

    /** Months that ended before {@code cutoff}, and rows of the default partition older than it. */
    private List<String> dropOld(Connection c, OffsetDateTime cutoff) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String partition : new TreeSet<>(partitions(c))) { // oldest first, as the run's record lists them
                if (!partition.equals(DEFAULT) && !YearMonth.parse(partition.substring("served_requests_".length()).replace('_', '-'))
                        .plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).isAfter(cutoff)) {
                    s.execute("delete from feedback where request_id in (select id from " + partition + ")");
                    s.execute("drop table " + partition);
                    dropped.add(partition);
                }
            }
            try (PreparedStatement old = c.prepareStatement("delete from feedback where request_id in (select id from " + DEFAULT
                    + " where created_at < ?)")) {
                old.setObject(1, cutoff);
                old.executeUpdate();
            }
            try (PreparedStatement old = c.prepareStatement("delete from " + DEFAULT + " where created_at < ?")) {
                old.setObject(1, cutoff);
                old.executeUpdate();
            }
        }
        c.commit();
        return dropped;
    }

    /**
     * Blanks the text and reply of requests made before {@code cutoff}, in batches (each its own short transaction),
     * through the partial index on requests that still have text: the cost follows the requests to forget.
     */
    public int forgetTexts(OffsetDateTime cutoff) throws SQLException {
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement forget = c.prepareStatement("""
                update served_requests set text = '', reply_text = null where (id, created_at) in (
                    select id, created_at from served_requests where text <> '' and created_at < ? limit 5000)""")) {
            c.setAutoCommit(true);
            forget.setObject(1, cutoff);
            int batch;
            do {
                batch = forget.executeUpdate();
                total += batch;
            } while (batch > 0);
        }
        return total;
    }

    private static Set<String> partitions(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'served_requests'::regclass""")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    static String name(YearMonth month) {
        return String.format("served_requests_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private static String start(YearMonth month) {
        return month.atDay(1) + " 00:00:00+00";
    }
}
