package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.common.Messages;
import dev.loopwise.common.StartMessages;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.BindException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A start that fails for a setting's sake says which setting, in one sentence, whatever wraps the failure on its way out. */
class StartFailureTest {
    private static final String URL = System.getenv().getOrDefault("LOOPWISE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/loopwise_test");

    @Test
    void theDatabaseItCannotUseIsNamedWithWhatToFix() {
        // Port 1: nothing listens there, so PostgreSQL's driver reports the refused connection as the start would meet it.
        String unreachable = explained(connect("jdbc:postgresql://127.0.0.1:1/loopwise", "loopwise"));
        assertTrue(unreachable.startsWith("PostgreSQL is not reachable at ") && unreachable.contains("to where it runs"), unreachable);

        String missing = explained(connect(URL.replaceFirst("/[^/]*$", "/loopwise_no_such_database"), "loopwise"));
        assertTrue(missing.startsWith("PostgreSQL has no database '") && missing.contains("CREATE DATABASE"), missing);

        String role = explained(connect(URL, "loopwise_no_such_role"));
        assertTrue(role.contains("refused role") && role.contains("loopwise_no_such_role"), role);
    }

    @Test
    void anAddressThePostgresDriverDoesNotTakeIsNamedAsOneToRewriteNotAsADatabaseDown() {
        // A hosting service's address: the start said "could not start: Driver does not support the provided URL", db-init that
        // PostgreSQL was not reachable there.
        String start = saidOf("postgres://loopwise:secret@localhost:5432/loopwise");
        assertTrue(start.endsWith(" is 'postgres://localhost:5432/loopwise', which is not a PostgreSQL address: write it as"
                + " jdbc:postgresql://HOST:5432/DATABASE (a user and password go in their own settings)."), start);
    }

    @Test
    void anAddressWithItsPasswordBeforeTheHostIsRefusedAsOneToRewriteWithoutRepeatingThePassword() {
        // The driver reads "loopwise:secret@localhost" as the host: the start printed the pool's "Driver does not support the
        // provided URL: jdbc:postgresql://loopwise:secret@...", db-init went on to the superuser's SQL and exited 3. Another
        // command says it before the pool and the driver see the address: both logged it whole above the sentence.
        String inline = "jdbc:postgresql://loopwise:secret@localhost:5432/loopwise";
        // The pool's own failure, read while the address is set, says the same.
        String start = saidOf(inline, said -> assertEquals(said, explained(new RuntimeException(new SQLException(
                "Driver does not support the provided URL: " + inline)))), "api-key", "create", "--user", "admin");
        assertTrue(start.endsWith(" is 'jdbc:postgresql://localhost:5432/loopwise', which is not a PostgreSQL address: write it as"
                + " jdbc:postgresql://HOST:5432/DATABASE (a user and password go in their own settings)."), start);
    }

    @Test
    void anUnreachableAddressIsNamedWithoutThePasswordInItsQuery() {
        String start = saidOf("jdbc:postgresql://127.0.0.1:1/loopwise?password=secret&user=loopwise");
        assertTrue(start.startsWith("PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:1/loopwise?user=loopwise: "), start);
    }

    @Test
    void everyWayOfWritingAPasswordIntoAnAddressIsLeftOut() {
        String[][] cases = {{"postgresql://host/db?password=pw", "postgresql://host/db"},
            {"postgres://user:p@ss@host/db", "postgres://host/db"}, {"postgres://user:p/w@host/db", "postgres://host/db"},
            {"jdbc:postgresql://host/db?ssl=true&PASSWORD=pw&user=u", "jdbc:postgresql://host/db?ssl=true&user=u"},
            {"jdbc:postgresql:db?sslpassword=pw", "jdbc:postgresql:db"}, {"jdbc:postgresql://host/db?user=u", "jdbc:postgresql://host/db?user=u"},
            {"failed for jdbc:postgresql://u:pw@host/db, then", "failed for jdbc:postgresql://host/db, then"}};
        for (String[] c : cases) {
            assertEquals(c[1], StartMessages.withoutPasswords(c[0]), c[0]);
        }
        RuntimeException pool = new RuntimeException(new SQLException("Driver does not support the provided URL: postgres://u:s3cr3t@h/db"));
        assertEquals("Driver does not support the provided URL: postgres://h/db", StartFailure.innermost(pool));
        assertTrue(!StartFailure.trace(pool).contains("s3cr3t"), StartFailure.trace(pool));
    }

    @Test
    void aPortInUseAndAMissingSessionKeyAreSaidAlone() {
        String port = explained(new RuntimeException("Failed to start quarkus",
                new QuarkusBindException("0.0.0.0", 8293, new BindException("Address already in use"))));
        assertTrue(port.startsWith("Port 8293 is taken by another program: stop it or set "), port);

        assertEquals(Messages.SESSION_KEY_REQUIRED, explained(new RuntimeException(new IllegalStateException(Messages.SESSION_KEY_REQUIRED))));
    }

    @Test
    void aSettingOfTheWrongKindNamesItsVariableAndHowToWriteIt() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue("loopwise.review.undo-window", "ten").build();
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> config.getValue("loopwise.review.undo-window", Duration.class));
        String duration = explained(new RuntimeException(failure));
        assertTrue(duration.startsWith("LOOPWISE_REVIEW_UNDO_WINDOW is 'ten', which is not a length of time: write it such as 30s"), duration);
    }

    @Test
    void anyOtherFailureIsLeftToItsTrace() {
        RuntimeException other = new RuntimeException("Failed to start quarkus", new IllegalStateException("something else"));
        assertEquals(Optional.empty(), StartFailure.explain(other));
        assertEquals("something else", StartFailure.innermost(other));
    }

    private static String saidOf(String url) {
        return saidOf(url, said -> { });
    }

    /**
     * What a start with {@code url} as the database's address says of it, checked to be what {@code db-init} and the
     * {@code command} given, if any, print alone as they exit 1; {@code whileSet} checks more while the address is set.
     */
    private static String saidOf(String url, Consumer<String> whileSet, String... command) {
        System.setProperty("quarkus.datasource.jdbc.url", url);
        try {
            String start = explained(connect(url, "loopwise"));
            whileSet.accept(start);
            for (String[] run : command.length == 0 ? new String[][] {{"db-init"}} : new String[][] {{"db-init"}, command}) {
                CommandLineErrorsTest.Printed printed = CommandLineErrorsTest.run(run);
                assertEquals(1, printed.exit(), printed.err());
                assertEquals("loopwise: " + start, printed.err().strip());
            }
            return start;
        } finally {
            System.clearProperty("quarkus.datasource.jdbc.url");
        }
    }

    private static String explained(Throwable failure) {
        return StartFailure.explain(failure).orElseThrow(() -> new AssertionError("not explained", failure));
    }

    private static Throwable connect(String url, String user) {
        SQLException failure = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, "loopwise").close());
        return new RuntimeException("Failed to start quarkus", new IllegalStateException("Unable to obtain connection", failure));
    }
}
