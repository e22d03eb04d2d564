package dev.loopwise.cli;

import dev.loopwise.alignment.simulation.BenchGatesCommand;
import dev.loopwise.alignment.simulation.EvalRewardCommand;
import dev.loopwise.alignment.simulation.SimulateCommand;
import dev.loopwise.cli.support.HangingFooters;
import dev.loopwise.common.HttpMessages;
import dev.loopwise.knowledge.BenchRelatednessCommand;
import dev.loopwise.llm.LlmStandInCommand;
import dev.loopwise.model.encoder.BenchEncodersCommand;
import dev.loopwise.model.intent.EvalIntentsCommand;
import dev.loopwise.monitoring.replay.BenchDriftCommand;
import dev.loopwise.monitoring.replay.ReplayCommand;
import dev.loopwise.review.BenchReviewCommand;
import dev.loopwise.security.apikey.ApiKeyCommand;
import dev.loopwise.security.user.UserCommand;
import dev.loopwise.serving.BenchServingCommand;
import dev.loopwise.ticket.BenchImportCommand;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code loopwise} command line. {@code serve} and {@code demo} are handled before parsing (see Main). */
// Inherited: every command and subcommand answers --help (and --version) instead of "unknown option".
@Command(name = "loopwise", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Loopwise: the closed feedback loop for customer-support AI.",
        subcommands = {LoopwiseCommand.ServeCommand.class, LoopwiseCommand.DemoCommand.class, DbInitCommand.class, ApiKeyCommand.class,
                EvalIntentsCommand.class, BenchServingCommand.class, BenchReviewCommand.class, BenchHistoryCommand.class, SimulateCommand.class,
                EvalRewardCommand.class, BenchDriftCommand.class, BenchEncodersCommand.class, ReplayCommand.class, BenchGatesCommand.class,
                BenchRelatednessCommand.class, BenchImportCommand.class, UserCommand.class, LlmStandInCommand.class})
public class LoopwiseCommand {

    /**
     * The command line with Loopwise's error handling: a failure prints one sentence, never a stack trace, and an option
     * it cannot use one paragraph naming it, never the whole usage text.
     */
    public static CommandLine commandLine() {
        return HangingFooters.apply(OptionValues.withNumbersInWords(new CommandLine(new LoopwiseCommand())))
                .setParameterExceptionHandler(OptionValues::report)
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println("loopwise: " + sentence(failure));
                    return 2;
                });
    }

    /** Java's own message, or for those that have none (a refused connection) what happened in words. */
    static String sentence(Throwable thrown) {
        Throwable failure = thrown;
        // A failure on a worker thread arrives wrapped, its message only the cause's class name ("java.net.ConnectException").
        while ((failure instanceof ExecutionException || failure instanceof CompletionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        for (Throwable cause = failure; failure instanceof ConnectException && cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return HttpMessages.UNKNOWN_HOST;
            }
        }
        if (failure instanceof ConnectException) {
            return "no Loopwise answered at that address (the connection was refused): start it, or give --url";
        }
        // Java's HTTP client words it "HTTP/1.1 header parser received no bytes": a database's port, or TLS spoken to http://.
        if (failure instanceof IOException && failure.getClass() == IOException.class && failure.getMessage() != null
                && failure.getMessage().contains("received no bytes")) {
            return HttpMessages.NO_HTTP_ANSWER;
        }
        if (failure instanceof HttpTimeoutException) {
            return "Loopwise did not answer in time: " + failure.getMessage();
        }
        if (failure instanceof FileSystemException file) {
            // Java says only the path for these ("loopwise: scores/out.csv"), not what is wrong with it.
            return failure instanceof NoSuchFileException ? "no such file or folder: " + file.getFile()
                    : failure instanceof AccessDeniedException ? file.getFile() + ": permission denied"
                    : failure instanceof FileAlreadyExistsException ? file.getFile() + " exists already"
                    : file.getFile() + ": " + (file.getReason() == null ? failure.getClass().getSimpleName() : file.getReason());
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    @Command(name = "serve", description = "Start the web service (the default when no command is given).")
    static class ServeCommand implements Runnable {
        @Override
        public void run() {
            // Handled by Main before the command line is parsed; listed here for --help.
        }
    }

    @Command(name = "demo", description = "Start the web service with the demo workspace and demo accounts loaded.")
    static class DemoCommand implements Runnable {
        @Override
        public void run() {
            // Handled by Main before the command line is parsed; listed here for --help.
        }
    }
}
