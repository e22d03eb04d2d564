package dev.loopwise.model;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** The one encoder of the running service, loaded at start. */
@ApplicationScoped
@Startup
public class EncoderService {
    private static final Logger LOG = Logger.getLogger(EncoderService.class);
    private final SentenceEncoder encoder;

    @Inject
    public EncoderService(ModelConfig config) {
        ModelConfig.Encoder settings = config.encoder();
        long start = System.nanoTime();
        encoder = new SentenceEncoder(EncoderFiles.resolve(settings.path(), settings.cacheDir()), settings.maxTokens(),
                settings.batchSize(), settings.threads());
        LOG.infof("Encoder %s ready in %d ms", encoder.id(), (System.nanoTime() - start) / 1_000_000);
    }

    public String id() {
        return encoder.id();
    }

    public int dimension() {
        return encoder.dimension();
    }

    public float[][] encode(List<String> texts) {
        return encoder.encode(texts);
    }

    @PreDestroy
    void close() {
        encoder.close();
    }
}
