package dev.loopwise.model.intent;

/**
 * The fitted classifier and how fitting went ({@code epochs} is 0 for prototype regimes); {@code outOfScopeHeldOut} is how
 * many out-of-scope examples the threshold was chosen on (0 without any, or when nothing was held out);
 * {@code heldOutSeen} how many training rows drawn to be held out were fitted instead, being look-alikes of fitted ones
 * ({@link IntentTrainer#HELD_OUT_SEEN}).
 */
public record IntentTrainingResult(IntentHead head, int epochs, double heldOutLoss, long trainingMillis, int outOfScopeHeldOut,
                                   int heldOutSeen) {
}
