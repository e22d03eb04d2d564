package dev.loopwise.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import dev.loopwise.cli.support.DirectDatabase;
import dev.loopwise.common.ApiException;
import dev.loopwise.security.apikey.ApiKey;
import dev.loopwise.security.apikey.ApiKeyCommand;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserCommand;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code api-key create} and {@code user add} write on a plain connection when the schema is current: what they
 * write must be what the services write — a key the application accepts, an account it signs in, the same audit entry.
 */
@QuarkusTest
class DirectCommandTest {
    @Inject
    ApiKeyService keys;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void aKeyCreatedDirectlyActsForItsUserAndIsAudited() throws Exception {
        String out = withDatabase(url, () -> {
            ApiKeyCommand.Create create = keyCommand("create", "--user", "admin", "--name", " nightly ", "--requests-per-minute", "0");
            return stdout(() -> assertEquals(Optional.of(0), DirectDatabase.run(create.direct())));
        });
        String secret = out.strip();
        assertTrue(secret.matches("lw_[A-Za-z0-9_-]{43}"), out);
        ApiKeyService.KeyUse use = QuarkusTransaction.requiringNew().call(() -> keys.authenticate(secret).orElseThrow());
        assertEquals("admin", use.user().username);
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(use.keyId()));
        assertEquals("nightly", key.name);
        assertEquals(0, key.requestsPerMinute);
        AuditEvent event = auditOf(NewApiKey.auditTarget(key.prefix, "admin"));
        assertEquals("key.create", event.action);
        assertEquals("system", event.actor);
        assertEquals(NewApiKey.auditDetails("nightly", 0), event.details);

