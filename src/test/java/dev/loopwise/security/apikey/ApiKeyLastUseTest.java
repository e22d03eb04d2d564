package dev.loopwise.security.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.audit.AuditEvent;
import dev.loopwise.security.NewApiKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes to one key at the same moment: none undoes another (a last use, a revocation), none is recorded twice. */
@QuarkusTest
class ApiKeyLastUseTest {
    @Inject
    ApiKeyService keys;
    private final String name = "last use " + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeKey() {
        QuarkusTransaction.requiringNew().run(() -> ApiKey.delete("name like ?1", name + "%"));
    }

    @Test
    void aKeyRevokedTwiceAtOnceIsRevokedOnceInTheAuditTrail() throws Exception {
        for (int round = 0; round < 8; round++) {
            ApiKeyService.CreatedKey created = keys.create("admin", name + " " + round, 0);
            long id = created.key().id;
            String target = NewApiKey.auditTarget(created.key().prefix, "admin");
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<ApiKey>> revoking = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    revoking.add(pool.submit(() -> {
                        barrier.await();
                        return keys.revoke(id, "admin", true);
                    }));
                }
                for (Future<ApiKey> revoked : revoking) {
                    assertNotNull(revoked.get(60, TimeUnit.SECONDS).revokedAt);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2", "key.revoke", target)),
                    "round " + round);
        }
    }

    @Test
    void aKeyRevokedWhileARequestRecordsItsUseStaysRevoked() throws Exception {
        ApiKeyService.CreatedKey created = keys.create("admin", name, 0);
        long id = created.key().id;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> revoking = new AtomicReference<>();
        try {
            // The request has read the key and noted its use; before it commits, an admin revokes the key.
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(keys.authenticate(created.secret()).isPresent());
                revoking.set(pool.submit(() -> keys.revoke(id, "admin", true)));
                try {
                    revoking.get().get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // the revocation waits for the request's write to commit: it goes second
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            revoking.get().get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        ApiKey after = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(id));
        assertNotNull(after.revokedAt, "the key was revived by recording its use");
        assertTrue(keys.authenticate(created.secret()).isEmpty());
    }
}
