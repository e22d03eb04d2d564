-- The names of intents removed or merged into another. A version's page asks whether an intent an older version knew
-- and another lacks is gone; the audit trail answered, but its retention may delete the entry, after which a long-gone
-- intent was named as missing again. One short row per name, kept as the intents themselves are.
create table removed_intents (
    name       varchar(100) primary key,
    removed_at timestamptz  not null
);

-- The removals the trail still holds, the latest per name (through V61's index, which only this lookup read).
insert into removed_intents (name, removed_at)
select substr(target, 8), max(occurred_at)
from audit_events
where action in ('intent.remove', 'intent.merge') and target like 'intent %' and length(target) <= 107
group by substr(target, 8);

drop index audit_events_intent_gone_idx;
