package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.common.QueryMessages;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Values of form fields and query parameters that choose between a few options (or are typed numbers), read strictly: "Accept" for
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

    /**
     * Whether a typed number is written as people write one: digits, a point for decimals, perhaps an exponent (1e-3).
     * Java reads more than that — 0x1p3 (eight), 5d and 1f (a double's and a float's suffix), NaN, Infinity — and a form
     * field read that way saved a value nobody meant.
     */
    public static boolean isDecimal(String typed) {
        return DECIMAL.matcher(typed).matches();
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * An API query parameter's "true" or "false" in any case; {@code absent} when it was not sent. Sent empty
     * ({@code ?force=}) it is refused like any other value it does not take: a script whose variable came out empty meant
     * a choice, and the default might be the opposite of it.
     */
    public static boolean apiBool(String field, String value, boolean absent) {
        if (value != null && value.isEmpty()) {
            throw ApiException.badRequest("validation_failed", QueryMessages.emptyChoice(field, String.valueOf(absent), "true", "false"));
        }
        return bool(field, value, absent);
    }

    /** "true" or "false" in any case; {@code absent} when the field was not sent. */
    public static boolean bool(String field, String value, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return Boolean.parseBoolean(oneOf(field, value.toLowerCase(Locale.ROOT), "true", "false"));
    }
}
