package dev.loopwise.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A refused or fruitless round that suggests importing preference pairs says where that is done: the Rounds page shows
 * the sentence, and no page imports them.
 */
class RoundMessagesTest {
    @Test
    void importingPreferencePairsNamesTheEndpoint() {
        assertTrue(LifecycleMessages.ROUND_NEEDS_JUDGEMENTS.contains("POST /api/v1/datasets/preferences"), LifecycleMessages.ROUND_NEEDS_JUDGEMENTS);
        assertTrue(LifecycleMessages.roundLearnsNothing(3).contains("POST /api/v1/datasets/preferences"), LifecycleMessages.roundLearnsNothing(3));
    }
}
