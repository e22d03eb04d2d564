-- The names of intents removed or merged into another. A version's page asks whether an intent an older version knew
-- and another lacks is gone; the audit trail answered, but its retention may delete the entry, after which a long-gone
-- intent was named as missing again. One short row per name, kept as the intents themselves are.
create table removed_intents (
    name       varchar(100) primary key,
    removed_at timestamptz  not null
);

-- The removals the trail still holds (found through V61's index, which only this lookup read), the latest per name, and
-- the names each of those intents had before: the edit that renamed one is entered under the name it took and says the
-- one it had (as V41 read them), so a chain of renames is followed back. Only edits made before the name went count:
-- an intent created later under that name may have been renamed since, and still is an intent.
with recursive gone(name, removed_at, named_until) as (
    select substr(target, 8), max(occurred_at), max(occurred_at)
    from audit_events
    where action in ('intent.remove', 'intent.merge') and target like 'intent %'
    group by substr(target, 8)
    union
    select e.details ->> 'renamedFrom', g.removed_at, e.occurred_at
    from gone g
    join audit_events e on e.action = 'intent.edit' and e.target = 'intent ' || g.name and e.occurred_at <= g.named_until
    where e.details ? 'renamedFrom' and e.details ->> 'renamedFrom' <> g.name
)
insert into removed_intents (name, removed_at)
select name, max(removed_at) from gone where length(name) <= 100 group by name;

-- Every name a trained version learned, the out-of-scope label aside, was an intent's when the version was trained: one
-- that no intent has now, as its name or a former one, has gone, though the trail may no longer say when (so the time
-- of this migration stands for it).
insert into removed_intents (name, removed_at)
select distinct l.name, now()
from model_versions v,
     jsonb_array_elements_text(case when jsonb_typeof(v.lineage -> 'intents') = 'array' then v.lineage -> 'intents'
                                    else '[]'::jsonb end) as l(name)
where l.name <> 'oos' and length(l.name) <= 100
  and not exists (select 1 from intents i where i.name = l.name or l.name = any(i.former_names))
on conflict (name) do nothing;

drop index audit_events_intent_gone_idx;
