package dev.loopwise.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a {@code Retry-After} header asks to wait, read as RFC 9110 §10.2.3 has servers write it: a number of seconds,
 * or an HTTP date in any of the three forms a recipient must accept (§5.6.7).
 */
final class RetryAfter {
    /** The preferred form without its weekday: {@code 2 Mar 2026 10:00:12 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** RFC 850's, {@code 02-Mar-26 10:00:12 GMT}: two-digit years are read as 1970 to 2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** C's asctime(), {@code Mar 2 10:00:12 2026} once its spaces are single. */
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d HH:mm:ss uuuu").toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Seconds past any cap: longer numbers are read as this, and never added to a time. */
    private static final int MAX_DIGITS = 18;

    private RetryAfter() {
    }

    /**
     * The wait {@code value} asks for: its seconds, or the time from the response's {@code date} (the server's clock; the
     * local {@code now} when it sent none or it cannot be read) to the date it names, negative when that is past; empty
     * when the value cannot be read.
     */
    static Optional<Duration> asked(String value, String date, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = text.replaceFirst("^0+", "");
            return Optional.of(Duration.ofSeconds(digits.isEmpty() ? 0
                    : digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits)));
        }
        return httpDate(text).map(at -> Duration.between(httpDate(date).orElse(now), at));
    }

    /**
     * An HTTP date in any of its three forms. Its weekday is left unread: a server that names the wrong one still means
     * the date.
     */
    static Optional<Instant> httpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip().replaceFirst("^[A-Za-z]+(,\\s*|\\s+(?=[A-Za-z]{3}\\s))", "").replaceAll("\\s+", " ");
        for (DateTimeFormatter form : List.of(IMF_FIXDATE, RFC_850, ASCTIME)) {
            try {
                return Optional.of(form.parse(text, Instant::from));
            } catch (DateTimeParseException e) {
                // not this form: the next one may be it
            }
        }
        return Optional.empty();
    }
}
