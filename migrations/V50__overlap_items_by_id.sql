-- The agreement interval reads the newest overlap items; this keeps that read to the items it returns however many
-- review items of other kinds the history holds.
create index review_items_overlap_id_idx on review_items (id) where kind = 'overlap';
