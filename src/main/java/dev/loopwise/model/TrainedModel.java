package dev.loopwise.model;

import java.util.Map;

/** A freshly trained bundle with its held-out metrics and lineage, ready to become a model version. */
public record TrainedModel(ModelBundle bundle, Map<String, Object> metrics, Map<String, Object> lineage) {
}
