package dev.loopwise.common.http;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a failure is the connection pool's wait running out: every connection was taken for the whole acquisition
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
}
