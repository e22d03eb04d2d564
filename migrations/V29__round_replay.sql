-- A round trains on the judgements new since its base version's round plus a bounded replay sample of older
-- ones. It records the id range of its new judgements and the ids of the replayed ones (at most the replay
-- size) instead of every judgement id in one array, which every read of a round used to decode.
alter table alignment_rounds
    add column new_from            bigint,
    add column new_upto            bigint,
    add column new_judgements      integer not null default 0,
    add column replayed_judgements integer not null default 0;

-- Rounds before this read every judgement stored when they ran: all of them were new.
update alignment_rounds
   set new_judgements = cardinality(judgement_ids),
       new_from = (select min(x) from unnest(judgement_ids) x),
       new_upto = (select max(x) from unnest(judgement_ids) x);

alter table alignment_rounds drop column judgement_ids;

-- Which older judgements a round replayed. No foreign key: lineage must not stop a judgement being removed.
create table round_replayed_judgements (
    round_id     bigint not null references alignment_rounds(id) on delete cascade,
    judgement_id bigint not null,
    primary key (round_id, judgement_id)
);
