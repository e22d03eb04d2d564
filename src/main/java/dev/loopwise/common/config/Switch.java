package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * An on/off setting. SmallRye Config reads any word it does not know as false, so LOOPWISE_SECURITY_TLS=ture left cookies
 * without Secure and LOOPWISE_PRIVACY_MASK_FOR_REVIEWERS=flase showed reviewers unmasked tickets, without a word: a word
 * that is neither on nor off stops the start instead.
 */
public final class Switch implements Converter<Boolean> {
    /** The words SmallRye Config reads as true, so that a value that started Loopwise before still does. */
    private static final Set<String> ON = Set.of("true", "1", "yes", "y", "on", "ja", "j", "si", "sim", "oui");
    /** Their opposites; any other word is a typo. */
    private static final Set<String> OFF = Set.of("false", "0", "no", "n", "off", "nein", "non", "nao", "n\u00E3o");

    @Override
    public Boolean convert(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (ON.contains(word)) {
            return true;
        }
        if (OFF.contains(word)) {
            return false;
        }
        throw new IllegalArgumentException(StartMessages.NOT_A_SWITCH);
    }
}
