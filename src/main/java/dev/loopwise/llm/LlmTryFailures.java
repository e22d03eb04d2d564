package dev.loopwise.llm;

import dev.loopwise.common.runtime.InstanceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

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
        em.createNativeQuery("insert into llm_try_failures (status, instance) values (?1, ?2)")
                .setParameter(1, tried.status()).setParameter(2, InstanceName.current()).executeUpdate();
    }
}