        ApiException taken = assertThrows(ApiException.class, () -> withDatabase(url,
                () -> DirectDatabase.run(keyCommand("create", "--user", "admin", "--name", "Nightly").direct())));
        assertEquals("key_name_taken", taken.code);
        String unnamed = withDatabase(url, () -> stdout(() -> DirectDatabase.run(keyCommand("create", "--user", "reviewer2").direct())));
        String again = withDatabase(url, () -> stdout(() -> DirectDatabase.run(keyCommand("create", "--user", "reviewer2").direct())));
        String firstName = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keys.authenticate(unnamed.strip())
                .orElseThrow().keyId()).name);
        String secondName = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(keys.authenticate(again.strip())
                .orElseThrow().keyId()).name);
        assertTrue(firstName.startsWith("command line") && secondName.startsWith("command line ") && !secondName.equals(firstName),
                firstName + " / " + secondName);

        ApiException unknown = assertThrows(ApiException.class, () -> withDatabase(url,
                () -> DirectDatabase.run(keyCommand("create", "--user", "nobody-here").direct())));
        assertTrue(unknown.getMessage().contains("No user named 'nobody-here'"), unknown.getMessage());
    }

    @Test
    void anAccountAddedDirectlySignsInAndObeysTheSameRules() throws Exception {
        String name = "direct" + System.nanoTime() % 1_000_000;
        withDatabase(url, () -> withStdin("a long enough secret\n",
                () -> DirectDatabase.run(userCommand("add", name, "--role", "reviewer", "--password-stdin").direct())));
        User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).orElseThrow());
        assertEquals("reviewer", user.roles);
        assertEquals(name, user.displayName);
        assertTrue(BcryptUtil.matches("a long enough secret", user.passwordHash));
        AuditEvent event = auditOf("account " + name);
        assertEquals("user.add", event.action);
        assertEquals("reviewer", event.details.get("roles"));

        ApiException taken = assertThrows(ApiException.class, () -> withDatabase(url, () -> withStdin("another long secret\n",
                () -> DirectDatabase.run(userCommand("add", name, "--password-stdin").direct()))));
        assertTrue(taken.getMessage().contains("already taken"), taken.getMessage());
        ApiException weak = assertThrows(ApiException.class, () -> withDatabase(url, () -> withStdin("short\n",
                () -> DirectDatabase.run(userCommand("add", name + "x", "--password-stdin").direct()))));
        assertTrue(weak.getMessage().contains("at least 10 characters"), weak.getMessage());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> User.count("username", name + "x")));
    }

    @Test
    void aKeyNameTheShellCouldNotPassAsTextIsRefusedNotStoredWithReplacementMarks() throws Exception {
        // "Clé" typed under LANG=C reaches Java as "Cl" and two replacement marks, and was stored so.
        long before = QuarkusTransaction.requiringNew().call(() -> ApiKey.count());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> withDatabase(url,
                () -> keyCommand("create", "--user", "admin", "--name", "Cl\uFFFD\uFFFD nightly").call()));
        assertTrue(refused.getMessage().startsWith("--name holds characters that arrived as replacement marks")
                && refused.getMessage().contains("LANG=C.UTF-8"), refused.getMessage());
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ApiKey.count()));
    }

    @Test
    void aPasswordOnStdinThatIsNotUtf8IsRefusedAndAnEditorsMarkIsNotPartOfIt() throws Exception {
        String name = "stdin" + System.nanoTime() % 1_000_000;
        byte[] latin1 = "caf\u00e9 au lait secret\n".getBytes(StandardCharsets.ISO_8859_1);
        ApiException refused = assertThrows(ApiException.class, () -> withDatabase(url, () -> withStdin(latin1,
                () -> DirectDatabase.run(userCommand("add", name, "--password-stdin").direct()))));
        assertEquals("invalid_password", refused.code);
        assertTrue(refused.getMessage().contains("not UTF-8"), refused.getMessage());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> User.count("username", name)));

        withDatabase(url, () -> withStdin("\uFEFFcaf\u00e9 au lait secret\r\n".getBytes(StandardCharsets.UTF_8),
                () -> DirectDatabase.run(userCommand("add", name, "--password-stdin").direct())));
        User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).orElseThrow());
        assertTrue(BcryptUtil.matches("caf\u00e9 au lait secret", user.passwordHash));
        QuarkusTransaction.requiringNew().run(() -> User.delete("username", name));
    }

    @Test
    void aDatabaseWithoutTheNewestMigrationStartsTheApplicationInstead() throws Exception {
        int newest;
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            newest = files.map(f -> f.getFileName().toString()).filter(f -> f.matches("V\\d+__.*\\.sql"))
                    .mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__")))).max().orElseThrow();
        }
        assertEquals(newest, DirectDatabase.newestMigration().orElseThrow());
        // The server's maintenance database has no Flyway history: nothing is written there, the caller boots instead.
        String elsewhere = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        long before = QuarkusTransaction.requiringNew().call(() -> ApiKey.count());
        assertEquals(Optional.empty(), withDatabase(elsewhere,
                () -> DirectDatabase.run(keyCommand("create", "--user", "admin").direct())));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ApiKey.count()));
    }

    /** The entry this test's own key or account left: the newest entry of all may come from a scheduler meanwhile. */
    private static AuditEvent auditOf(String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("target = ?1 order by id desc", target)
                .firstResult());
    }

    private static ApiKeyCommand.Create keyCommand(String... args) {
        return (ApiKeyCommand.Create) new CommandLine(new ApiKeyCommand()).parseArgs(args).subcommand().commandSpec().userObject();
    }

    private static UserCommand.Add userCommand(String... args) {
        return (UserCommand.Add) new CommandLine(new UserCommand()).parseArgs(args).subcommand().commandSpec().userObject();
    }

    /** The direct path reads the datasource as the launcher's JVM would, before any configuration exists. */
    private static <T> T withDatabase(String jdbcUrl, Callable<T> work) throws Exception {
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
        try {
            return work.call();
        } finally {
            System.clearProperty("quarkus.datasource.jdbc.url");
        }
    }

    private static <T> T withStdin(String text, Callable<T> work) throws Exception {
        return withStdin(text.getBytes(StandardCharsets.UTF_8), work);
    }

    private static <T> T withStdin(byte[] bytes, Callable<T> work) throws Exception {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(bytes));
        try {
            return work.call();
        } finally {
            System.setIn(original);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String stdout(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
