-- Reads that would otherwise walk a table growing with history.

-- An item every reviewer skips would stay open for ever and count as waiting, so the queue would never be
-- topped up: after enough skips it is set aside ('skipped').
alter table review_items add column skips integer not null default 0;
alter table review_items drop constraint review_items_status_check;
alter table review_items add constraint review_items_status_check check (status in ('open', 'complete', 'skipped'));

-- Leases left behind (a closed tab, a lease that ran out) are purged; the purge and the live-lease counts find them by time.
create index review_leases_expires_idx on review_leases (expires_at);

-- The article list, newest first, one page at a time.
create index knowledge_articles_imported_idx on knowledge_articles (imported_at desc, id desc);

-- The reply library's fingerprint and the active replies by intent, without the retired ones and rewrite proposals.
create index replies_active_idx on replies (intent_id, id) where status = 'active';

-- Claiming the oldest queued job.
create index training_runs_queued_idx on training_runs (id) where status = 'queued';
create index alignment_rounds_queued_idx on alignment_rounds (id) where status = 'queued';

create index drift_alerts_version_idx on drift_alerts (model_version);
create index model_versions_checksum_idx on model_versions (checksum);
create index knowledge_imports_finished_idx on knowledge_imports (finished_at) where finished_at is not null;
create index review_items_set_aside_idx on review_items (created_at) where status = 'skipped';
create index alignment_rounds_created_idx on alignment_rounds (created_at);
