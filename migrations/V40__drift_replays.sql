-- A replay too long to wait for in its request runs as a background job, with progress and cancel, on any instance:
-- its tickets stay in the row until it ends, and its outcome afterwards.
create table drift_replays (
    id               bigserial    primary key,
    status           varchar(16)  not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    source           text         not null,
    texts            jsonb,
    total            integer      not null,
    sent             integer      not null default 0,
    failed           integer      not null default 0,
    first_error      text,
    checks           integer      not null default 0,
    alerts           integer      not null default 0,
    error            text,
    started_by       text         not null,
    created_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    heartbeat_at     timestamptz  not null default now(),
    cancel_requested boolean      not null default false
);
-- One replay runs at a time across instances (JobRows claims under this index), oldest first.
create unique index drift_replays_one_running on drift_replays ((status)) where status = 'running';
create index drift_replays_open on drift_replays (id) where status in ('queued', 'running');
create index drift_replays_finished_idx on drift_replays (finished_at) where finished_at is not null;
