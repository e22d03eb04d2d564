package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.alignment.preference.PreferencePair;
import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.transformer.crossencoder.RewardPairs;
import dev.loopwise.ticket.HeldOutRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The automatic reward-model choice checks the cross-encoder on a validation share of the training comparisons. A ticket and
 * its look-alike ("Refund please 3" from the ticket list, "refund  please 3" from traffic) are one question: split apart, the
 * cross-encoder would be checked on a ticket it learned, and could win the choice on memory.
 */
class ValidationLookAlikesTest {
    @Test
    void aTicketAndItsLookAlikeFallOnTheSameSideOfTheValidationSplit() {
        List<PreferencePair> train = lookAlikes();
        List<PreferencePair> fit = new ArrayList<>();
        List<PreferencePair> validation = new ArrayList<>();
        RewardValidationSplit.split(train, 7, fit, validation);

        assertFalse(fit.isEmpty() || validation.isEmpty(), validation.toString());
        Set<String> fitted = fit.stream().map(p -> HeldOutRows.key(p.prompt())).collect(Collectors.toSet());
        List<String> onBothSides = validation.stream().map(p -> HeldOutRows.key(p.prompt())).filter(fitted::contains).toList();
        assertTrue(onBothSides.isEmpty(), "checked on tickets it learned, in other case and spacing: " + onBothSides);
    }

    /** {@code eval-reward} chooses between the two models on its own validation share of the file's training pairs. */
    @Test
    void evalRewardKeepsALookAlikeOnItsTicketsSideToo() {
        RewardPairs[] split = CrossEncoderRewards.pairs(lookAlikes()).splitByTicket(0.15, 7);

        assertFalse(split[0].size() == 0 || split[1].size() == 0, split[1].tickets().toString());
        Set<String> fitted = split[0].tickets().stream().map(HeldOutRows::key).collect(Collectors.toSet());
        List<String> onBothSides = split[1].tickets().stream().map(HeldOutRows::key).filter(fitted::contains).toList();
        assertTrue(onBothSides.isEmpty(), "checked on tickets it learned, in other case and spacing: " + onBothSides);
    }

    /** Forty tickets, each also in other case and spacing, judged alike; grouped by the hash of the exact text, as judgements are. */
    private static List<PreferencePair> lookAlikes() {
        List<PreferencePair> train = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            for (String text : List.of("Refund please " + n, "refund  please " + n + " ")) {
                train.add(new PreferencePair(text, "Here is your refund.", "Please wait.", PreferencePair.Kind.PREFERENCE, 0, 1,
                        Hashing.sha256Hex(text), train.size()));
            }
        }
        return train;
    }
}
