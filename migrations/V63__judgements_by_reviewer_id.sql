-- A reviewer's own judgements, newest first a page at a time (My judgements): each page walks this index from the id the
-- previous one ended with, so a page costs the same however long the reviewer's history.
create index judgements_reviewer_id_idx on judgements (reviewer_id, id);
