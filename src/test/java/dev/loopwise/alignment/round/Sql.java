package dev.loopwise.alignment.round;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/** One-line reads of what a round stored, each in a transaction of its own so that it sees what the round committed. */
final class Sql {
    private Sql() {
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em().createNativeQuery(sql).getResultList());
    }

    static long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(sql).getSingleResult()).longValue());
    }

    static String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em().createNativeQuery(sql).getSingleResult()));
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
