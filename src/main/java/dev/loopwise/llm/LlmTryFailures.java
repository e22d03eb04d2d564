package dev.loopwise.llm;

import dev.loopwise.common.runtime.InstanceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.ZoneOffset;

/**
 * LLM failures met by "Try a ticket". A tried ticket is no customer's, so it stays out of the request log (drift, review
 * and the serving figures read that as traffic), but the LLM page's latest failure reads these too: a lead who just saw
 * a failure on Try must not find "no failure" there, whichever instance each page came from.
 */
@ApplicationScoped
public class LlmTryFailures {
    @Inject
    EntityManager em;

    /** Keeps the outcome's reason if the LLM gave the tried ticket no draft; a day's worth is kept, as the page reads. */
    @Transactional(TxType.REQUIRES_NEW)
    public void note(LlmOutcome tried) {
        if (tried == null || tried.status() == null || !tried.status().startsWith(LlmFigures.UNAVAILABLE)) {
            return;
        }
        em.createNativeQuery("delete from llm_try_failures where failed_at < now() - interval '1 day'").executeUpdate();
        // A null bound here would carry no type for the column to take: the end of a hold is only written when there is one.
        Query insert = em.createNativeQuery(tried.heldUntil() == null ? "insert into llm_try_failures (status, instance) values (?1, ?2)"
                : "insert into llm_try_failures (status, instance, held_until) values (?1, ?2, ?3)")
                .setParameter(1, tried.status()).setParameter(2, InstanceName.current());
        if (tried.heldUntil() != null) {
            insert.setParameter(3, tried.heldUntil().atOffset(ZoneOffset.UTC));
        }
        insert.executeUpdate();
    }
}
