package dev.loopwise.ticket;

/**
 * How many labelled tickets per intent a version learns the intent well from, as the Intents page tells the lead. The
 * model's training settings answer it; the workspace asks through this so that tickets, upstream of the model in the
 * data flow, never depend on the model's packages.
 */
@FunctionalInterface
public interface LabellingTarget {
    int ticketsToLearnWell();
}
