package dev.loopwise.alignment.round;

import dev.loopwise.common.UndecidedRoundStep;
import dev.loopwise.review.item.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The latest rounds as Overview reads them ({@link LatestRounds}): one place says what a round under way or undecided means. */
@ApplicationScoped
public class UndecidedRoundSteps implements UndecidedRoundStep {

    @Override
    public Optional<String> sentence() {
        return LatestRounds.read().sentence(ReviewItem.countOpen());
    }
}
