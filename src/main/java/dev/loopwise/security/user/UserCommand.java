package dev.loopwise.security.user;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.cli.support.DatabaseCommand;
import dev.loopwise.cli.support.DirectDatabase;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.security.Role;
import dev.loopwise.security.SecurityConfig;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopwise user add NAME --role admin}: creates an account; the password is read, never passed as an argument. */
@Command(name = "user", description = "Manage user accounts.", subcommands = UserCommand.Add.class)
public class UserCommand {

    @Command(name = "add", description = "Add a user. The password is asked for, or read from stdin with --password-stdin"
            + " (a service account has none).")
    public static class Add extends DatabaseCommand {
        @Parameters(index = "0", description = "Username: lower-case letters, digits, '.', '_' or '-'.")
        String username;

        @Option(names = "--role", defaultValue = "reviewer",
                description = "admin, reviewer or service (a helpdesk integration: API keys only; default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean passwordFromStdin;

        @Override
        protected int execute() throws Exception {
            // A service account signs in with API keys only, so it needs no password.
            String password = Role.SERVICE.equals(role) ? null : readPassword();
            User user = bean(UserService.class).create(username, password, role, null);
            System.err.printf("Created %s with role %s.%n", user.username, user.roles);
            return 0;
        }

        /** The same account and audit entry as {@link UserService#create}, written without starting the application. */
        @Override
        public DirectDatabase.Work direct() {
            return connection -> {
                String password = Role.SERVICE.equals(role) ? null : readPassword();
                NewAccount account = NewAccount.of(username, password, role, null, SecurityConfig.minPasswordLengthBeforeStart());
                try (PreparedStatement insert = connection.prepareStatement("insert into users (username, display_name, password_hash,"
                        + " roles, created_at) values (?, ?, ?, ?, ?) on conflict (username) do nothing")) {
                    insert.setString(1, account.username());
                    insert.setString(2, account.displayName());
                    insert.setString(3, account.passwordHash());
                    insert.setString(4, account.roles());
                    insert.setObject(5, OffsetDateTime.now());
                    if (insert.executeUpdate() == 0) {
                        throw ApiException.conflict("username_taken", AccountMessages.usernameTaken(username));
                    }
                }
                AuditLog.recordDirect(connection, "user.add", account.auditTarget(), account.auditDetails());
                return () -> {
                    System.err.printf("Created %s with role %s.%n", account.username(), account.roles());
                    return 0;
                };
            };
        }

        private String readPassword() throws Exception {
            Console console = System.console();
            if (!passwordFromStdin && console != null) {
                return new String(console.readPassword("Password for %s: ", username));
            }
            return firstLine(System.in);
        }

        /**
         * Decoded strictly: a lenient decoder would store a password with replacement marks that no browser ever sends, and
         * the account could never sign in. An editor's byte order mark is dropped for the same reason.
         */
        static String firstLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b = in.read();
            if (b < 0) {
                return null;
            }
            for (; b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            String password;
            try {
                password = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
            } catch (CharacterCodingException e) {
                throw ApiException.badRequest("invalid_password", AccountMessages.PASSWORD_STDIN_NOT_UTF8);
            }
            return password.startsWith("\uFEFF") ? password.substring(1) : password;
        }
    }
}
