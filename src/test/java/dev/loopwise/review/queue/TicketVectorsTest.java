package dev.loopwise.review.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.registry.version.ModelRegistry;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Imported unlabelled tickets are encoded in the background, batch by batch, and later imports after them. */
@QuarkusTest
class TicketVectorsTest {
    @Inject
    TicketVectors vectors;
    @Inject
    EmbeddingStore embeddings;
    @Inject
    ModelRegistry registry;
    @Inject
    ApiKeyService keys;

    @Test
    void importedTicketsGetTheirVectorsAheadOfReview() {
        ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        while (vectors.encodeNext(500) > 0) {
            // catch up with whatever earlier tests imported
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> first = List.of("warm " + run + " where is my parcel", "warm " + run + " cancel my order", "warm " + run + " refund please");
        importUnlabelled(admin, first);
        String encoderId = registry.current().orElseThrow().encoder().id();
        assertEquals(0, embeddings.lookup(encoderId, hashes(first)).size(), "nothing is encoded at import");

        assertEquals(2, vectors.encodeNext(2), "a run reads its batch only");
        assertEquals(1, vectors.encodeNext(2), "the next run goes on where the last stopped");
        assertEquals(3, embeddings.lookup(encoderId, hashes(first)).size());
        assertEquals(0, vectors.encodeNext(2), "nothing new, nothing read");

        List<String> later = List.of("warm " + run + " my voucher failed");
        importUnlabelled(admin, later);
        assertEquals(1, vectors.encodeNext(10), "only the new ticket is read");
        assertEquals(1, embeddings.lookup(encoderId, hashes(later)).size(), "a later import is encoded after the earlier ones");
    }

    private static void importUnlabelled(Caller admin, List<String> texts) {
        admin.request().contentType("text/csv").body("text\n" + String.join("\n", texts) + "\n").post("/api/v1/datasets/tickets")
                .then().statusCode(201);
    }

    private static List<String> hashes(List<String> texts) {
        return texts.stream().map(Hashing::sha256Hex).toList();
    }
}
