package dev.loopwise.model.registry.version;

import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.common.runtime.RunMode;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.policy.BatchScorer;
import dev.loopwise.model.policy.PolicyFeatures;
import dev.loopwise.model.policy.ReplyPolicy;
import dev.loopwise.ticket.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the model that answers requests: the active version, loaded at start and reloaded when
 * another instance (or an admin here) activates a version or the reply library changes.
 */
@ApplicationScoped
public class ModelRegistry {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    private final AtomicReference<ServingModel> current = new AtomicReference<>();
    private volatile String loadedFingerprint = "";

    @Inject
    EmbeddingStore embeddings;
    // The schedule below reads the interval itself; Quarkus checks a mapping's values only once something injects it.
    @Inject
    SyncConfig syncSettings;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (RunMode.isCommand()) {
            return;
        }
        sync();
    }

    public Optional<ServingModel> current() {
        return Optional.ofNullable(current.get());
    }

    // Each instance reloads its own copy: this one runs on every instance, on the in-memory scheduler. The scheduler
    // starts before onStart runs, so its first firing and onStart race to load at start: under one lock with reload(),
    // the second finds the version already loaded instead of loading it again.
    @Scheduled(identity = "active-version-sync", every = "${loopwise.model.sync-interval:5s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    synchronized void sync() {
        if (!fingerprint().equals(loadedFingerprint)) {
            reload();
        }
    }

    /** Loads the active version with the current reply library; nothing active means nothing to serve. */
    public synchronized void reload() {
        String fingerprint = fingerprint();
        record Loaded(ModelVersion version, ModelBundle bundle, List<ServingModel.Candidate> candidates) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ModelVersion> active = ModelVersion.findActive();
            if (active.isEmpty()) {
                return null;
            }
            List<ServingModel.Candidate> candidates = Reply.listActive().stream()
                    .map(r -> new ServingModel.Candidate(r.id, r.intent.name, r.text)).toList();
            return new Loaded(active.get(), active.get().bundle(), candidates);
        });
        if (loaded == null) {
            replace(null);
            loadedFingerprint = fingerprint;
            return;
        }
        ServingModel model;
        try {
            model = build(loaded.version().version, loaded.version().encoder(), loaded.bundle(), loaded.candidates());
        } catch (RuntimeException e) {
            // Its encoder cannot be loaded (files moved or changed): no other encoder's vectors may stand in.
            LOG.errorf("Model version %d cannot be served: %s", loaded.version().version, e.getMessage());
            replace(null);
            loadedFingerprint = fingerprint;
            return;
        }
        replace(model);
        loadedFingerprint = fingerprint;
        LOG.infof("Serving model version %d (%s, encoder %s) with %d replies", loaded.version().version, loaded.version().regime,
                model.encoder().id(), loaded.candidates().size());
    }

    private void replace(ServingModel model) {
        if (model != null && model.batch() != null) {
            model.batch().retainWeights();
        }
        ServingModel previous = current.getAndSet(model);
        if (previous != null && previous != model) {
            previous.release();
        }
    }

    /** A serving model of any stored version with the current reply library (for comparisons and rounds). */
    public ServingModel load(int version) {
        record Loaded(EncoderRef encoder, ModelBundle bundle, List<ServingModel.Candidate> candidates) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion v = ModelVersion.findByVersion(version).orElseThrow();
            return new Loaded(v.encoder(), v.bundle(),
                    Reply.listActive().stream().map(r -> new ServingModel.Candidate(r.id, r.intent.name, r.text)).toList());
        });
        return build(version, loaded.encoder(), loaded.bundle(), loaded.candidates());
    }

    private ServingModel build(int version, EncoderRef encoder, ModelBundle bundle, List<ServingModel.Candidate> candidates) {
        // Its encoder loads now, not during the first request, and one that cannot load stops the version here.
        embeddings.warmUp(encoder);
        float[][] replyEmbeddings = candidates.isEmpty() ? new float[0][]
                : embeddings.embedNow(encoder, candidates.stream().map(ServingModel.Candidate::text).toList());
        ReplyPolicy policy = bundle.policy();
        ReplyPolicy.PreparedReply[] prepared = new ReplyPolicy.PreparedReply[candidates.size()];
        float[][] features = new float[candidates.size()][];
        for (int a = 0; a < prepared.length; a++) {
            features[a] = PolicyFeatures.reply(replyEmbeddings[a], candidates.get(a).text());
            prepared[a] = policy == null ? null : policy.prepare(features[a]);
        }
        BatchScorer.Prepared batch = policy == null || candidates.isEmpty() ? null : BatchScorer.prepare(policy, features);
        return new ServingModel(version, encoder, bundle, candidates, replyEmbeddings, prepared, batch);
    }

    /** Changes when the active version, any active reply or an intent's name changes. */
    private String fingerprint() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(ModelVersion.getEntityManager().createNativeQuery(
                "select coalesce((select version::text from model_versions where status = 'active'), '-') || '/' || "
                        + "coalesce((select md5(string_agg(id || ':' || md5(text), ',' order by id)) from replies "
                        + "where status = 'active'), '-') || '/' || "
                        + "coalesce((select md5(string_agg(id || ':' || name, ',' order by id)) from intents), '-')").getSingleResult()));
    }
}
