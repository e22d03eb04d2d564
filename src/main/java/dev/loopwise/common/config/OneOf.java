package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A setting that takes one of a few words, checked when Loopwise starts: LOOPWISE_ALIGNMENT_METHOD=dop used to start
 * without a word and refuse every round later. Each feature's words are a subclass beside its settings.
 */
public abstract class OneOf implements Converter<String> {
    private final List<String> words;

    protected OneOf(String... words) {
        this.words = List.of(words);
    }

    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (!words.contains(word)) {
            throw new IllegalArgumentException(StartMessages.oneOf(words));
        }
        return word;
    }
}
