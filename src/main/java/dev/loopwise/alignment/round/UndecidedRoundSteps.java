package dev.loopwise.alignment.round;

import dev.loopwise.common.UndecidedRoundStep;
import dev.loopwise.review.item.ReviewItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The round's page's own next step, read as that page reads it: one place says what an undecided round needs. */
@ApplicationScoped
public class UndecidedRoundSteps implements UndecidedRoundStep {

    @Override
    public Optional<String> sentence() {
        // Only the latest round that read judgements counts: a later one replaces an undecided round's figure, as on its page.
        return AlignmentRound.<AlignmentRound>find("status in ?1 order by id desc", RoundsPage.READ_JUDGEMENTS).firstResultOptional()
                .filter(round -> AlignmentRound.NEEDS_EVIDENCE.equals(round.status))
                .map(round -> "Round " + round.id + " could not decide yet: "
                        + RoundReport.nextStep(round, ReviewItem.countOpen(), RoundEstimate.of(round)));
    }
}
