package dev.loopwise.review.queue;

import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.model.registry.version.ServingModel;
import dev.loopwise.review.item.ReviewConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Encodes imported unlabelled tickets with the active version's encoder in the background, a bounded batch per run,
 * so that making review items from them later reads stored vectors instead of encoding while reviewers wait. It
 * walks the tickets in id order from where it stopped (new imports come after), so a run reads its batch only.
 */
@ApplicationScoped
public class TicketVectors {
    private static final Logger LOG = Logger.getLogger(TicketVectors.class);
    /** Texts encoded per call, so that serving gets the cores back between calls. */
    private static final int CHUNK = 64;

    @Inject
    ReviewConfig config;
    @Inject
    ModelRegistry registry;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    EntityManager em;

    private record Position(String encoderId, long afterId) {
    }

    private volatile Position position = new Position("", 0);

    @Scheduled(identity = "ticket-vectors", every = "${loopwise.review.ticket-vectors-interval:30s}", delay = 40,
            delayUnit = TimeUnit.SECONDS,
            skipExecutionIf = ApplicationStopping.class)
    @Nonconcurrent
    void scheduled() {
        try {
            encodeNext(config.ticketVectorsBatch());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not encode imported tickets ahead of review");
        }
    }

    /** Encodes up to {@code limit} more unlabelled tickets (those already stored are only looked up); returns how many it read. */
    @SuppressWarnings("unchecked")
    int encodeNext(int limit) {
        Optional<ServingModel> active = registry.current();
        if (active.isEmpty() || limit <= 0) {
            return 0;
        }
        EncoderRef encoder = active.get().encoder();
        long after = position.encoderId().equals(encoder.id()) ? position.afterId() : 0;
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id, text from tickets where intent_id is null and id > ?1 order by id limit ?2")
                .setParameter(1, after).setParameter(2, limit).getResultList());
        for (int start = 0; start < rows.size(); start += CHUNK) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + CHUNK));
            embeddings.embed(encoder, chunk.stream().map(r -> (String) r[1]).toList());
            position = new Position(encoder.id(), ((Number) chunk.get(chunk.size() - 1)[0]).longValue());
        }
        return rows.size();
    }
}
