package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;

/**
 * A share of items, calls or tickets, checked when Loopwise starts: a negative traffic share failed every refill, a circuit
 * failure ratio of 1.5 is one the fault-tolerance library refuses when the LLM connection is built, and a held-out share of
 * 0 had every round refused, each long after a start that looked fine. The start names the setting and the value (see
 * {@code StartFailure}).
 */
public abstract class Share extends DecimalRange {
    /** From {@code least} to {@code most}, both included or both left out. */
    protected Share(double least, double most, boolean endsIncluded, String expected) {
        super(least, endsIncluded, most, endsIncluded, expected);
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
