-- A round whose reward model continues from its base's leaves out of its held-out checks the judgements on tickets worded
-- like one that model learned from in an earlier round. Found per held-out ticket through this index, so the cost follows
-- how many tickets are checked, not how many review items are stored. The key is coarser than the product's "same words,
-- case and spacing aside" (every kind of spacing is dropped, not collapsed) so that every look-alike shares it; the
-- exact comparison is made on the few rows found. Hashed, as ticket texts may be longer than an index entry allows.
-- Building the index computes the key for the existing rows.
create index review_items_look_alike_idx on review_items
    (md5(lower(regexp_replace(ticket_text, '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', '', 'g'))));
