package dev.loopwise.common.http;

import dev.loopwise.common.StartMessages;
import io.quarkus.runtime.configuration.MemorySizeConverter;

/**
 * The largest request body a running Loopwise takes ({@code LOOPWISE_MAX_BODY_SIZE}, 10 MB unless set), as a command that
 * sends it a file reads the same setting: a file over it is refused before it is read whole and sent, only to come back
 * as a 413 once every byte has crossed the network.
 */
public final class BodyLimit {
    public static final String VARIABLE = "LOOPWISE_MAX_BODY_SIZE";
    private static final String DEFAULT = "10M";

    private BodyLimit() {
    }

    /** The limit in bytes from the setting's value ({@code 10M}, {@code 512K}); left out or empty, the server's default. */
    public static long bytes(String setting) {
        String size = setting == null || setting.isBlank() ? DEFAULT : setting.strip();
        if (!size.matches("[0-9]+[BbKkMmGgTtPpEeZzYy]?")) {
            throw new IllegalArgumentException(VARIABLE + " is '" + setting + "': " + StartMessages.NOT_A_SIZE + ".");
        }
        return new MemorySizeConverter().convert(size).asLongValue();
    }

    /** The limit as the upload pages state it, "10 MB". */
    public static String size(long bytes) {
        return PayloadLimit.describe(bytes);
    }
}
