package dev.loopwise.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a background job whose instance went silent speaks of itself (a training, an alignment round, a knowledge import, a
 * replay): one sentence, so that every page and the API say it alike.
 */
public final class JobMessages {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private JobMessages() {
    }

    /**
     * A running job whose instance stopped sending heartbeats, as its progress line says it: {@code doing} is what that
     * instance does with it ("sending"), {@code soFar} how far it got ("150 of 1,500 tickets"), or null where no count is kept.
     */
    public static String silent(String doing, String soFar, OffsetDateTime lastHeard, OffsetDateTime failsAt) {
        return "no word from the instance " + doing + " it since " + CLOCK.format(lastHeard) + (soFar == null ? "" : ", after " + soFar)
                + " — it will be marked failed at about " + CLOCK.format(failsAt) + " if it does not come back";
    }

    /** A training or round not heard from, said on its own: until it ends, the version it would replace keeps answering. */
    public static String silentWhileServing(OffsetDateTime lastHeard, OffsetDateTime failsAt) {
        String said = silent("running", null, lastHeard, failsAt);
        return Character.toUpperCase(said.charAt(0)) + said.substring(1) + ". The active version keeps answering customers meanwhile.";
    }
}
