-- Each start compares the LLM settings of its configuration with the ones recorded last: this small index finds that entry
-- at once, where a look through the audit trail for it would read the whole trail when none was ever recorded.
create index audit_events_llm_configured_idx on audit_events (id) where action = 'llm.settings.configured';
