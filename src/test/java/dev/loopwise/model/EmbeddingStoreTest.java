package dev.loopwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A text is encoded once per encoder: the second request for it is answered from PostgreSQL. */
@QuarkusTest
class EmbeddingStoreTest {
    @Inject
    EmbeddingStore store;
    @Inject
    EntityManager entityManager;

    @Test
    void aTextIsNeverEncodedTwice() {
        String text = "a text seen for the first time " + UUID.randomUUID();
        long before = rows();
        float[] first = store.embed(List.of(text, text))[0];
        assertEquals(before + 1, rows(), "one row for two copies of one text");
        float[] again = store.embed(List.of(text))[0];
        assertEquals(before + 1, rows(), "nothing new the second time");
        assertArrayEquals(first, again);
    }

    private long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from embeddings").getSingleResult()).longValue());
    }
}
