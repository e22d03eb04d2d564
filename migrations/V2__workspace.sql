-- The support workspace: intents, tickets and the reply library.
create table intents (
    id          bigserial primary key,
    name        varchar(100) not null unique,
    description text         not null default '',
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table tickets (
    id         bigserial primary key,
    text       text         not null,
    text_hash  varchar(64)  not null,             -- SHA-256 hex of the text, for de-duplication and caching
    intent_id  bigint       references intents(id),
    response   text,                              -- the historical agent reply, when known
    split      varchar(8)   check (split in ('train', 'test')),
    source     varchar(16)  not null check (source in ('import', 'demo', 'traffic')),
    metadata   jsonb        not null default '{}'::jsonb,
    created_at timestamptz  not null default now()
);
create index tickets_intent_idx on tickets(intent_id);
create index tickets_hash_idx on tickets(text_hash);

create table replies (
    id         bigserial primary key,
    intent_id  bigint       not null references intents(id),
    text       text         not null,
    status     varchar(16)  not null default 'active' check (status in ('active', 'pending', 'retired')),
    source     varchar(16)  not null default 'library' check (source in ('library', 'demo', 'rewrite')),
    created_at timestamptz  not null default now()
);
create index replies_intent_idx on replies(intent_id);
