package dev.loopwise.cli.support;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.common.StartMessages;
import dev.loopwise.common.config.RefusedSetting;
import io.quarkus.runtime.QuarkusBindException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a start failed, in one sentence naming what to fix: the database the settings point at, the port, the session
 * key or a setting's value. Each of these is a setting to correct, not a fault in Loopwise, so no stack trace follows.
 */
public final class StartFailure {
    // SmallRye Config's words for a value it cannot convert; the property and the value are all a reader needs.
    private static final Pattern UNCONVERTIBLE = Pattern.compile(
            "The config property (\\S+) with the config value \"(.*?)\" threw an Exception whilst being converted (.*?)(?=\\n\\s*\\S+: SRCFG|$)",
            Pattern.DOTALL);
    // An empty variable (LOOPWISE_PORT=) is no value at all, not the default.
    private static final Pattern EMPTY = Pattern.compile("The config property (\\S+) is defined as the empty String");

    private StartFailure() {
    }

    /** The sentence for a failure a setting explains; empty for any other, whose trace is then worth showing. */
    public static Optional<String> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<String> sentence = sentence(cause);
            if (sentence.isPresent()) {
                return sentence;
            }
        }
        return Optional.empty();
    }

    /**
     * The sentence for a database address the driver does not take, said before anything connects: the pool's warning
     * and the driver's would print it whole, password and all, above the sentence.
     */
    public static Optional<String> unusableAddress() {
        String url = DatabaseSettings.fromEnvironment().url();
        return DatabaseSettings.isPostgresAddress(url) ? Optional.empty()
                : Optional.of(StartMessages.notPostgresAddress(url, DatabaseSettings.urlSetting()));
    }

    /** The failure's innermost message, for a failure no setting explains; a database address in it loses its password. */
    public static String innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : StartMessages.withoutPasswords(cause.getMessage());
    }

    /** The failure's stack trace, for a failure no setting explains; the pool's and the driver's messages may quote the address. */
    public static String trace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return StartMessages.withoutPasswords(trace.toString());
    }

    private static Optional<String> sentence(Throwable cause) {
        // The driver refuses an address it does not take with no state or a connection's ("could not start: Driver does not
        // support the provided URL"; db-init said PostgreSQL was not reachable there), though no connection was tried.
        if (cause instanceof SQLException && unusableAddress().isPresent()) {
            return unusableAddress();
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return database(sql);
        }
        if (cause instanceof QuarkusBindException bind) {
            String setting = System.getenv("QUARKUS_HTTP_PORT") == null ? "LOOPWISE_PORT" : "QUARKUS_HTTP_PORT";
            return Optional.of(StartMessages.portTaken(bind.getPort(), setting));
        }
        if (Messages.SESSION_KEY_REQUIRED.equals(cause.getMessage())
                || HttpMessages.TRUSTED_PROXIES_REQUIRED.equals(cause.getMessage())) {
            return Optional.of(cause.getMessage());
        }
        if (cause instanceof RefusedSetting refused) {
            return Optional.of(StartMessages.badSetting(SettingVariable.of(refused.property()), refused.value(), refused.expected()));
        }
        String message = String.valueOf(cause.getMessage());
        Matcher unconvertible = UNCONVERTIBLE.matcher(message);
        Optional<String> refused = Optional.empty();
        // Several settings may be refused at once (LOOPWISE_PORT=abc fails for Quarkus' property and Loopwise's own check):
        // a Loopwise property's sentence says best what to write.
        while (unconvertible.find() && (refused.isEmpty() || unconvertible.group(1).startsWith("loopwise."))) {
            String setting = SettingVariable.of(unconvertible.group(1));
            String value = unconvertible.group(2);
            String problem = unconvertible.group(3).replaceFirst("^\\S+Exception: ", "").replaceFirst("^SRCFG\\d+: ", "").strip();
            refused = Optional.of(unconvertible.group(3).contains("Duration") ? StartMessages.badDuration(setting, value)
                    : StartMessages.badSetting(setting, value, problem));
        }
        if (refused.isPresent()) {
            return refused;
        }
        Matcher empty = EMPTY.matcher(message);
        if (empty.find()) {
            return Optional.of(StartMessages.emptySetting(SettingVariable.of(empty.group(1))));
        }
        return Optional.empty();
    }

    private static Optional<String> database(SQLException failure) {
        DatabaseSettings db = DatabaseSettings.fromEnvironment();
        String state = failure.getSQLState();
        String serverSays = String.valueOf(failure.getMessage()).replaceFirst("^(FATAL|ERROR): ", "").strip();
        if (state.startsWith("08")) {
            return Optional.of(StartMessages.databaseUnreachable(db.url(), DatabaseSettings.urlSetting()));
        }
        if (state.equals("28P01")) {
            return Optional.of(StartMessages.passwordRefused(db.username(), DatabaseSettings.passwordSetting()));
        }
        if (state.startsWith("28")) {
            return Optional.of(StartMessages.roleRefused(db.username(), serverSays, DatabaseSettings.userSetting()));
        }
        if (state.equals("3D000")) {
            return Optional.of(StartMessages.noDatabase(db.database(), db.username(), DatabaseSettings.urlSetting()));
        }
        if (state.equals("42501")) {
            return Optional.of(StartMessages.notPermitted(db.username(), db.database(), serverSays, DatabaseSettings.userSetting()));
        }
        return Optional.empty();
    }
}
