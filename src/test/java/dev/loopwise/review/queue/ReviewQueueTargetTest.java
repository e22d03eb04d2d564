package dev.loopwise.review.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many open items the background job keeps ready, on hand-computed cases. */
class ReviewQueueTargetTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void quietTeamsGetTheConfiguredFloor() {
        assertEquals(40, ReviewQueueKeeper.target(40, 1000, 0, 0, TEN_SECONDS));
        // 60 judgements a minute use 20 items in two 10 s periods: fewer than the floor.
        assertEquals(40, ReviewQueueKeeper.target(40, 1000, 60, 0, TEN_SECONDS));
    }

    @Test
    void busyTeamsGetTwoPeriodsAtTheirPace() {
        // 50 reviewers at one judgement every 3 s: 1,000 a minute, 333.3 in two 10 s periods.
        assertEquals(334, ReviewQueueKeeper.target(40, 1000, 1000, 0, TEN_SECONDS));
        assertEquals(667, ReviewQueueKeeper.target(40, 1000, 1000, 0, Duration.ofSeconds(20)));
    }

    @Test
    void aTeamAtWorkGetsTwoItemsEach() {
        // 50 reviewers just started: nothing judged yet, 100 items so that none waits for the next one.
        assertEquals(100, ReviewQueueKeeper.target(40, 1000, 0, 50, TEN_SECONDS));
        // Their pace, once known, wins when it asks for more.
        assertEquals(334, ReviewQueueKeeper.target(40, 1000, 1000, 50, TEN_SECONDS));
    }

    @Test
    void theCeilingAndTheSwitchHold() {
        assertEquals(1000, ReviewQueueKeeper.target(40, 1000, 6000, 0, TEN_SECONDS));
        assertEquals(0, ReviewQueueKeeper.target(0, 1000, 6000, 0, TEN_SECONDS), "0 turns making items ahead off");
        assertEquals(40, ReviewQueueKeeper.target(40, 10, 6000, 0, TEN_SECONDS), "a ceiling under the floor gives way to it");
    }
}
