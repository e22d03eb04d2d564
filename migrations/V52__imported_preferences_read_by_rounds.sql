-- A reward model continued from an earlier round's learned from the imported preference pairs that round read, which a
-- later round may no longer read (it reads only the newest). Each round records the id range of the imported pairs it
-- read, as it does for its new judgements, so that a later round along the line can leave their tickets' look-alikes
-- out of what it measures. Rounds recorded before this could have read any pair imported until now: they are given that
-- whole range, which can only leave out more than they learned, never less.
alter table alignment_rounds add column imported_from bigint, add column imported_upto bigint;
update alignment_rounds set imported_from = (select min(id) from imported_preferences),
                            imported_upto = (select max(id) from imported_preferences)
where new_upto is not null;
-- The same key as review_items_look_alike_idx (V51), so that imported pairs are found per checked ticket too.
create index imported_preferences_look_alike_idx on imported_preferences
    (md5(lower(regexp_replace(prompt, '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', '', 'g'))));
