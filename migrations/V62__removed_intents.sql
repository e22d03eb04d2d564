-- The names of intents removed or merged into another. A version's page asks whether an intent an older version knew
-- and another lacks is gone; the audit trail answered, but its retention may delete the entry, after which a long-gone
-- intent was named as missing again. One short row per name, kept as the intents themselves are.
create table removed_intents (
    name       varchar(100) primary key,
    removed_at timestamptz  not null
);

-- The removals the trail still holds (found through V61's index, which only this lookup read), the latest per name. The
-- names such an intent had before need no row: versions' pages ask only about names their lineage holds, and the
-- statement below notes every one of those that no intent has now.
insert into removed_intents (name, removed_at)
select substr(target, 8), max(occurred_at)
from audit_events
where action in ('intent.remove', 'intent.merge') and target like 'intent %' and length(substr(target, 8)) <= 100
group by substr(target, 8);

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
