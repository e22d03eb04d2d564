package dev.loopwise.model.transformer.tuning;

/** Whether a fine-tune computes the frozen layers' outputs once per text ({@link LowerLayerCache}). */
public enum CacheMode {
    /** When the planner expects it to save time (two or more passes over the data) and it fits in memory. */
    AUTO,
    ALWAYS,
    NEVER
}
