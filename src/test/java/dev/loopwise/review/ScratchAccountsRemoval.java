package dev.loopwise.review;

import dev.loopwise.security.ScratchAccounts;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * After every test, removes the accounts and keys its helpers made ({@link ScratchAccounts}): the reviewers with their
 * judgements, their running sums taken back ({@link ScratchReviewers}), and the keys given to the demo's accounts.
 * Registered in {@code META-INF/services}, so no test has to remember it.
 */
public class ScratchAccountsRemoval implements QuarkusTestAfterEachCallback {
    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ScratchAccounts.Made made = ScratchAccounts.take();
        if (!made.keys().isEmpty()) {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from api_keys where id = any(?1)")
                    .setParameter(1, made.keys().toArray(Long[]::new)).executeUpdate());
        }
        ScratchReviewers.remove(made.users(), List.of());
    }
}
