package dev.loopwise.cli.support;

import dev.loopwise.common.runtime.RunMode;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A command that works on the configured database. Its first call starts the application without
 * the HTTP server (so it runs beside a live Loopwise), logging to stderr so stdout carries only the
 * command's answer; the application then parses the same arguments again and runs {@link #execute()}. A command
 * with a {@link #direct()} path skips all that when the schema is current.
 */
public abstract class DatabaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** The command line to run again inside the started application (picocli parses afresh on every execute). */
    private static volatile CommandLine relaunch;

    protected abstract int execute() throws Exception;

    /** Whether the command needs the served model and the serving pipeline (a benchmark does); others boot without them. */
    protected boolean servesRequests() {
        return false;
    }

    /**
     * The command's work on a plain connection, for a command that only writes a few rows through its feature's own
     * rules ({@link DirectDatabase}); null (the default) means the command needs the application.
     */
    protected DirectDatabase.Work direct() {
        return null;
    }

    /**
     * Refuses options that make no sense, before anything else: the settings below are system properties, which would
     * outlive a refusal in a process that goes on (a test run of the command line would start its application with
     * no HTTP).
     */
    protected void checkOptions() {
    }

    /** Settings this command needs besides the usual ones, as system properties set before the application starts. */
    protected void configure() {
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        if (Arc.container() != null && Arc.container().isRunning()) {
            return execute();
        }
        Optional<String> unusable = StartFailure.unusableAddress();
        if (unusable.isPresent()) {
            System.err.println("loopwise: " + unusable.get());
            return 1;
        }
        DirectDatabase.Work direct = direct();
        if (direct != null) {
            Optional<Integer> code = DirectDatabase.run(direct);
            if (code.isPresent()) {
                return code.get();
            }
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.log.console.stderr", "true");
        System.setProperty("quarkus.banner.enabled", "false");
        System.setProperty("quarkus.log.level", "WARN");
        // The pool's own warning of a database it cannot reach would come before the one sentence StartFailure says of it.
        System.setProperty("quarkus.log.category.\"io.agroal.pool\".level", "ERROR");
        System.setProperty("loopwise.demo.enabled", "false");
        if (!servesRequests()) {
            // A short-lived command must not load models, claim a queued training or round (it would die with the
            // command) nor run drift checks.
            RunMode.enterCommandMode();
        }
        configure();
        String[] args = spec.root().commandLine().getParseResult().originalArgs().toArray(String[]::new);
        relaunch = spec.root().commandLine();
        Quarkus.run(Application.class, (code, failure) -> {
            if (failure != null) {
                System.err.println("loopwise: " + StartFailure.explain(failure)
                        .orElseGet(() -> "could not start: " + StartFailure.innermost(failure)));
            }
            System.exit(failure != null ? 1 : code);
        }, args);
        return 0;
    }

    protected static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    /** Runs the command line inside the started application. */
    public static class Application implements QuarkusApplication {
        @Override
        public int run(String... args) {
            return relaunch.execute(args);
        }
    }
}
