package dev.loopwise.monitoring.drift;

import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the latest window of a version's served requests with their outcomes (thumbs, judgements). */
@ApplicationScoped
public class DriftWindow {
    @Inject
    EntityManager em;
    @Inject
    EmbeddingStore embeddings;

    /** A window and where it sits in time. */
    public record Read(DriftDetector.Window window, List<String> hashes, OffsetDateTime from, OffsetDateTime to) {
    }

    /**
     * The version's requests served after {@code after} (all of them when null), counted up to {@code enough}
     * only: a check needs to know whether a stride or a window has arrived, and counting a long history would
     * cost more with every request served.
     */
    public long requestsSince(int version, OffsetDateTime after, long enough) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from (select 1 from served_requests where model_version = ?1 and created_at > ?2
                                      order by created_at desc limit ?3) t""")
                .setParameter(1, version).setParameter(2, after == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : after)
                .setParameter(3, enough).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    public Read latest(int version, EncoderRef encoder, int size) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id::text, text, text_hash, intent, confidence, out_of_scope,
                       to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.USZ')
                from served_requests where model_version = ?1 and text <> '' order by created_at desc, id limit ?2""")
                .setParameter(1, version).setParameter(2, size).getResultList());
        Collections.reverse(rows);
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        double[] confidence = new double[rows.size()];
        boolean[] oos = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            ids.add((String) r[0]);
            texts.add((String) r[1]);
            hashes.add((String) r[2]);
            intents.add((String) r[3]);
            confidence[i] = r[4] == null ? 0 : ((Number) r[4]).doubleValue();
            oos[i] = (Boolean) r[5];
        }
        OffsetDateTime from = rows.isEmpty() ? null : OffsetDateTime.parse((String) rows.get(0)[6]);
        OffsetDateTime to = rows.isEmpty() ? null : OffsetDateTime.parse((String) rows.get(rows.size() - 1)[6]);
        float[][] vectors = texts.isEmpty() ? new float[0][] : embeddings.embed(encoder, texts);
        int[] outcomes = outcomes(ids, from, to);
        return new Read(new DriftDetector.Window(vectors, texts, intents, confidence, oos, outcomes[0], outcomes[1], outcomes[2], outcomes[3]),
                hashes, from, to);
    }

    /** {thumbs given, thumbs down, judgements of the policy's first choice against another, those preferring the other}. */
    private int[] outcomes(List<String> ids, OffsetDateTime from, OffsetDateTime to) {
        if (ids.isEmpty()) {
            return new int[4];
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] thumbs = (Object[]) em.createNativeQuery(
                    "select count(*), count(*) filter (where rating = 'down') from feedback where request_id = any(cast(?1 as uuid[]))")
                    .setParameter(1, ids.toArray(String[]::new)).getSingleResult();
            // In top-two and sampled items, reply 1 is the policy's first choice.
            Object[] judged = (Object[]) em.createNativeQuery("""
                    select count(*), count(*) filter (where j.choice = '2') from judgements j join review_items i on i.id = j.item_id
                    where i.strategy in ('top2', 'sample') and j.choice in ('1', '2') and j.created_at between ?1 and ?2""")
                    .setParameter(1, from).setParameter(2, to.plusMinutes(1)).getSingleResult();
            return new int[] {((Number) thumbs[0]).intValue(), ((Number) thumbs[1]).intValue(), ((Number) judged[0]).intValue(),
                    ((Number) judged[1]).intValue()};
        });
    }
}
