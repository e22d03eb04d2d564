package dev.loopwise.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
    /**
     * RFC 850's, {@code 02-Mar-26 10:00:12 GMT}, its two-digit year read first in 2000 to 2099 and then moved to the century
     * §5.6.7 asks for ({@link #rfc850}).
     */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH);
    /** How far ahead a two-digit year may lie before it is read as the past one with the same digits. */
    private static final int YEARS_AHEAD = 50;
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
        return httpDate(text, now).map(at -> Duration.between(httpDate(date, now).orElse(now), at));
    }

    /**
     * An HTTP date in any of its three forms. Its weekday is left unread: a server that names the wrong one still means
     * the date. A two-digit year is read against {@code now}, this recipient's clock, as RFC 9110 §5.6.7 says.
     */
    static Optional<Instant> httpDate(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip().replaceFirst("^[A-Za-z]+(,\\s*|\\s+(?=[A-Za-z]{3}\\s))", "").replaceAll("\\s+", " ");
        for (DateTimeFormatter form : List.of(IMF_FIXDATE, ASCTIME)) {
            try {
                return Optional.of(form.parse(text, Instant::from));
            } catch (DateTimeParseException e) {
                // not this form: the next one may be it
            }
        }
        try {
            return Optional.of(rfc850(LocalDateTime.parse(text, RFC_850), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The time an RFC 850 date with its year's last two digits {@code read} names: in the latest century that puts it no more
     * than 50 years after {@code now}, so a year more than 50 years ahead is the most recent past one with those digits.
     */
    private static Instant rfc850(LocalDateTime read, Instant now) {
        int nowYear = now.atOffset(ZoneOffset.UTC).getYear();
        // The year is chosen before it is set, and set once: 29 February moved to a year without one becomes the 28th, and
        // would stay the 28th when moved on to a year that has it. From the next century down: at most two steps, since a
        // century back is always at least 50 years behind.
        int year = Math.floorDiv(nowYear, 100) * 100 + 100 + read.getYear() % 100;
        LocalDateTime latest = now.atOffset(ZoneOffset.UTC).plusYears(YEARS_AHEAD).toLocalDateTime();
        while (year > latest.getYear() || year == latest.getYear() && read.withYear(year).isAfter(latest)) {
            year -= 100;
        }
        return read.withYear(year).toInstant(ZoneOffset.UTC);
    }
}
