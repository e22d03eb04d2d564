-- The knowledge-base passages an item's drafts were grounded on, shown to reviewers beside the replies so they can
-- check the drafts against them: a JSON array, best first, of {"source": article title, with its address in
-- parentheses when it has one, "text": the passage}. Null for items without drafts; an empty array when the
-- drafts had no passages to draw on.
alter table review_items add column sources jsonb;

-- Draft items still waiting for reviewers take theirs from the request they were made from.
update review_items i
set sources = coalesce((select jsonb_agg(jsonb_build_object('source', p->>'source', 'text', p->>'text') order by n)
                        from jsonb_array_elements(r.sources) with ordinality as e(p, n)), '[]'::jsonb)
from served_requests r
where i.strategy = 'drafts' and i.status = 'open' and i.source = 'request'
  and r.id = cast(i.source_id as uuid) and r.sources is not null;
