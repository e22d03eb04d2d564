-- A knowledge file too large to embed while its request waits is imported in the background, as a job with progress
-- and a cancel button. The row holds the uploaded file until the import ends (then the bytes are dropped: the
-- articles and passages are what stays), so any instance can run it and a queued import survives a restart.
create table knowledge_imports (
    id               bigserial    primary key,
    status           varchar(16)  not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    file_name        text,
    content_type     text,
    url              text,
    content          bytea,
    passages         integer      not null,
    passages_done    integer      not null default 0,
    articles         integer,
    replaced         integer,
    summary          text,
    error            text,
    started_by       text         not null,
    created_at       timestamptz  not null default now(),
    finished_at      timestamptz,
    heartbeat_at     timestamptz  not null default now(),
    cancel_requested boolean      not null default false
);
-- One import runs at a time across instances (JobRows claims under this index), oldest first.
create unique index knowledge_imports_one_running on knowledge_imports ((status)) where status = 'running';
create index knowledge_imports_open on knowledge_imports (id) where status in ('queued', 'running');
