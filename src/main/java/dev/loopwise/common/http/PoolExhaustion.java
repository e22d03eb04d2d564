package dev.loopwise.common.http;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a failure is a busy moment rather than a fault: above all the connection pool's wait running out: every connection was taken for the whole acquisition
 * timeout. Nothing is wrong with the database or the request, so it is answered as a busy moment, not an unforeseen fault.
 */
final class PoolExhaustion {
    private PoolExhaustion() {
    }

    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Agroal's own type where it has one; older Agroal throws a plain SQLException ("Sorry, acquisition timeout!")
            // without an SQL state, so its words are all there is to tell it by.
            if (cause.getClass().getSimpleName().equals("AgroalAcquisitionException")) {
                return true;
            }
            if (cause instanceof SQLException && cause.getMessage() != null) {
                String message = cause.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("acquisition timeout") || message.contains("could not acquire")
                        || message.contains("unable to acquire")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A moment of contention PostgreSQL ends by refusing one side, which the same request asked again a little later
     * usually passes: a serialization failure or deadlock (class 40), a lock not granted in time (55P03), a statement
     * cancelled at its timeout (57014), or every connection the server allows in use (53300). The transaction rolled back.
     */
    static boolean passingConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String state = cause instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (state.startsWith("40") || state.equals("55P03") || state.equals("57014") || state.equals("53300")) {
                return true;
            }
        }
        return false;
    }
}
