package dev.loopwise.common.runtime;

/**
 * Whether this process serves or runs one database command ({@code user add}, {@code api-key create}, ...).
 * A command boots the application for its beans and the schema, but must not load encoders and models,
 * start the serving pipeline or run scheduled jobs: it answers in seconds and exits, possibly beside a
 * running server.
 */
public final class RunMode {
    private static final String PROPERTY = "loopwise.command-mode";

    private RunMode() {
    }

    /** Called by a command before it boots the application. */
    public static void enterCommandMode() {
        System.setProperty(PROPERTY, "true");
        System.setProperty("quarkus.scheduler.enabled", "false");
    }

    public static boolean isCommand() {
        return Boolean.getBoolean(PROPERTY);
    }
}
