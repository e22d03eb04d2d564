-- The agreement chart keeps the points of its settled days (all but yesterday and today) between requests, in each
-- instance (ReviewStats). Any write to a day before today — an undo of an older judgement, the roll-up, a rebuild, a
-- change by hand — moves this counter on; every chart reads it first and recomputes its settled days when it moved.
-- Writes of today's sums, which is what judging does, leave it alone, so reviewers never wait on this row.
create table review_settled_days (
    id         smallint primary key check (id = 1),
    generation bigint not null
);
insert into review_settled_days values (1, 0);

create function note_settled_day_written() returns trigger language plpgsql as $$
begin
    update review_settled_days set generation = generation + 1 where id = 1;
    return null;
end $$;

create trigger agreement_days_settled_new after insert or update on review_agreement_days for each row
    when (new.day < (now() at time zone 'UTC')::date) execute function note_settled_day_written();
create trigger agreement_days_settled_old after update or delete on review_agreement_days for each row
    when (old.day < (now() at time zone 'UTC')::date) execute function note_settled_day_written();
create trigger coincidences_settled_new after insert or update on review_coincidences for each row
    when (new.day < (now() at time zone 'UTC')::date) execute function note_settled_day_written();
create trigger coincidences_settled_old after update or delete on review_coincidences for each row
    when (old.day < (now() at time zone 'UTC')::date) execute function note_settled_day_written();
