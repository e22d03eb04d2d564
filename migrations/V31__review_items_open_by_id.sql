-- A reviewer's next item is the oldest open one they may take: read in id order from the open items only, so the
-- lease stops at the first eligible item instead of sorting every open item (a team's stock can hold a thousand)
-- or walking past every completed one in the primary key.
create index review_items_open_id_idx on review_items (id) where status = 'open';
