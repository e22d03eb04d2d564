-- Review quality offers the pairs download only when a reviewer has chosen one reply over the other. Ties, "both bad"
-- and skips are most judgements on some teams, and a look for the first strict choice would then read a long history;
-- this small index answers it at once.
create index judgements_strict_idx on judgements (id) where choice in ('1', '2');
