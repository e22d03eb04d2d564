package dev.loopwise.security.apikey;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.cli.support.DatabaseCommand;
import dev.loopwise.cli.support.DirectDatabase;
import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.CommandLineMessages;
import dev.loopwise.common.Messages;
import dev.loopwise.security.NewApiKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopwise api-key create --user NAME}: prints one new key, alone on stdout, for automation. The key
 * acts with the user's roles: a service account's key for a helpdesk, an admin's for replays and benchmarks.
 */
@Command(name = "api-key", description = "Manage API keys.", subcommands = ApiKeyCommand.Create.class)
public class ApiKeyCommand {

    @Command(name = "create", description = "Create an API key for a user and print it (and nothing else) on stdout.")
    public static class Create extends DatabaseCommand {
        @Option(names = "--user", required = true, description = "The user the key acts for.")
        String username;

        @Option(names = "--name", description = "A label to recognise the key by, not one of the user's keys in use has"
                + " (default: 'command line', numbered when taken).")
        String name;

        @Option(names = "--requests-per-minute", description = "This key's own limit (0: none, e.g. for bench-serving);"
                + " without it LOOPWISE_SECURITY_API_REQUESTS_PER_MINUTE applies.")
        Integer requestsPerMinute;

        private static final String UNNAMED = "command line";

        /** Said in the option's own name, before the database is reached (the shared check names the API's field). */
        @Override
        protected void checkOptions() {
            if (requestsPerMinute != null && requestsPerMinute < 0) {
                throw new IllegalArgumentException(CommandLineMessages.outOfRange("--requests-per-minute", "0 (no limit) or more",
                        requestsPerMinute));
            }
            if (name != null && name.indexOf('\uFFFD') >= 0) {
                throw new IllegalArgumentException(CommandLineMessages.undecodedArgument("--name"));
            }
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException(CommandLineMessages.blankLabel("--name", name, "'" + UNNAMED + "' (numbered when taken)"));
            }
            int length = name == null ? 0 : name.strip().codePointCount(0, name.strip().length());
            if (length > NewApiKey.MAX_NAME) {
                throw new IllegalArgumentException(CommandLineMessages.labelTooLong("--name", length, NewApiKey.MAX_NAME));
            }
        }

        @Override
        protected int execute() {
            System.out.println(bean(ApiKeyService.class).create(username, name, UNNAMED, requestsPerMinute).secret());
            return 0;
        }

        /** The same key and audit entry as {@link ApiKeyService#create}, written without starting the application. */
        @Override
        public DirectDatabase.Work direct() {
            return connection -> {
                NewApiKey key = NewApiKey.issue(name, requestsPerMinute);
                long userId;
                // The account's row is the lock, as in ApiKeyService: two keys asked for at once would each find the name free.
                try (PreparedStatement find = connection.prepareStatement("select id, disabled_at from users where username = ? for update")) {
                    find.setString(1, username);
                    try (ResultSet row = find.executeQuery()) {
                        if (!row.next()) {
                            throw ApiException.badRequest("unknown_user", AccountMessages.unknownUser(username));
                        }
                        userId = row.getLong(1);
                        if (row.getObject(2) != null) {
                            throw ApiException.conflict("account_disabled", AccountMessages.keyForDisabledAccount(username));
                        }
                    }
                }
                Set<String> active = new HashSet<>();
                try (PreparedStatement names = connection.prepareStatement("select name from api_keys where user_id = ?"
                        + " and revoked_at is null")) {
                    names.setLong(1, userId);
                    try (ResultSet row = names.executeQuery()) {
                        while (row.next()) {
                            active.add(row.getString(1).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                String keyName = NewApiKey.nameAmong(name, UNNAMED, active, username);
                try (PreparedStatement insert = connection.prepareStatement("insert into api_keys (user_id, name, key_prefix, key_hash,"
                        + " created_at, requests_per_minute) values (?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, userId);
                    insert.setString(2, keyName);
                    insert.setString(3, key.prefix());
                    insert.setString(4, key.hash());
                    insert.setObject(5, OffsetDateTime.now());
                    insert.setObject(6, key.requestsPerMinute(), Types.INTEGER);
                    insert.executeUpdate();
                }
                AuditLog.recordDirect(connection, "key.create", NewApiKey.auditTarget(key.prefix(), username),
                        NewApiKey.auditDetails(keyName, key.requestsPerMinute()));
                return () -> {
                    System.out.println(key.secret());
                    return 0;
                };
            };
        }
    }
}
