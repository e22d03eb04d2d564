package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A length of time that must be above zero: how often a job runs, how long a wait or a session lasts. The scheduler refuses
 * an interval of 0 with a trace that names no setting, and takes a negative one without a word; a timeout or a lifetime of
 * 0 would refuse every request or end every session at once. Checked when Loopwise starts, naming the setting (see
 * {@code StartFailure}); a value that is not a length of time at all gets the start's usual sentence for one.
 */
public final class PositiveDuration implements Converter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration duration = DurationConverter.parseDuration(value);
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(StartMessages.NOT_ABOVE_ZERO);
        }
        return duration;
    }
}
