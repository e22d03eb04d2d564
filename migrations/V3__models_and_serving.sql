-- Sentence vectors by (encoder, text): a text is never encoded twice by the same encoder.
create table embeddings (
    encoder_id varchar(80) not null,
    text_hash  varchar(64) not null,
    vector     bytea       not null,                -- float32, little-endian
    created_at timestamptz not null default now(),
    primary key (encoder_id, text_hash)
);

-- Every trained model: its parameters, the data it saw, its held-out metrics. One is active.
create table model_versions (
    id           bigserial   primary key,
    version      integer     not null unique,
    status       varchar(16) not null check (status in ('candidate', 'active', 'retired', 'rejected')),
    encoder_id   varchar(80) not null,
    regime       varchar(16) not null,
    parameters   bytea       not null,
    checksum     varchar(64) not null,              -- SHA-256 hex of parameters
    lineage      jsonb       not null,
    metrics      jsonb       not null,
    created_by   varchar(64),
    created_at   timestamptz not null default now(),
    activated_at timestamptz
);
create unique index model_versions_one_active on model_versions ((status)) where status = 'active';

-- Training runs started from the admin page or the API, with their progress.
create table training_runs (
    id          bigserial   primary key,
    status      varchar(16) not null check (status in ('queued', 'running', 'succeeded', 'failed')),
    progress    real        not null default 0,
    step        varchar(200),
    settings    jsonb       not null default '{}'::jsonb,
    version_id  bigint      references model_versions(id),
    error       text,
    started_by  varchar(64),
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);

-- The request log: every /respond and /classify call, for review and drift monitoring.
create table served_requests (
    id            uuid        primary key,
    endpoint      varchar(16) not null check (endpoint in ('respond', 'classify')),
    text          text        not null,
    text_hash     varchar(64) not null,
    intent        varchar(100),
    confidence    real,
    out_of_scope  boolean     not null,
    reply_id      bigint,
    reply_text    text,
    model_version integer,
    latency_ms    real        not null,
    caller        varchar(64),
    created_at    timestamptz not null default now()
);
create index served_requests_created_idx on served_requests (created_at);

-- Every change of the active version, with why and by whom.
create table model_activations (
    id               bigserial   primary key,
    version          integer     not null,
    previous_version integer,
    reason           varchar(32) not null,
    actor            varchar(64),
    created_at       timestamptz not null default now()
);
