package dev.loopwise.common.config;

import dev.loopwise.common.StartMessages;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A whole number setting held to the range that makes sense, checked when Loopwise starts: a retention of -5 months would
 * otherwise keep everything without a word, and one of 2,000,000,000 would stop its job at every run, months later, in a log
 * nobody reads. The start names the setting and the value (see {@code StartFailure}).
 */
public abstract class SettingRange implements Converter<Integer> {
    private final int least;
    private final int most;
    private final String expected;

    protected SettingRange(int least, int most, String unit) {
        this(least, most, unit, StartMessages.outOfRange(least, most, unit));
    }

    /** A range whose refusal is worded otherwise than "a whole number of ... from ... to ...". */
    protected SettingRange(int least, int most, String unit, String expected) {
        this.least = least;
        this.most = most;
        this.expected = expected;
    }

    /** What each range's own {@code convert} answers: SmallRye Config checks the return type declared on the converter's class. */
    protected Integer check(String value) {
        if (value.isBlank()) {
            return null; // set but empty: SmallRye then says so, and the start names the variable (StartFailure)
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
        if (number < least || number > most) {
            throw new IllegalArgumentException(expected);
        }
        return number;
    }

    /** Months kept, 0 keeping everything; a hundred years is past any retention policy. */
    public static final class Months extends SettingRange {
        public Months() {
            super(0, 1200, "months; 0 keeps everything");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Days kept, 0 keeping them as long as what holds them. */
    public static final class Days extends SettingRange {
        public Days() {
            super(0, 36500, "days; 0 keeps them");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Months made ahead of the current one; each is a table, so two years ahead is plenty. */
    public static final class MonthsAhead extends SettingRange {
        public MonthsAhead() {
            super(0, 24, "months");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Newest model versions kept whole, 0 keeping every one. */
    public static final class Versions extends SettingRange {
        public Versions() {
            super(0, 1_000_000, "versions; 0 keeps every one");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /**
     * The answering API's limits: at 0 or below every ticket is refused ("answers tickets of at most -5 characters") while
     * the start looks fine. Each reads as "from 1 to N".
     */
    public static final class TicketCharacters extends SettingRange {
        public TicketCharacters() {
            super(1, 1_000_000, "characters");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Messages of one chat-completions request. */
    public static final class ChatMessages extends SettingRange {
        public ChatMessages() {
            super(1, 1_000_000, "messages");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Characters across one chat-completions request's messages. */
    public static final class ChatCharacters extends SettingRange {
        public ChatCharacters() {
            super(1, 100_000_000, "characters");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Requests encoded together: 0 would encode none, and past a thousand a batch only waits longer. */
    public static final class Batch extends SettingRange {
        public Batch() {
            super(1, 1024, "requests");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Requests waiting for the encoder: 0 or below would refuse every one with 503. */
    public static final class Queue extends SettingRange {
        public Queue() {
            super(1, 1_000_000, "requests");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** The HTTP port; 0 takes any free one (Quarkus took -1 for that too, without a word). */
    public static final class Port extends SettingRange {
        public Port() {
            super(0, 65535, "", StartMessages.NOT_A_PORT);
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** Database connections pooled: at 0 the start stopped with a trace. */
    public static final class Pool extends SettingRange {
        public Pool() {
            super(1, 10_000, "connections");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** A count that is at least 1: how many failures lock, texts per call, requests per drift window, drafts per ticket. */
    public static final class Count extends SettingRange {
        public Count() {
            super(1, 1_000_000, "", StartMessages.NOT_A_COUNT);
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** A count where 0 means none or off: how many retries, passages, items kept ahead or set aside after skips. */
    public static final class CountOrZero extends SettingRange {
        public CountOrZero() {
            super(0, 1_000_000, "", StartMessages.NOT_A_COUNT_OR_ZERO);
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** A wait in milliseconds, 0 not waiting; an hour is past any wait that keeps work moving. */
    public static final class Millis extends SettingRange {
        public Millis() {
            super(0, 3_600_000, "milliseconds; 0 does not wait");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** How long one database statement may run before it is cancelled: a minute is past any a page should wait for. */
    public static final class StatementMillis extends SettingRange {
        public StatementMillis() {
            super(1, 60_000, "milliseconds");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }

    /** How long an idle instance waits for due jobs: Quartz stops the start with a trace below a second. */
    public static final class IdleWait extends SettingRange {
        public IdleWait() {
            super(1000, 3_600_000, "milliseconds");
        }

        @Override
        public Integer convert(String value) {
            return check(value);
        }
    }
}
