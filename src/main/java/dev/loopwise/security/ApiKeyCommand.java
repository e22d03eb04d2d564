package dev.loopwise.security;

import dev.loopwise.cli.support.DatabaseCommand;
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

        @Option(names = "--name", defaultValue = "command line", description = "A label to recognise the key by.")
        String name;

        @Option(names = "--requests-per-minute", description = "This key's own limit (0: none, e.g. for bench-serving);"
                + " without it LOOPWISE_SECURITY_API_REQUESTS_PER_MINUTE applies.")
        Integer requestsPerMinute;

        @Override
        protected int execute() {
            System.out.println(bean(ApiKeyService.class).create(username, name, requestsPerMinute).secret());
            return 0;
        }
    }
}
