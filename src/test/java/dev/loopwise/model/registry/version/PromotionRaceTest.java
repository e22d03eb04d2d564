package dev.loopwise.model.registry.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.AtOnce;
import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Promotions asked for at the same moment. Two versions while nothing serves yet (a new installation): the switches take
 * turns, so the later one either follows the first or is told the active version changed, instead of failing on the
 * single-active-version index. One version twice (a double click): it is switched in once, the other told it serves.
 */
@QuarkusTest
class PromotionRaceTest {
    @Inject
    ModelService models;
    @Inject
    ModelRegistry registry;
    @Inject
    EntityManager em;

    private Integer serving;
    private final List<Integer> copies = new ArrayList<>();

    @AfterEach
    void restore() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!copies.isEmpty()) {
                ModelActivation.delete("version in ?1 or previousVersion in ?1", copies);
                em.createNativeQuery("update model_versions set status = 'retired' where status = 'active'").executeUpdate();
                ModelVersion.delete("version in ?1", copies);
            }
            if (serving != null) {
                em.createNativeQuery("update model_versions set status = 'active' where version = ?1").setParameter(1, serving).executeUpdate();
            }
        });
        registry.reload();
    }

    @Test
    void twoPromotionsAtOnceWithNothingServingTakeTurns() throws Exception {
        serving = ActiveModel.await();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update model_versions set status = 'retired' where version = ?1")
                .setParameter(1, serving).executeUpdate());
        for (int round = 0; round < 8; round++) {
            int first = copyOfServing();
            int second = copyOfServing();
            List<String> said = AtOnce.run(() -> AtOnce.outcome(() -> models.promote(first, "admin", (Integer) null)),
                    () -> AtOnce.outcome(() -> models.promote(second, "admin", (Integer) null)));
            // Both go through when one finished before the other looked; overlapping, the later is told what happened.
            String context = "round " + round + ": " + said;
            assertTrue(said.stream().allMatch(s -> s.equals("done") || s.equals("active_changed")), context);
            long done = said.stream().filter("done"::equals).count();
            assertTrue(done >= 1, context);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ModelVersion.count("status", ModelVersion.ACTIVE)), context);
            assertEquals(done, QuarkusTransaction.requiringNew().call(() -> ModelActivation.count("version in ?1", List.of(first, second))),
                    "each switch made is recorded, and only those: " + context);
            // Back to nothing serving for the next round.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update model_versions set status = 'retired' where status = 'active'")
                    .executeUpdate());
        }
    }

    @Test
    void oneVersionPromotedTwiceAtOnceIsSwitchedInOnceAndTheOtherIsToldItServesAlready() throws Exception {
        serving = ActiveModel.await();
        for (int round = 0; round < 6; round++) {
            int copy = copyOfServing();
            List<String> said = AtOnce.times(2, () -> AtOnce.outcome(() -> models.promote(copy, "admin", (Integer) null)));
            String context = "round " + round + ": " + said;
            assertEquals(1, said.stream().filter("done"::equals).count(), context);
            assertEquals(1, said.stream().filter("already_active"::equals).count(), context);
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ModelActivation.count("version", copy)), context);
        }
    }

    /** A candidate with the serving version's parameters, so it can be loaded and served. */
    private int copyOfServing() {
        int version = QuarkusTransaction.requiringNew().call(() -> {
            int next = ModelVersion.nextVersionNumber();
            em.createNativeQuery("insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics) "
                    + "select ?1, 'candidate', encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics "
                    + "from model_versions where version = ?2").setParameter(1, next).setParameter(2, serving).executeUpdate();
            return next;
        });
        copies.add(version);
        return version;
    }
}
