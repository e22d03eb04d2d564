package dev.loopwise.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A text is encoded once per encoder, and the cache answers an encoder only with its own vectors: the same
 * weights pooled another way, or other weights, are other encoders.
 */
@QuarkusTest
class EmbeddingStoreTest {
    @Inject
    EmbeddingStore store;
    @Inject
    EncoderService encoders;
    @Inject
    EntityManager entityManager;

    @Inject
    UnusedVectors unused;

    @Test
    void vectorsOfAnEncoderNoVersionUsesAreDeletedAndTheWorkspacesAreKept() {
        ActiveModel.await();
        String gone = "gone-encoder@" + UUID.randomUUID().toString().substring(0, 8) + "/mean";
        String recent = "recent-encoder@" + UUID.randomUUID().toString().substring(0, 8) + "/mean";
        QuarkusTransaction.requiringNew().run(() -> {
            for (String encoderId : List.of(gone, recent)) {
                entityManager.createNativeQuery("insert into embeddings (encoder_id, text_hash, vector) "
                        + "select ?1, md5(g::text), decode('00000000', 'hex') from generate_series(1, ?2) g")
                        .setParameter(1, encoderId).setParameter(2, UnusedVectors.BATCH + 3).executeUpdate();
            }
            // A version retired yesterday may be brought back: its encoder's vectors stay for now.
            entityManager.createNativeQuery("""
                    insert into model_versions (version, status, encoder_id, regime, parameters, checksum, lineage, metrics, created_by)
                    select nextval('model_version_numbers'), 'retired', ?1, regime, '\\x00'::bytea, 'unused-vectors-test', lineage, metrics, 'test'
                    from model_versions where status = 'active'""").setParameter(1, recent).executeUpdate();
        });
        String workspace = store.workspaceEncoder().id();
        long workspaceRows = count(workspace);
        try {
            assertTrue(unused.forget(30) >= UnusedVectors.BATCH + 3);
            assertEquals(0, count(gone), "an encoder no version uses");
            assertEquals(UnusedVectors.BATCH + 3, count(recent), "a recent version's encoder");
            assertEquals(workspaceRows, count(workspace), "the workspace's encoder");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("delete from model_versions where checksum = 'unused-vectors-test'").executeUpdate();
                entityManager.createNativeQuery("delete from embeddings where encoder_id in (?1, ?2)").setParameter(1, gone)
                        .setParameter(2, recent).executeUpdate();
            });
        }
    }

    private long count(String encoderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from embeddings where encoder_id = ?1").setParameter(1, encoderId).getSingleResult()).longValue());
    }

    @Test
    void aTextIsNeverEncodedTwice() {
        String text = "a text seen for the first time " + UUID.randomUUID();
        EncoderRef encoder = store.workspaceEncoder();
        long before = rows();
        float[] first = store.embed(encoder, List.of(text, text))[0];
        assertEquals(before + 1, rows(), "one row for two copies of one text");
        float[] again = store.embed(encoder, List.of(text))[0];
        assertEquals(before + 1, rows(), "nothing new the second time");
        assertArrayEquals(first, again);
    }

    @Test
    void theCacheNeverServesAVectorOfAnotherEncoder() {
        EncoderRef mean = store.workspaceEncoder();
        EncoderRef cls = new EncoderRef(mean.id().replace("/mean", "/cls"), mean.source()); // same weights, pooled otherwise
        assertTrue(mean.id().endsWith("/mean"), mean.id());
        String text = "where is the parcel I ordered last week " + UUID.randomUUID();

        float[] byMean = store.embed(mean, List.of(text))[0];
        float[] byCls = store.embed(cls, List.of(text))[0];
        assertArrayEquals(encoders.encode(cls, List.of(text))[0], byCls, 1e-6f, "CLS-pooled: its own vector, not the cached mean one");
        assertTrue(dot(byMean, byCls) < 0.99, "the two poolings give different vectors: " + dot(byMean, byCls));

        // A vector planted under one encoder is invisible to every other, and that encoder's own is computed afresh.
        String planted = "a ticket with a planted vector " + UUID.randomUUID();
        float[] wrong = new float[byMean.length];
        wrong[0] = 1;
        store.store(mean.id(), List.of(Hashing.sha256Hex(planted)), new float[][] {wrong});
        assertFalse(store.lookup(cls.id(), List.of(Hashing.sha256Hex(planted))).containsKey(Hashing.sha256Hex(planted)));
        float[] fresh = store.embed(cls, List.of(planted))[0];
        assertNotEquals(1f, fresh[0]);
        assertArrayEquals(encoders.encode(cls, List.of(planted))[0], fresh, 1e-6f);
        assertArrayEquals(wrong, store.embed(mean, List.of(planted))[0], "the planted vector stays with its own id");
    }

    @Test
    void atMostTheConfiguredNumberOfEncodersStayLoaded() {
        EncoderRef mean = store.workspaceEncoder();
        EncoderRef cls = new EncoderRef(mean.id().replace("/mean", "/cls"), mean.source());
        for (EncoderRef encoder : List.of(mean, cls, mean, cls)) {
            encoders.encode(encoder, List.of("hello"));
        }
        assertTrue(encoders.loadedIds().size() <= 2, encoders.loadedIds().toString());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from embeddings").getSingleResult()).longValue());
    }
}
