package dev.loopwise.model.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regime names people type, and what {@code auto} picks at the edges of its rule. */
class IntentRegimeTest {

    @Test
    void storedAndSpokenNamesParseToOneName() {
        assertEquals(IntentRegime.PROTOTYPES, IntentRegime.parse("few_shot"));
        assertEquals(IntentRegime.PROTOTYPES, IntentRegime.parse(" Prototypes "));
        assertEquals(IntentRegime.LINEAR, IntentRegime.parse("trained"));
        assertEquals(IntentRegime.ZERO_SHOT, IntentRegime.parse("zero_shot"));
        assertEquals(IntentRegime.FINETUNE, IntentRegime.parse("fine-tune"));
        assertEquals(IntentRegime.AUTO, IntentRegime.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntentRegime.parse("magic"));
        assertTrue(e.getMessage().contains("auto, zero-shot, prototypes, linear, finetune"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntentTrainingConfig.defaults(1).withRegime("finetune"),
                "fine-tuning is not a regime on frozen vectors");
    }

    @Test
    void autoFollowsExamplesPerIntentAndWhetherFineTuningIsAllowed() {
        // (training texts, fewest per intent, median per intent, fine-tuning allowed, min for a trained head, min for fine-tuning)
        assertEquals(IntentRegime.ZERO_SHOT, IntentRegime.choose(0, 0, 0, true, 8, 20));
        assertEquals(IntentRegime.PROTOTYPES, IntentRegime.choose(40, 0, 4, true, 8, 20), "most intents have few examples");
        assertEquals(IntentRegime.PROTOTYPES, IntentRegime.choose(40, 7, 7, true, 8, 20));
        assertEquals(IntentRegime.LINEAR, IntentRegime.choose(400, 8, 8, true, 8, 20));
        assertEquals(IntentRegime.LINEAR, IntentRegime.choose(400, 2, 40, true, 8, 20),
                "one new intent with two examples does not turn the whole model to prototypes");
        assertEquals(IntentRegime.LINEAR, IntentRegime.choose(400, 0, 40, true, 8, 20), "nor one without any");
        assertEquals(IntentRegime.LINEAR, IntentRegime.choose(400, 19, 30, true, 8, 20), "fine-tuning needs every intent's examples");
        assertEquals(IntentRegime.FINETUNE, IntentRegime.choose(400, 20, 20, true, 8, 20));
        assertEquals(IntentRegime.LINEAR, IntentRegime.choose(400, 20, 20, false, 8, 20), "no budget for fine-tuning");
        assertEquals(IntentRegime.PROTOTYPES, IntentRegime.choose(40, 1, 1, true, 8, 1), "a pair needs two examples");
    }

    @Test
    void theMedianIsTheLowerMiddle() {
        assertEquals(0, IntentRegime.median(List.of()));
        assertEquals(3, IntentRegime.median(List.of(3)));
        assertEquals(3, IntentRegime.median(List.of(40, 3)));
        assertEquals(40, IntentRegime.median(List.of(2, 40, 50)));
        assertEquals(5, IntentRegime.median(List.of(50, 5, 1, 60)));
    }
}
