package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A length of time where 0 means none: a cooldown, an undo window, how long a circuit stays open. A negative one was taken
 * without a word and read as none, or refused by the library it is handed to only when that is first used. Checked when
 * Loopwise starts, naming the setting (see {@code StartFailure}).
 */
public final class NonNegativeDuration implements Converter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration duration = DurationConverter.parseDuration(value);
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(StartMessages.NOT_ZERO_OR_LONGER);
        }
        return duration;
    }
}
