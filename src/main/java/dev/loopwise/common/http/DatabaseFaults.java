package dev.loopwise.common.http;

import dev.loopwise.common.Messages;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The database faults a client can act on, told apart from the unforeseen: a value it cannot store is the client's to
 * fix (400), while a lost connection, a full pool or two transactions in each other's way pass by themselves (503, ask
 * again shortly).
 */
final class DatabaseFaults {
    private static final Logger LOG = Logger.getLogger(DatabaseFaults.class);

    private DatabaseFaults() {
    }

    /** The answer to such a fault anywhere in {@code e}'s causes, or null when it is none of them. */
    static Response answer(Throwable e, UriInfo uri, HttpHeaders headers) {
        // The database refused a value as data (class 22: NUL bytes, too long, out of range): the request's
        // transaction rolled back, and the client can fix what it sent.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String state = cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (state.startsWith("22")) {
                LOG.debugf("Refused a value the database cannot store on %s: %s", uri.getPath(), cause.getMessage());
                return ErrorMapper.respond(Status.BAD_REQUEST, "invalid_value", Messages.unstorableValue(state), uri, headers);
            }
            // Class 08: the connection broke (the database restarted or is unreachable); the transaction is gone
            // with it, and asking again shortly is the whole remedy.
            if (state.startsWith("08")) {
                LOG.warnf("Database connection lost on %s: %s", uri.getPath(), cause.getMessage());
                Response response = ErrorMapper.respond(Status.SERVICE_UNAVAILABLE, "database_unavailable",
                        Messages.DATABASE_UNAVAILABLE, uri, headers);
                return RetryAdvice.on(response, true, RetryAdvice.DATABASE_SECONDS);
            }
        }
        boolean poolExhausted = PoolExhaustion.in(e);
        if (poolExhausted || PoolExhaustion.passingConflict(e)) {
            LOG.warnf("%s on %s", poolExhausted ? "No database connection free within the acquisition timeout" : "Database contention",
                    uri.getPath());
            // A browser's busy page is drawn without asking who is there, which would wait for a connection again.
            Response response = poolExhausted && RequestKind.wantsHtml(uri, headers)
                    ? Response.status(Status.SERVICE_UNAVAILABLE).type(ErrorPage.TYPE).entity(BusyAnswer.page()).build()
                    : ErrorMapper.respond(Status.SERVICE_UNAVAILABLE, "database_unavailable",
                    poolExhausted ? Messages.DATABASE_BUSY : Messages.DATABASE_CONTENTION, uri, headers);
            return RetryAdvice.on(response, true, RetryAdvice.DATABASE_SECONDS);
        }
        return null;
    }
}
