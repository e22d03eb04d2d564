package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/** A size in bytes as Quarkus reads it ({@code 10M}); {@code 10MB} or {@code 10 M} would stop the start naming no setting. */
public final class BodySize implements Converter<String> {
    private static final Pattern SIZE = Pattern.compile("[0-9]+[BbKkMmGgTtPpEeZzYy]?");

    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        String size = value.strip();
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException(StartMessages.NOT_A_SIZE);
        }
        return size;
    }
}
