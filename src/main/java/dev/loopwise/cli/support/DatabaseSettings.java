package dev.loopwise.cli.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.Driver;

/**
 * The datasource as application.properties resolves it, read before the application starts:
 * {@code QUARKUS_DATASOURCE_*} wins over {@code LOOPWISE_DB_*}, which wins over the defaults.
 */
public record DatabaseSettings(String url, String username, String password, String adminUsername, String adminPassword) {

    public static DatabaseSettings fromEnvironment() {
        return new DatabaseSettings(
                setting("QUARKUS_DATASOURCE_JDBC_URL", "LOOPWISE_DB_URL", "jdbc:postgresql://localhost:5432/loopwise"),
                setting("QUARKUS_DATASOURCE_USERNAME", "LOOPWISE_DB_USER", "loopwise"),
                setting("QUARKUS_DATASOURCE_PASSWORD", "LOOPWISE_DB_PASSWORD", "loopwise"),
                setting("LOOPWISE_DB_ADMIN_USER", "PGUSER", "postgres"),
                setting("LOOPWISE_DB_ADMIN_PASSWORD", "PGPASSWORD", null));
    }

    private static String setting(String first, String second, String fallback) {
        // A system property (-Dquarkus.datasource.jdbc.url=...) wins over the environment, as in the application.
        String value = System.getProperty(first.toLowerCase(Locale.ROOT).replace("jdbc_url", "jdbc.url").replace('_', '.'));
        if (value == null || value.isBlank()) {
            value = System.getenv(first);
        }
        if (value == null || value.isBlank()) {
            value = System.getenv(second);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The variable to name when the URL must change: the one in effect, as {@link #setting} reads them. */
    public static String urlSetting() {
        return settingName("QUARKUS_DATASOURCE_JDBC_URL", "LOOPWISE_DB_URL");
    }

    public static String userSetting() {
        return settingName("QUARKUS_DATASOURCE_USERNAME", "LOOPWISE_DB_USER");
    }

    public static String passwordSetting() {
        return settingName("QUARKUS_DATASOURCE_PASSWORD", "LOOPWISE_DB_PASSWORD");
    }

    private static String settingName(String first, String second) {
        String value = System.getenv(first);
        // Setting LOOPWISE_DB_* would change nothing while QUARKUS_DATASOURCE_* is set, so that is the one to correct.
        return value == null || value.isBlank() ? second : first;
    }

    /**
     * Whether the PostgreSQL driver takes {@code url} at all: not a hosting service's postgres://..., nor an address
     * with USER:PASSWORD@ before the host, which the driver reads as part of the host or the port (and then names in a
     * warning). That one is refused before the driver sees it; for the rest the driver's own parser decides, so that no
     * address it refuses is taken for a server that is down.
     */
    public static boolean isPostgresAddress(String url) {
        return url.startsWith("jdbc:postgresql:") && !url.replaceFirst("[?#].*", "").contains("@")
                && Driver.parseURL(url, null) != null;
    }

    public String database() {
        String path = URI.create(url.substring("jdbc:".length())).getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The same server, another database (the superuser connects to {@code postgres}). */
    public String serverUrl(String otherDatabase) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getAuthority() + "/" + otherDatabase;
    }

    /** What a superuser must run; with a connection, only what is actually missing. */
    public List<String> creationSql(Connection admin) throws SQLException {
        List<String> sql = new ArrayList<>();
        if (admin == null || !exists(admin, "select 1 from pg_roles where rolname = ?", username)) {
            sql.add("CREATE ROLE " + identifier(username) + " LOGIN PASSWORD " + literal(password));
        }
        if (admin == null || !exists(admin, "select 1 from pg_database where datname = ?", database())) {
            sql.add("CREATE DATABASE " + identifier(database()) + " OWNER " + identifier(username));
        }
        return sql;
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        // Plain names stay unquoted so the statement can be pasted inside a shell's double quotes.
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
