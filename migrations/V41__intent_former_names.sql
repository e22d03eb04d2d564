-- The names an intent had before it was renamed. Trained versions know intents by the names they had when the version
-- was trained, so a version trained before a rename reads its labels through these to the intent's current name.
alter table intents add column former_names text[] not null default '{}';

-- Renames recorded before this column existed, as far as the audit trail tells them (an edit names the intent after it).
update intents i set former_names = coalesce((
    select array_agg(distinct e.details ->> 'renamedFrom')
    from audit_events e
    where e.action = 'intent.edit' and e.target = 'intent ' || i.name and e.details ? 'renamedFrom'
      and e.details ->> 'renamedFrom' <> i.name), '{}');
