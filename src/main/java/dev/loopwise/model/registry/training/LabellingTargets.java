package dev.loopwise.model.registry.training;

import dev.loopwise.ticket.LabellingTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Answers the workspace's {@link LabellingTarget} from the training settings a version is trained with. */
@ApplicationScoped
class LabellingTargets {
    @Produces
    LabellingTarget labellingTarget(TrainingConfig training) {
        return training::minTrainedExamples;
    }
}
