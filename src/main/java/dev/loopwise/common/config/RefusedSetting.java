package dev.loopwise.common.config;

/**
 * A setting whose value is fine alone but not beside another one (an overlap longer than half the passage), which no
 * converter can see. Thrown when Loopwise starts; the start says it in the same sentence as any other refused value, naming
 * the variable the operator wrote (see {@code StartFailure}).
 */
public final class RefusedSetting extends IllegalArgumentException {
    private final String property;
    private final String value;
    private final String expected;

    /** {@code property} as configured ({@code loopwise.knowledge.overlap-chars}), its value, and what is expected instead. */
    public RefusedSetting(String property, Object value, String expected) {
        super(property + "=" + value + ": " + expected);
        this.property = property;
        this.value = String.valueOf(value);
        this.expected = expected;
    }

    public String property() {
        return property;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
