-- Fine-tuned encoder layers, content-addressed: a model version's encoder id ends in "+ft:" and the first
-- 16 hex digits of the SHA-256 of these bytes. Kept in the database (not on one instance's disk) so that
-- every instance can serve every version and a backup of the database is a backup of the models.
create table tuned_encoders (
    hash_prefix     char(16)    primary key,
    sha256          char(64)    not null unique,
    base_encoder_id varchar(200) not null,
    weights         bytea       not null,
    size_bytes      bigint      not null,
    created_at      timestamptz not null default now()
);

-- A support lead can cancel a training run; the worker sees the request at its next progress report.
alter table training_runs add column cancel_requested boolean not null default false;
alter table training_runs drop constraint training_runs_status_check;
alter table training_runs add constraint training_runs_status_check
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled'));
