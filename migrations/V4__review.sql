-- Review: pairs of candidate replies to a ticket, judged by reviewers.
create table review_items (
    id                   bigserial   primary key,
    ticket_text          text        not null,
    ticket_hash          varchar(64) not null,
    source               varchar(16) not null check (source in ('traffic', 'ticket', 'request')),
    source_id            varchar(64),                    -- ticket id or request id
    predicted_intent     varchar(100),
    reply1_id            bigint      not null references replies(id),
    reply2_id            bigint      not null references replies(id),
    reply1_text          text        not null,           -- as shown: slots filled from the ticket
    reply2_text          text        not null,
    strategy             varchar(16) not null check (strategy in ('top2', 'sample', 'versus')),
    model_version        integer,
    versus_version       integer,                        -- reply2 came from this candidate version
    kind                 varchar(8)  not null default 'regular' check (kind in ('regular', 'overlap', 'gold')),
    required_judgements  integer     not null check (required_judgements >= 1),
    gold_choice          varchar(8)  check (gold_choice in ('1', '2', 'tie', 'both_bad')),
    judgements           integer     not null default 0,  -- counted as they are stored
    status               varchar(8)  not null default 'open' check (status in ('open', 'complete')),
    created_at           timestamptz not null default now(),
    unique (ticket_hash, reply1_id, reply2_id)
);
create index review_items_open_idx on review_items (status, kind, id) where status = 'open';

-- An item handed to one reviewer until it expires or is judged; shown with A/B swapped or not.
create table review_leases (
    item_id     bigint      not null references review_items(id) on delete cascade,
    reviewer_id bigint      not null references users(id),
    swapped     boolean     not null,
    leased_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    primary key (item_id, reviewer_id)
);

create table judgements (
    id          bigserial   primary key,
    item_id     bigint      not null references review_items(id),
    reviewer_id bigint      not null references users(id),
    choice      varchar(8)  not null check (choice in ('1', '2', 'tie', 'both_bad', 'skip')),
    shown_as    varchar(1)  check (shown_as in ('A', 'B')),    -- the letter the reviewer pressed
    swapped     boolean     not null,                          -- reply 2 was shown as A
    rating1     smallint    check (rating1 between 1 and 5),
    rating2     smallint    check (rating2 between 1 and 5),
    rewrite     text,
    skip_reason text,
    duration_ms integer,
    created_at  timestamptz not null default now(),
    unique (item_id, reviewer_id)
);
create index judgements_reviewer_idx on judgements (reviewer_id, created_at);
create index judgements_item_idx on judgements (item_id);

alter table replies add column judgement_id bigint references judgements(id);
alter table replies add column created_by varchar(64);

-- A candidate version that reviewers compare against the active one.
alter table model_versions add column under_review boolean not null default false;
