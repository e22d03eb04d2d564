package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServingFirstTest {

    @Test
    void backgroundCallWaitsForTheServingCallInFlightAndGoesOnWhenItEnds() throws Exception {
        ServingFirst rule = new ServingFirst(60_000);
        rule.servingStarted();
        CountDownLatch through = new CountDownLatch(1);
        Thread background = backgroundCall(rule, through);
        assertFalse(through.await(300, TimeUnit.MILLISECONDS), "a background call ran while a served answer was encoding");
        assertEquals(Thread.State.TIMED_WAITING, background.getState());

        rule.servingEnded();
        assertTrue(through.await(10, TimeUnit.SECONDS), "the background call still waited after serving ended");
        // The background thread begins its wait a little after the 300 ms above began: most of them, not all, are its own.
        assertTrue(rule.backgroundWaitSeconds() >= 0.2, "the wait was not counted: " + rule.backgroundWaitSeconds());
    }

    @Test
    void twoServingCallsInFlightKeepItWaitingUntilBothEnd() throws Exception {
        ServingFirst rule = new ServingFirst(60_000);
        rule.servingStarted();
        rule.servingStarted();
        CountDownLatch through = new CountDownLatch(1);
        backgroundCall(rule, through);
        rule.servingEnded();
        assertFalse(through.await(300, TimeUnit.MILLISECONDS), "it went on while one serving call was still in flight");
        rule.servingEnded();
        assertTrue(through.await(10, TimeUnit.SECONDS));
    }

    @Test
    void underEndlessServingTheBackgroundStillMovesAfterItsLongestWait() throws Exception {
        ServingFirst rule = new ServingFirst(50);
        rule.servingStarted(); // never ends
        long start = System.nanoTime();
        for (int call = 0; call < 3; call++) {
            rule.awaitServingDone();
        }
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 150, "three calls gave way for " + waitedMillis + " ms, less than 3 × 50 ms");
    }

    @Test
    void withNoServingOrTheRuleOffNothingWaits() {
        ServingFirst idle = new ServingFirst(60_000);
        idle.awaitServingDone();
        ServingFirst off = new ServingFirst(0);
        off.servingStarted();
        off.awaitServingDone(); // would hang for a minute if it waited
        assertEquals(0.0, off.backgroundWaitSeconds());
        assertThrows(IllegalArgumentException.class, () -> new ServingFirst(-1));
    }

    @Test
    void anEndWithoutItsStartIsRefusedRatherThanTurningTheRuleOff() {
        ServingFirst rule = new ServingFirst(60_000);
        assertThrows(IllegalStateException.class, rule::servingEnded);
        rule.servingStarted();
        assertEquals(1, rule.servingInFlight());
        rule.servingEnded();
        assertEquals(0, rule.servingInFlight());
    }

    /** A background call on its own thread, counting {@code through} down once it may run. */
    private static Thread backgroundCall(ServingFirst rule, CountDownLatch through) {
        Thread background = new Thread(() -> {
            rule.awaitServingDone();
            through.countDown();
        });
        background.start();
        return background;
    }
}
