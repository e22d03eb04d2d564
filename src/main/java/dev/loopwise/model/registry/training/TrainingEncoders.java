package dev.loopwise.model.registry.training;

import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.util.List;

/** The encoders a training reads, and where a fine-tune's layers are kept. */
public interface TrainingEncoders {
    float[][] embed(EncoderRef encoder, List<String> texts);

    /** The base encoder's files, to fine-tune it; null when this training cannot fine-tune. */
    default EncoderSource source(EncoderRef base) {
        return null;
    }

    /** Text the encoder puts before every input. */
    default String prefix(EncoderRef encoder) {
        return "";
    }

    /** Keeps tuned layers of {@code base} and returns the tuned encoder. */
    default EncoderRef storeTuned(EncoderRef base, TunedEncoderWeights tuned) {
        throw new UnsupportedOperationException("This training cannot keep a fine-tuned encoder");
    }
}
