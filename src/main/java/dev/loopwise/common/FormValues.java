package dev.loopwise.common;

import java.util.List;
import java.util.Locale;

/**
 * Values of form fields and query parameters that choose between a few options, read strictly: "Accept" for
 * "accept" or "yes" for "true" is refused with a 400 naming the field and its options, because reading anything
 * unknown as the default would quietly do the opposite of what the sender meant (re-enable an account, discard a
 * rewrite, skip a check).
 */
public final class FormValues {
    private FormValues() {
    }

    /** {@code value} if it is one of {@code options}; {@code null} stays null (the field was not sent). */
    public static String oneOf(String field, String value, String... options) {
        if (value == null || List.of(options).contains(value)) {
            return value;
        }
        throw ApiException.badRequest("validation_failed", Messages.notOneOf(field, value, options));
    }

    /** "true" or "false" in any case; {@code absent} when the field was not sent. */
    public static boolean bool(String field, String value, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return Boolean.parseBoolean(oneOf(field, value.toLowerCase(Locale.ROOT), "true", "false"));
    }
}
