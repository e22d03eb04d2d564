package dev.loopwise.review.queue;

import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.text.SameWords;
import dev.loopwise.review.item.ReviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Review items from answers the LLM drafted for: the served candidate against the best other one the scorer would
 * have served, when at least one of the two is a draft — a draft against a library reply, or two drafts. Reviewers'
 * verdicts on them teach the reward model to rank drafts; their rewrites become library replies as for any item.
 * Both candidates come from the request log as scored (texts as sent), so nothing is drafted again; the knowledge
 * passages the drafts were grounded on come with them, for reviewers to check the drafts against (source and text
 * only: the search score means nothing to a reviewer). A runner-up with the served reply's own words (a draft that
 * copied a library reply) is passed over: a reviewer cannot choose between a reply and itself.
 */
@ApplicationScoped
class DraftReviewItems {
    @Inject
    EntityManager em;
    @Inject
    ReviewConfig config;

    /** Inserts up to {@code count} items (within the caller's transaction); returns how many. */
    int insert(int count) {
        if (count <= 0) {
            return 0;
        }
        // After the writes of a refill at the same moment, so a ticket it gave an item is passed over here.
        AdvisoryLock.forTransaction(em, ReviewItemGenerator.INSERT_LOCK);
        return em.createNativeQuery("""
                insert into review_items (ticket_text, ticket_hash, source, source_id, predicted_intent, reply1_id, reply2_id,
                    reply1_text, reply2_text, reply1_kind, reply2_kind, strategy, model_version, kind, required_judgements, sources)
                select r.text, r.text_hash, 'request', r.id::text, case when r.out_of_scope then null else r.intent end,
                       (a.c->>'replyId')::bigint, (b.c->>'replyId')::bigint, a.c->>'text', b.c->>'text',
                       case when a.c->>'kind' = 'draft' then 'draft' else 'library' end,
                       case when b.c->>'kind' = 'draft' then 'draft' else 'library' end,
                       'drafts', r.model_version, 'regular', ?2,
                       coalesce((select jsonb_agg(jsonb_build_object('source', p->>'source', 'text', p->>'text') order by n)
                                 from jsonb_array_elements(r.sources) with ordinality as e(p, n)), '[]'::jsonb)
                from (select distinct on (s.text_hash) s.* from (
                          select * from served_requests where candidates is not null and text <> ''
                          order by created_at desc limit ?3) s
                      where not exists (select 1 from review_items i where i.ticket_hash = s.text_hash)
                      order by s.text_hash, s.created_at desc) r
                cross join lateral (select c from jsonb_array_elements(r.candidates) as e(c) where (c->>'chosen')::boolean limit 1) a
                cross join lateral (select c from jsonb_array_elements(r.candidates) as e(c)
                                    where not (c->>'chosen')::boolean and (c->>'servable')::boolean
                                      and WORDS_OF_B <> WORDS_OF_A
                                    order by (c->>'score')::float8 desc limit 1) b
                where a.c->>'kind' = 'draft' or b.c->>'kind' = 'draft'
                limit ?1
                on conflict do nothing""".replace("WORDS_OF_B", SameWords.sql("c->>'text'")).replace("WORDS_OF_A", SameWords.sql("a.c->>'text'")))
                .setParameter(1, count).setParameter(2, config.judgementsPerItem())
                .setParameter(3, config.refillWindow()).executeUpdate();
    }
}
