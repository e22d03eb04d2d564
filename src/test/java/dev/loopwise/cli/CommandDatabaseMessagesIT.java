package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command that needs the database says one sentence on stderr when it cannot do its work, as the packaged application
 * runs it: no log line of the start before it (the pool's warning, the note that no admin exists yet). So does the
 * service when a setting stops its start.
 */
class CommandDatabaseMessagesIT {
    private static final String DATABASE = PackagedApp.DATABASE + "_cli_messages";

    @Test
    void anUnreachableDatabaseIsOneSentence() throws Exception {
        // Port 1: nothing listens there.
        PackagedApp.Result refused = PackagedApp.run(Map.of("LOOPWISE_DB_URL", "jdbc:postgresql://127.0.0.1:1/loopwise"),
                "api-key", "create", "--user", "admin");
        assertEquals(1, refused.exitCode(), refused.stderr());
        // It came after "WARN [io.ag.pool] Datasource '<default>': Connection to 127.0.0.1:1 refused. Check that the hostname...".
        assertTrue(refused.stderr().startsWith("loopwise: PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:1/loopwise"),
                refused.stderr());
        assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());
    }

    @Test
    void aKeyForNoSuchUserInANewDatabaseIsOneSentence() throws Exception {
        dropDatabase();
        Map<String, String> env = Map.of("LOOPWISE_DB_URL", PackagedApp.SERVER + DATABASE);
        try {
            assertEquals(0, PackagedApp.run(env, "db-init").exitCode());
            // The schema is not there yet: the command starts the application, which creates it.
            PackagedApp.Result unknown = PackagedApp.run(env, "api-key", "create", "--user", "nobody");
            assertEquals(2, unknown.exitCode(), unknown.stderr());
            // It came after "WARN [de.lo.se.us.AdminBootstrap] No admin account exists. Set LOOPWISE_SECURITY_ADMIN_PASSWORD ... and restart".
            assertEquals("loopwise: No user named 'nobody'.", unknown.stderr().strip());
        } finally {
            dropDatabase();
        }
    }

    @Test
    void aServiceRefusingASettingSaysOneSentence() throws Exception {
        // Refused before a port is taken or the database is read.
        Map<String, String> env = new HashMap<>(PackagedApp.environment(0));
        env.put("LOOPWISE_SERVING_MAX_BATCH", "-5");
        PackagedApp.Result refused = PackagedApp.run(env, "serve");
        assertEquals(1, refused.exitCode(), refused.stderr());
        // Hibernate's start-up notes ("HHH000001: Hibernate ORM core version ...") used to come first, seventeen lines.
        assertEquals("loopwise: LOOPWISE_SERVING_MAX_BATCH is '-5', which Loopwise cannot use (a whole number of requests from"
                + " 1 to 1024 is expected): correct it and start again.", (refused.stdout() + refused.stderr()).strip());
    }

    @Test
    void mistypedSettingsNameTheVariableTheOperatorWrote() throws Exception {
        // Each started without a word (a random port, cookies without Secure) or stopped with a trace naming
        // QUARKUS_HTTP_PORT or none at all.
        Map<String, String> refusals = Map.of(
                "LOOPWISE_PORT=70000", "a port from 1 to 65535 is expected, such as 8080; 0 takes any free one",
                "LOOPWISE_PORT=-1", "a port from 1 to 65535 is expected, such as 8080; 0 takes any free one",
                "LOOPWISE_DB_POOL_SIZE=0", "a whole number of connections from 1 to 10000 is expected",
                "LOOPWISE_SECURITY_TLS=ture", "true or false is expected");
        for (var refusal : refusals.entrySet()) {
            String[] setting = refusal.getKey().split("=", 2);
            Map<String, String> env = new HashMap<>(PackagedApp.environment(0));
            env.put(setting[0], setting[1]);
            PackagedApp.Result refused = PackagedApp.run(env, "serve");
            assertEquals(1, refused.exitCode(), refused.stderr());
            assertEquals("loopwise: " + setting[0] + " is '" + setting[1] + "', which Loopwise cannot use (" + refusal.getValue()
                    + "): correct it and start again.", (refused.stdout() + refused.stderr()).strip());
        }
    }

    private static void dropDatabase() throws Exception {
        try (Connection admin = PackagedApp.superuser(); Statement drop = admin.createStatement()) {
            drop.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }
}
