-- A version's page asks whether an intent it knows and another version lacks was removed or merged since: this small
-- index answers from those few entries, where the question would otherwise read the whole audit trail.
create index audit_events_intent_gone_idx on audit_events (target) where action in ('intent.remove', 'intent.merge');
