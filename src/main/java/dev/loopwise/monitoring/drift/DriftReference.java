package dev.loopwise.monitoring.drift;

import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.intent.IntentHead;
import dev.loopwise.model.intent.IntentPrediction;
import dev.loopwise.model.registry.version.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference a version's traffic is compared with: its training tickets (a version made by an
 * alignment round inherits those of the version it was trained from) and its predictions on its held-out
 * tickets. Built once per version, from cached embeddings.
 */
@ApplicationScoped
public class DriftReference {
    @Inject
    EmbeddingStore embeddings;
    @Inject
    EntityManager em;
    @Inject
    MonitoringConfig config;

    private final Map<Integer, DriftDetector.Reference> cache = new ConcurrentHashMap<>();

    /** @param encoder the version's own encoder, which its traffic is embedded with too */
    public Optional<DriftDetector.Reference> of(int version, EncoderRef encoder) {
        DriftDetector.Reference known = cache.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DriftDetector.Reference> built = build(version, encoder);
        built.ifPresent(r -> cache.put(version, r));
        return built;
    }

    @SuppressWarnings("unchecked")
    private Optional<DriftDetector.Reference> build(int version, EncoderRef encoder) {
        record Lineage(IntentHead head, List<Number> train, List<Number> test) {
        }
        Lineage lineage = QuarkusTransaction.requiringNew().call(() -> {
            ModelVersion v = ModelVersion.findByVersion(version).orElse(null);
            IntentHead head = v == null ? null : v.bundle().intent();
            for (int hops = 0; v != null && hops < 20; hops++) {
                if (v.lineage.get("trainTicketIds") instanceof List<?> train) {
                    return new Lineage(head, (List<Number>) train, (List<Number>) v.lineage.getOrDefault("testTicketIds", List.of()));
                }
                Object base = v.lineage.get("baseVersion");
                v = base instanceof Number n ? ModelVersion.findByVersion(n.intValue()).orElse(null) : null;
            }
            return null;
        });
        if (lineage == null || lineage.train().isEmpty()) {
            return Optional.empty();
        }
        List<Number> train = new ArrayList<>(lineage.train());
        Collections.shuffle(train, new Random(version));
        List<String> trainTexts = texts(train.subList(0, Math.min(train.size(), MonitoringConfig.NEIGHBOURS)));
        List<String> heldOut = lineage.test().isEmpty() ? trainTexts : texts(lineage.test());
        float[][] trainVectors = embeddings.embed(encoder, trainTexts);
        float[][] heldOutVectors = embeddings.embed(encoder, heldOut);
        Map<String, Integer> counts = new LinkedHashMap<>();
        double confidence = 0;
        double oos = 0;
        // Familiarity is compared among tickets the version answers: those it hands over are unfamiliar by design (the
        // out-of-scope rate watches them), and would set the line as low as the strangest requests.
        List<float[]> answered = new ArrayList<>();
        for (float[] x : heldOutVectors) {
            IntentPrediction p = lineage.head().predict(x);
            confidence += p.confidence();
            oos += p.outOfScope() ? 1 : 0;
            counts.merge(p.outOfScope() ? DriftDetector.OUT_OF_SCOPE : p.label(), 1, Integer::sum);
            if (!p.outOfScope()) {
                answered.add(x);
            }
        }
        float[][] sample = Arrays.copyOf(trainVectors, Math.min(trainVectors.length, config.referenceSample()));
        float[][] knownVectors = answered.isEmpty() ? heldOutVectors : answered.toArray(float[][]::new);
        return Optional.of(new DriftDetector.Reference(sample, trainVectors, counts, confidence / heldOutVectors.length,
                oos / heldOutVectors.length, Unfamiliar.familiarity(knownVectors, trainVectors, lineage.test().isEmpty())));
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(List<Number> ids) {
        List<Long> wanted = ids.stream().map(Number::longValue).toList();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select text from tickets where id = any(?1) order by id").setParameter(1, wanted.toArray(Long[]::new)).getResultList());
    }
}
