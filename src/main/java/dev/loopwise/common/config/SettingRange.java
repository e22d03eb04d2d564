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
    private final String unit;

    protected SettingRange(int least, int most, String unit) {
        this.least = least;
        this.most = most;
        this.unit = unit;
    }

    /** What each range's own {@code convert} answers: SmallRye Config checks the return type declared on the converter's class. */
    protected Integer check(String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StartMessages.outOfRange(least, most, unit));
        }
        if (number < least || number > most) {
            throw new IllegalArgumentException(StartMessages.outOfRange(least, most, unit));
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
}
