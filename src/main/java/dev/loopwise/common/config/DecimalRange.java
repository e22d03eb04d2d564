package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A decimal setting held to the range that makes sense, checked when Loopwise starts: a negative drift threshold alarmed at
 * every check, a KL strength of 0 divided by zero in every round and a sampling temperature of -1 drafted nothing, each long
 * after a start that looked fine. The start names the setting and the value (see {@code StartFailure}).
 */
public abstract class DecimalRange implements Converter<Double> {
    private final double least;
    private final double most;
    private final boolean leastIncluded;
    private final boolean mostIncluded;
    private final String expected;

    protected DecimalRange(double least, boolean leastIncluded, double most, boolean mostIncluded, String expected) {
        this.least = least;
        this.leastIncluded = leastIncluded;
        this.most = most;
        this.mostIncluded = mostIncluded;
        this.expected = expected;
    }

    /** What each range's own {@code convert} answers: SmallRye Config checks the return type declared on the converter's class. */
    protected Double check(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
        // NaN fails every comparison, so it is refused too.
        boolean aboveLeast = leastIncluded ? number >= least : number > least;
        boolean belowMost = mostIncluded ? number <= most : number < most;
        if (!(aboveLeast && belowMost)) {
            throw new IllegalArgumentException(expected);
        }
        return number;
    }

    /** A threshold, weight or bound that is 0 or more: below 0 it alarms, weighs or passes the opposite way. */
    public static final class ZeroOrMore extends DecimalRange {
        public ZeroOrMore() {
            super(0, true, 1_000_000, true, StartMessages.NOT_ZERO_OR_MORE);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }

    /** A strength or temperature that divides: 0 divides by zero, below it turns the choice upside down. */
    public static final class AboveZero extends DecimalRange {
        public AboveZero() {
            super(0, false, 1_000_000, true, StartMessages.NOT_A_NUMBER_ABOVE_ZERO);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }

    /** A p-value or a quantile: at 0 nothing is ever below it, at 1 everything is. */
    public static final class Level extends DecimalRange {
        public Level() {
            super(0, false, 1, false, StartMessages.NOT_A_LEVEL);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }

    /** An LLM's sampling temperature, the range the admin page's LLM form takes too. */
    public static final class Temperature extends DecimalRange {
        public Temperature() {
            super(0, true, 2, true, StartMessages.NOT_A_TEMPERATURE);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }

    /** A cosine similarity, which is never below -1 nor above 1. */
    public static final class Cosine extends DecimalRange {
        public Cosine() {
            super(-1, true, 1, true, StartMessages.NOT_A_COSINE);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }
}
