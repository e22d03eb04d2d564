-- Listings read a page with "where id < cursor order by id desc limit n": the primary key serves the plain ones.

-- The tickets still waiting for an intent, newest first: walked from the cursor without passing over the labelled ones,
-- however many of those there are.
create index tickets_unlabelled_idx on tickets (id) where intent_id is null;

-- The article list now pages by id (newest import first), so this ordering is no longer read.
drop index if exists knowledge_articles_imported_idx;
