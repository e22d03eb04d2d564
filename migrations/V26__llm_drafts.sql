-- The LLM connection saved on the admin page (one row); without a row the configuration's settings apply.
create table llm_settings (
    id           integer     primary key check (id = 1),
    enabled      boolean     not null,
    base_url     text,
    model        varchar(200),
    api_key      text,                 -- never shown back in full
    timeout_ms   integer     not null check (timeout_ms between 100 and 600000),
    drafts       integer     not null check (drafts between 1 and 8),
    temperature  real        not null check (temperature between 0 and 2),
    brand_voice  text        not null,
    updated_by   varchar(64),
    updated_at   timestamptz not null default now()
);

-- What each answer came from when an LLM is connected: 'library' or 'llm', the LLM's state in words
-- ("3 drafts", "unavailable: timeout"), every candidate with its reward score and whether it was served, and
-- the knowledge passages the drafts were grounded on. All null when no LLM is connected.
alter table served_requests add column answer_source varchar(8) check (answer_source in ('library', 'llm'));
alter table served_requests add column llm_status text;
-- How long the LLM took for this request's drafts: latency_ms minus this is Loopwise's own share.
alter table served_requests add column llm_ms real;
alter table served_requests add column candidates jsonb;
alter table served_requests add column sources jsonb;
