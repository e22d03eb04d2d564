package dev.loopwise.model.registry.training;

import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.encoder.EncoderService;
import dev.loopwise.model.encoder.TunedEncoder;
import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import java.util.List;

/** The service's encoders as a training reads them: vectors through the embedding cache, tuned layers kept in the database. */
final class StoredEncoders implements TrainingEncoders {
    private final EmbeddingStore embeddings;
    private final EncoderService encoders;

    StoredEncoders(EmbeddingStore embeddings, EncoderService encoders) {
        this.embeddings = embeddings;
        this.encoders = encoders;
    }

    @Override
    public float[][] embed(EncoderRef encoder, List<String> texts) {
        return embeddings.embed(encoder, texts);
    }

    @Override
    public EncoderSource source(EncoderRef base) {
        return encoders.source(base);
    }

    @Override
    public String prefix(EncoderRef encoder) {
        return encoders.prefix(encoder);
    }

    @Override
    public EncoderRef storeTuned(EncoderRef base, TunedEncoderWeights tuned) {
        return TunedEncoder.store(base, tuned);
    }
}
