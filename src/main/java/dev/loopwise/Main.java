package dev.loopwise;

import dev.loopwise.cli.LoopwiseCommand;
import dev.loopwise.cli.support.StartFailure;
import dev.loopwise.common.StartMessages;
import dev.loopwise.common.http.HttpLayerErrors;
import dev.loopwise.common.runtime.DatabaseReadyNote;
import dev.loopwise.security.DemoHostFilter;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One jar, two faces: with no arguments (or {@code serve}/{@code demo}) it is the web service; with a
 * command it is the command line, which starts the application only for commands that need the database.
 */
@QuarkusMain
public class Main {
    // Held, as the log manager keeps loggers weakly. Hibernate's start-up notes are kept out of a normal start's log by
    // the framework's filter, which a start refused for a setting never installs: they would bury the one sentence.
    private static final Logger HIBERNATE = Logger.getLogger("org.hibernate");

    public static void main(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (startsService(args)) {
            Optional<String> unusable = StartFailure.unusableAddress();
            if (unusable.isPresent()) {
                System.err.println("loopwise: " + unusable.get());
                System.exit(1);
            }
            if (command.equals("demo")) {
                System.setProperty("quarkus.profile", "demo");
                // The demo's admin password is published: it answers this machine only, unless told where to listen
                // (the image says 0.0.0.0, as a container is reached through its published port).
                if (System.getProperty("quarkus.http.host") == null && System.getenv("QUARKUS_HTTP_HOST") == null) {
                    System.setProperty("quarkus.http.host", "127.0.0.1");
                    System.setProperty(DemoHostFilter.PROPERTY, "true");
                }
            }
            HIBERNATE.setLevel(Level.WARNING);
            DatabaseReadyNote.forgetIfStartFails();
            System.setProperty(HttpLayerErrors.HANDED_OVER, "true");
            Quarkus.run(null, Main::exit, args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(LoopwiseCommand.commandLine().execute(args));
    }

    /**
     * Quarkus' own answer to a failed start is a stack trace, with the one line that says what to fix far above it. A
     * failure a setting explains (the database, the port, the session key, a setting's value) gets that line alone, last;
     * any other its trace, then its innermost message.
     */
    static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            Optional<String> sentence = StartFailure.explain(failure);
            if (sentence.isEmpty()) {
                System.err.print(StartFailure.trace(failure));
            }
            System.err.println("loopwise: " + sentence.orElseGet(() -> StartMessages.couldNotStart(StartFailure.innermost(failure))));
            System.err.flush();
        }
        System.exit(code);
    }

    /**
     * {@code serve} and {@code demo} take no options: anything after them ({@code --help}, a typo) is answered as the
     * command line answers it, never by starting the service.
     */
    static boolean startsService(String... args) {
        return args.length == 0 || args.length == 1 && (args[0].equals("serve") || args[0].equals("demo"));
    }
}
