package dev.loopwise.readme;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Whether two ways of writing a default mean the same value: {@code 2m} and {@code PT2M} are one duration, {@code 1.0}
 * and {@code 1} one number, and {@code ${user.home}} is README's {@code ~}.
 */
final class Defaults {
    private Defaults() {
    }

    static boolean same(String code, String readme, Class<?> type) {
        if (code == null || readme == null) {
            return code == null && readme == null;
        }
        String a = code.replace("${user.home}", "~").strip();
        String b = readme.replace("${user.home}", "~").strip();
        if (a.equals(b)) {
            return true;
        }
        if (type == Duration.class) {
            Duration first = duration(a);
            return first != null && first.equals(duration(b));
        }
        if (type == List.class) {
            return List.of(a.split("\\s*,\\s*")).equals(List.of(b.split("\\s*,\\s*")));
        }
        BigDecimal first = number(a);
        BigDecimal second = number(b);
        return first != null && second != null && first.compareTo(second) == 0;
    }

    /** A duration as Quarkus reads one: a number of seconds, 100ms, 30s, 2m, 6h, 1d, or ISO-8601; null if it is none. */
    static Duration duration(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        try {
            if (value.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            if (value.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.matches("\\d+d")) {
                return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.matches("(\\d+(\\.\\d+)?[hms])+")) {
                return Duration.parse("PT" + value);
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
