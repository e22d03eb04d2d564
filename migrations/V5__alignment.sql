-- Alignment rounds: the judgements they used, their progress, metrics, gates and outcome.
create table alignment_rounds (
    id                bigserial   primary key,
    method            varchar(16) not null check (method in ('reward_weighted', 'dpo')),
    settings          jsonb       not null,
    status            varchar(16) not null check (status in ('queued', 'running', 'promoted', 'rejected', 'failed')),
    progress          real        not null default 0,
    step              varchar(200),
    log               jsonb       not null default '[]'::jsonb,
    metrics           jsonb       not null default '{}'::jsonb,
    gates             jsonb       not null default '[]'::jsonb,
    reason            text,
    base_version      integer,
    reference_version integer,
    candidate_version integer,
    promoted          boolean     not null default false,
    judgement_ids     bigint[]    not null default '{}',
    lineage           jsonb       not null default '{}'::jsonb,
    started_by        varchar(64),
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz
);

-- Thumbs up or down from an API client on a served reply.
create table feedback (
    id         bigserial   primary key,
    request_id uuid        not null references served_requests(id),
    rating     varchar(4)  not null check (rating in ('up', 'down')),
    comment    text,
    caller     varchar(64),
    created_at timestamptz not null default now(),
    unique (request_id, caller)
);

-- Preference pairs a team brings along (TRL JSONL), used by rounds beside the reviewers' judgements.
create table imported_preferences (
    id         bigserial   primary key,
    prompt     text        not null,
    chosen     text        not null,
    rejected   text        not null,
    margin     real,
    batch      varchar(64) not null,
    created_by varchar(64),
    created_at timestamptz not null default now()
);
