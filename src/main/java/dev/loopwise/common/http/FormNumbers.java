package dev.loopwise.common.http;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.FormMessages;
import dev.loopwise.common.text.WholeNumbers;
import jakarta.ws.rs.core.Response.Status;

/**
 * Numbers typed into a page's form, read from the text as typed. A resource parameter declared as a number fails its
 * conversion before the resource runs, which ends on the bare error page with the form and everything typed in it gone;
 * read here, the page shows its form again with the values kept and the field named.
 */
public final class FormNumbers {
    private FormNumbers() {
    }

    /** A field's refusal, naming the field so the page can point at it. */
    public static final class Refused extends ApiException {
        public final String field;

        Refused(String field, String message) {
            super(Status.BAD_REQUEST, "bad_parameter", message);
            this.field = field;
        }
    }

    /** How a form labels a field and what it takes; {@code required}: an empty field is refused, not the default. */
    public record Field(String name, String label, boolean required) {
    }

    /**
     * The whole number typed, between {@code min} and {@code max}; {@code null} when the field is empty and not required.
     * {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE} bounds are not named (any whole number will do).
     */
    public static Long whole(Field field, String typed, long min, long max) {
        String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "" : FormMessages.between(min, max);
        String value = typed == null ? "" : typed;
        if (value.isBlank()) {
            return empty(field, true, range);
        }
        spaced(field, value);
        if (WholeNumbers.hasOtherDigits(value)) {
            throw new Refused(field.name(), FormMessages.otherDigits(field.label(), value));
        }
        if (!WholeNumbers.isWhole(value)) {
            throw new Refused(field.name(), FormValues.isDecimal(value) ? FormMessages.notWhole(field.label(), value, range)
                    : FormMessages.notANumber(field.label(), value, true, range, field.required()));
        }
        boolean negative = value.startsWith("-");
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException tooLong) {
            throw new Refused(field.name(), FormMessages.outOfRange(field.label(), value, true, range, negative));
        }
        if (n < min || n > max) {
            throw new Refused(field.name(), FormMessages.outOfRange(field.label(), value, true, range, n < min));
        }
        return n;
    }

    /** The number typed (a point for decimals), between {@code min} and {@code max}; {@code null} when empty and not required. */
    public static Double decimal(Field field, String typed, double min, double max) {
        String range = FormMessages.between(min, max);
        String value = typed == null ? "" : typed;
        if (value.isBlank()) {
            return empty(field, false, range);
        }
        spaced(field, value);
        if (WholeNumbers.hasOtherDigits(value)) {
            throw new Refused(field.name(), FormMessages.otherDigits(field.label(), value));
        }
        if (!FormValues.isDecimal(value)) {
            throw new Refused(field.name(), FormMessages.notANumber(field.label(), value, false, range, field.required()));
        }
        double n = Double.parseDouble(value);
        if (!(n >= min && n <= max)) {
            throw new Refused(field.name(), FormMessages.outOfRange(field.label(), value, false, range, !(n > max)));
        }
        return n;
    }

    private static void spaced(Field field, String value) {
        if (!value.equals(value.strip())) {
            throw new Refused(field.name(), FormMessages.spaces(field.label(), value));
        }
    }

    private static <T> T empty(Field field, boolean whole, String range) {
        if (field.required()) {
            throw new Refused(field.name(), FormMessages.missing(field.label(), whole, range));
        }
        return null;
    }
}
