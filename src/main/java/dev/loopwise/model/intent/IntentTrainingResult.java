package dev.loopwise.model.intent;

/** The fitted classifier and how fitting went ({@code epochs} is 0 for prototype regimes). */
public record IntentTrainingResult(IntentHead head, int epochs, double heldOutLoss, long trainingMillis) {
}
