package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A share of items, calls or tickets, checked when Loopwise starts: a negative traffic share failed every refill, a circuit
 * failure ratio of 1.5 is one the fault-tolerance library refuses when the LLM connection is built, and a held-out share of
 * 0 had every round refused, each long after a start that looked fine. The start names the setting and the value (see
 * {@code StartFailure}).
 */
public abstract class Share implements Converter<Double> {
    private final double least;
    private final double most;
    private final boolean endsIncluded;
    private final String expected;

    /** From {@code least} to {@code most}, both included or both left out. */
    protected Share(double least, double most, boolean endsIncluded, String expected) {
        this.least = least;
        this.most = most;
        this.endsIncluded = endsIncluded;
        this.expected = expected;
    }

    /** What each share's own {@code convert} answers: SmallRye Config checks the return type declared on the converter's class. */
    protected Double check(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        double share;
        try {
            share = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
        // NaN fails every comparison, so it is refused too.
        if (!(endsIncluded ? share >= least && share <= most : share > least && share < most)) {
            throw new IllegalArgumentException(expected);
        }
        return share;
    }

    /** From 0 (never) to 1 (always). */
    public static final class Any extends Share {
        public Any() {
            super(0, 1, true, StartMessages.NOT_A_SHARE);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }

    /** Tickets kept aside to measure a round on: with none there is nothing to measure, with most nothing to learn from. */
    public static final class HeldOut extends Share {
        public HeldOut() {
            super(0, 0.9, false, StartMessages.NOT_A_HELD_OUT_SHARE);
        }

        @Override
        public Double convert(String value) {
            return check(value);
        }
    }
}
