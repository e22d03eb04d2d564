package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.loopwise.common.LifecycleMessages;
import org.junit.jupiter.api.Test;

/** The audit trail names each regime in the Train form's words, so every regime the form offers has some. */
class RegimeWordsTest {
    @Test
    void everyRegimeHasWordsOfItsOwn() {
        for (String regime : IntentRegime.CHOICES) {
            assertNotEquals(regime, LifecycleMessages.regimeWords(regime), regime);
        }
        assertEquals("automatic", LifecycleMessages.regimeWords(null));
        assertEquals("something-new", LifecycleMessages.regimeWords("something-new"));
    }
}
