-- Review items may pair an LLM draft with a library reply, or two drafts: a draft has no library id, so its
-- side keeps only its text and says it is a draft.
alter table review_items alter column reply1_id drop not null;
alter table review_items alter column reply2_id drop not null;
alter table review_items add column reply1_kind varchar(8) not null default 'library' check (reply1_kind in ('library', 'draft'));
alter table review_items add column reply2_kind varchar(8) not null default 'library' check (reply2_kind in ('library', 'draft'));
alter table review_items add constraint review_items_library_has_id
    check ((reply1_kind = 'draft' or reply1_id is not null) and (reply2_kind = 'draft' or reply2_id is not null));
alter table review_items drop constraint review_items_strategy_check;
alter table review_items add constraint review_items_strategy_check check (strategy in ('top2', 'sample', 'versus', 'drafts'));
-- The unique key on reply ids cannot tell drafts apart (nulls are distinct): one item per ticket and pair of texts.
create unique index review_items_draft_pair_idx on review_items (ticket_hash, md5(reply1_text), md5(reply2_text))
    where strategy = 'drafts';
-- Served requests with drafts, newest first, are where draft review items come from.
create index served_requests_drafted_idx on served_requests (created_at) where candidates is not null;
