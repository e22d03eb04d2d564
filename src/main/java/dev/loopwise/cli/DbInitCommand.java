package dev.loopwise.cli;

import dev.loopwise.cli.support.DatabaseSettings;
import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.common.StartMessages;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Makes sure the configured PostgreSQL role and database exist, creating them through a superuser
 * connection when one is allowed. Exit 0: ready. Exit 3: a superuser must run the SQL printed on
 * stdout (the launcher tries {@code psql} as the local {@code postgres} user). Exit 1: an address the driver does not
 * take, a server unreachable or a password refused.
 */
@Command(name = "db-init", description = {"Create the configured database and role if they are missing.",
        "Exit code 0: the database answers (or was just created). 1: the address is not a PostgreSQL one, PostgreSQL cannot be"
                + " reached, or it refused the password; stderr"
                + " says which. 3: the database is missing and no superuser could create it: the SQL to run as one is printed on stdout, one"
                + " statement a line (./loopwise serve and demo run it with psql as the postgres user when they can)."})
public class DbInitCommand implements Callable<Integer> {
    static final int NEEDS_SUPERUSER = 3;
    /** As every start-up message of the service and the commands begins, so that the launcher's output says whose it is. */
    private static final String PREFIX = "loopwise: ";

    @Override
    public Integer call() throws SQLException {
        DatabaseSettings db = DatabaseSettings.fromEnvironment();
        Optional<String> unusable = StartFailure.unusableAddress();
        if (unusable.isPresent()) {
            System.err.println(PREFIX + unusable.get());
            return 1;
        }
        try (Connection ignored = connect(db.url(), db.username(), db.password())) {
            return 0;
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08")) {
                System.err.println(PREFIX + StartMessages.databaseUnreachable(db.url(), DatabaseSettings.urlSetting()));
                return 1;
            }
            if (state.equals("28P01")) {
                System.err.println(PREFIX + StartMessages.passwordRefused(db.username(), DatabaseSettings.passwordSetting()));
                return 1;
            }
        }
        try (Connection admin = connect(db.serverUrl("postgres"), db.adminUsername(), db.adminPassword())) {
            for (String statement : db.creationSql(admin)) {
                admin.createStatement().execute(statement);
            }
            System.err.println(PREFIX + "Created PostgreSQL role and database '" + db.database() + "'.");
            return 0;
        } catch (SQLException e) {
            // One statement per line; the launcher runs each and ignores "already exists".
            db.creationSql(null).forEach(System.out::println);
            return NEEDS_SUPERUSER;
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }
}
