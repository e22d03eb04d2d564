package dev.loopwise.model.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopwise.common.text.Hashing;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.encoder.EmbeddingStore;
import dev.loopwise.model.encoder.EncoderRef;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A version is served with the encoder it was trained on, whatever the workspace's encoder is; one whose
 * encoder is gone is refused at promotion instead of being served with another encoder's vectors.
 */
@QuarkusTest
class VersionEncoderTest {
    @Inject
    ApiKeyService keys;
    @Inject
    EmbeddingStore store;
    @Inject
    EntityManager em;

    @Test
    void eachVersionIsServedWithItsOwnEncoder() {
        int trained = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        EncoderRef workspace = store.workspaceEncoder();
        EncoderRef cls = new EncoderRef(workspace.id().replace("/mean", "/cls"), workspace.source());
        int other = copyOfActive(cls.id(), cls.source());

        admin.request().contentType("application/json").post("/api/v1/models/" + other + "/promote").then().statusCode(200);
        try {
            String text = "my order never came, ref " + UUID.randomUUID();
            respond(admin, text, other);
            assertEquals(List.of(cls.id()), encodersThatEmbedded(text), "served with the version's encoder only");
        } finally {
            // Even when the copy was not served as expected, later tests find the version they were given.
            admin.request().contentType("application/json").post("/api/v1/models/" + trained + "/rollback").then().statusCode(200);
            remove(other);
        }
        String next = "my order never came either, ref " + UUID.randomUUID();
        respond(admin, next, trained);
        assertEquals(List.of(workspace.id()), encodersThatEmbedded(next));
    }

    @Test
    void aVersionWhoseEncoderIsGoneIsNotPromoted() {
        int active = ActiveModel.await();
        Caller admin = Caller.apiKey(keys, "admin");
        int orphan = copyOfActive("vanished@0123456789ab/mean", "/no/such/encoder/folder");
        try {
            admin.request().contentType("application/json").post("/api/v1/models/" + orphan + "/promote").then().statusCode(409)
                    .body("code", equalTo("encoder_unavailable"));
            respond(admin, "still answering? " + UUID.randomUUID(), active);
        } finally {
            remove(orphan);
        }
    }

    /**
     * A copy left behind is a version newer than the active one: the Models page would compare it instead of giving later
     * tests' next step, and the Review quality page would offer it for comparison.
     */
    private void remove(int copy) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from model_versions where version = ?1 and status <> 'active'").setParameter(1, copy).executeUpdate());
    }

    private static void respond(Caller caller, String text, int version) {
        caller.request().contentType("application/json").body("{\"text\":\"" + text + "\"}").post("/api/v1/respond")
                .then().statusCode(200).body("modelVersion", equalTo(version));
    }

    private int copyOfActive(String encoderId, String source) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int version = ModelVersion.nextVersionNumber();
            em.createNativeQuery("""
                    insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                    select ?1, 'candidate', ?2, ?3, regime, parameters, checksum, lineage, metrics from model_versions where status = 'active'""")
                    .setParameter(1, version).setParameter(2, encoderId).setParameter(3, source).executeUpdate();
            return version;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> encodersThatEmbedded(String text) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select encoder_id from embeddings where text_hash = ?1 order by encoder_id")
                .setParameter(1, Hashing.sha256Hex(text)).getResultList());
    }
}
