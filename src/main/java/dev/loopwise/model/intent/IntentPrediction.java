package dev.loopwise.model.intent;

import java.util.List;

/**
 * An intent decision: the most likely intent, its probability, whether the request looks unfamiliar
 * enough to hand to a human, and the runners-up.
 */
public record IntentPrediction(String label, double confidence, boolean outOfScope, List<Scored> top) {
    public record Scored(String label, double p) {
    }
}
