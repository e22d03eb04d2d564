package dev.loopwise.model.registry.training;

import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelBundle;
import java.util.Map;

/**
 * A freshly trained bundle with its held-out metrics and lineage, ready to become a model version.
 *
 * @param encoder the encoder it reads: the base encoder, or the fine-tuned one this training made
 */
public record TrainedModel(ModelBundle bundle, Map<String, Object> metrics, Map<String, Object> lineage, EncoderRef encoder) {
}
