package dev.loopwise.security;

import dev.loopwise.cli.support.DatabaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loopwise api-key create --user NAME}: prints one new key, alone on stdout, for automation. */
@Command(name = "api-key", description = "Manage API keys.", subcommands = ApiKeyCommand.Create.class)
public class ApiKeyCommand {

    @Command(name = "create", description = "Create an API key for a user and print it (and nothing else) on stdout.")
    public static class Create extends DatabaseCommand {
        @Option(names = "--user", required = true, description = "The user the key acts for.")
        String username;

        @Option(names = "--name", defaultValue = "command line", description = "A label to recognise the key by.")
        String name;

        @Override
        protected int execute() {
            System.out.println(bean(ApiKeyService.class).create(username, name).secret());
            return 0;
        }
    }
}
