-- The audit page lists one person's entries a page at a time, and names everyone who has entries: both read this index
-- (one range per page, one lookup per person), so neither grows with the length of the trail.
create index audit_events_actor_idx on audit_events (actor, id);
