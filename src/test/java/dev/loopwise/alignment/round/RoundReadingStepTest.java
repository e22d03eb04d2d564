package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.model.training.TrainingProgress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** While the thorough reward model gets going, the round page counts passes from 1, as people do. */
class RoundReadingStepTest {

    @Test
    void aStageBeforeTheFirstPassSaysSoInsteadOfPassZero() {
        assertEquals("Learning what reviewers prefer by reading the replies themselves (getting the replies ready)",
                RoundReward.readingStep(new TrainingProgress("tokenize", 0, 4, 3, 10, Map.of())));
        assertEquals("Learning what reviewers prefer by reading the replies themselves (pass 2 of 4)",
                RoundReward.readingStep(new TrainingProgress("finetune", 2, 4, 30, 80, Map.of())));
    }
}
