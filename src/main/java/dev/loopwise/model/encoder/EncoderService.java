package dev.loopwise.model.encoder;


import dev.loopwise.model.transformer.EncoderSource;
import dev.loopwise.model.transformer.Pooling;
import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The encoders of the running service, by id: the workspace's (new versions train on it) and each served
 * version's own. Loaded on first use and kept while used; beyond {@code max-loaded}, the least recently
 * used idle one is closed, so switching encoders never holds more than a couple in memory.
 */
@ApplicationScoped
@Startup
public class EncoderService {
    private static final Logger LOG = Logger.getLogger(EncoderService.class);

    private final EncoderConfig settings;
    private final EncoderSpec workspace;
    /** Access-ordered: the first entry is the least recently used. */
    private final LinkedHashMap<String, Loaded> loaded = new LinkedHashMap<>(8, 0.75f, true);
    private final Object loading = new Object();
    private final ServingFirst servingFirst;
    private boolean closed;

    private static final class Loaded {
        final SentenceEncoder encoder;
        int users;

        Loaded(SentenceEncoder encoder) {
            this.encoder = encoder;
        }
    }

    @Inject
    public EncoderService(EncoderConfig config) {
        settings = config;
        servingFirst = new ServingFirst(config.backgroundWaitMs());
        // Resolved at start so that a misspelt name stops the service with the list of names, not a later request.
        workspace = EncoderSpec.resolve(settings.path().map(Object::toString).orElse(settings.name()),
                settings.pooling().map(Pooling::parse), settings.maxTokens(), settings.cacheDir());
        LOG.infof("Workspace encoder: %s", workspace.describe());
    }

    /** The encoder new model versions are trained on. */
    public EncoderRef workspaceEncoder() {
        return EncoderRef.of(workspace);
    }

    /** For a request someone is waiting on now (a served answer, its drafts, a page): runs at once. */
    public float[][] encode(EncoderRef encoder, List<String> texts) {
        Loaded l = acquire(encoder);
        servingFirst.servingStarted();
        try {
            return l.encoder.encode(texts);
        } finally {
            servingFirst.servingEnded();
            release(l);
        }
    }

    /**
     * For work nobody waits on this instant (training, rounds, review items, imports): each ONNX call first lets
     * the serving calls in flight finish (for a bounded time, {@link EncoderConfig#backgroundWaitMs()}).
     */
    public float[][] encodeInBackground(EncoderRef encoder, List<String> texts) {
        Loaded l = acquire(encoder);
        try {
            return l.encoder.encode(texts, servingFirst::awaitServingDone);
        } finally {
            release(l);
        }
    }

    /**
     * A served answer is being worked on beyond its encoding (looking its vector up, deciding, logging): background
     * encoding gives way meanwhile too, since it would slow that work on the same cores. Each call is matched by
     * one {@link #servingEnded()}.
     */
    public void servingStarted() {
        servingFirst.servingStarted();
    }

    /** Ends what one {@link #servingStarted()} began (in a finally, or on every path that ends the work). */
    public void servingEnded() {
        servingFirst.servingEnded();
    }

    /** Serving work in flight now (0 when idle). */
    public int servingInFlight() {
        return servingFirst.servingInFlight();
    }

    /** Seconds background encoding has spent giving way to serving since the start. */
    public double backgroundWaitSeconds() {
        return servingFirst.backgroundWaitSeconds();
    }

    public int dimension(EncoderRef encoder) {
        Loaded l = acquire(encoder);
        try {
            return l.encoder.dimension();
        } finally {
            release(l);
        }
    }

    /** The files and pooling of a base encoder, for fine-tuning it. */
    public EncoderSource source(EncoderRef base) {
        EncoderSpec spec = spec(base.base());
        return spec.tuningSource();
    }

    /** Text put before every input of this encoder (empty for the catalogue's). */
    public String prefix(EncoderRef encoder) {
        return spec(encoder.base()).prefix();
    }

    /** Ids of the encoders in memory now, least recently used first. */
    public synchronized List<String> loadedIds() {
        return new ArrayList<>(loaded.keySet());
    }

    private Loaded acquire(EncoderRef encoder) {
        Optional<Loaded> known = use(encoder.id());
        if (known.isPresent()) {
            return known.get();
        }
        synchronized (loading) { // one load at a time; encoders already loaded keep answering meanwhile
            known = use(encoder.id());
            if (known.isPresent()) {
                return known.get();
            }
            long start = System.nanoTime();
            TunedEncoderWeights tuned = encoder.isTuned() ? TunedEncoder.load(encoder) : null;
            Loaded fresh = new Loaded(new SentenceEncoder(spec(encoder.base()), tuned, settings.batchSize(), settings.threads()));
            LOG.infof("Encoder %s loaded in %d ms", encoder.id(), (System.nanoTime() - start) / 1_000_000);
            synchronized (this) {
                if (closed) {
                    fresh.encoder.close();
                    throw new IllegalStateException("The service is stopping; no more encoding");
                }
                fresh.users = 1;
                loaded.put(encoder.id(), fresh);
                closeIdleBeyondLimit();
            }
            return fresh;
        }
    }

    private synchronized Optional<Loaded> use(String id) {
        if (closed) {
            throw new IllegalStateException("The service is stopping; no more encoding");
        }
        Loaded l = loaded.get(id);
        if (l != null) {
            l.users++;
        }
        return Optional.ofNullable(l);
    }

    private synchronized void release(Loaded l) {
        l.users--;
        closeIdleBeyondLimit();
        notifyAll();
    }

    private void closeIdleBeyondLimit() {
        Iterator<Map.Entry<String, Loaded>> eldest = loaded.entrySet().iterator();
        while (loaded.size() > (closed ? 0 : Math.max(1, settings.maxLoaded())) && eldest.hasNext()) {
            Map.Entry<String, Loaded> e = eldest.next();
            if (e.getValue().users == 0) {
                eldest.remove();
                e.getValue().encoder.close();
                LOG.infof("Encoder %s closed%s", e.getKey(), closed ? "" : " (more than " + settings.maxLoaded() + " loaded)");
            }
        }
    }

    private EncoderSpec spec(EncoderRef encoder) {
        if (encoder.id().equals(workspace.id())) {
            return workspace;
        }
        if (encoder.source() == null) {
            throw new IllegalStateException("The encoder " + encoder.id() + " was not recorded with its location: set "
                    + "LOOPWISE_MODEL_ENCODER_NAME to its name or folder to serve the versions trained on it.");
        }
        return EncoderSpec.forId(encoder.id(), encoder.source(), settings.cacheDir());
    }

    /**
     * Closes idle encoders now and busy ones when their last call returns: closing a session mid-run crashes ONNX
     * Runtime. The stop also waits (a while at most) for a load in progress and for those last calls: the process
     * exiting under a session being created or run crashed it too (a background training's encoding at Ctrl-C).
     */
    @PreDestroy
    void close() {
        synchronized (loading) {
            synchronized (this) {
                closed = true;
                closeIdleBeyondLimit();
            }
        }
        awaitLastCalls(System.nanoTime() + STOP_WAIT_NANOS);
    }

    private synchronized void awaitLastCalls(long deadline) {
        try {
            for (long left = deadline - System.nanoTime(); !loaded.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final long STOP_WAIT_NANOS = 30_000_000_000L;
}
