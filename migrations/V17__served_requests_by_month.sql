-- The request log grows with every answer and old traffic is only ever dropped whole: one partition per
-- month (UTC) lets retention drop a month in one step instead of deleting millions of rows, and keeps
-- the newest months' indexes small. A partitioned table's primary key must hold the partition key,
-- so it is (id, created_at). Feedback keeps the request id without a foreign key (PostgreSQL can only
-- reference the whole key); the feedback endpoint checks that the request exists, and retention removes
-- the feedback of the months it drops. Rows outside every monthly partition land in the default one
-- until the partition job makes their month (RequestLogPartitions).
-- Month boundaries are UTC whatever the server's time zone.
set local time zone 'UTC';

alter table feedback drop constraint feedback_request_id_fkey;
create index feedback_request_idx on feedback (request_id);

create table served_requests_by_month (
    id            uuid        not null,
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
    created_at    timestamptz not null default now(),
    primary key (id, created_at)
) partition by range (created_at);

create table served_requests_default partition of served_requests_by_month default;

-- A partition for every month that has traffic, and the current and next months.
do $$
declare
    month timestamptz;
    last  timestamptz := date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' + interval '1 month';
begin
    month := coalesce((select date_trunc('month', min(created_at) at time zone 'UTC') at time zone 'UTC' from served_requests),
                      date_trunc('month', now() at time zone 'UTC') at time zone 'UTC');
    while month <= last loop
        execute format('create table %I partition of served_requests_by_month for values from (%L) to (%L)',
                       'served_requests_' || to_char(month at time zone 'UTC', 'YYYY_MM'), month, month + interval '1 month');
        month := month + interval '1 month';
    end loop;
end $$;

insert into served_requests_by_month select id, endpoint, text, text_hash, intent, confidence, out_of_scope, reply_id, reply_text,
    model_version, latency_ms, caller, created_at from served_requests;
drop table served_requests;
alter table served_requests_by_month rename to served_requests;
alter index served_requests_by_month_pkey rename to served_requests_pkey;

create index served_requests_created_idx on served_requests (created_at);
create index served_requests_version_created_idx on served_requests (model_version, created_at desc, id);
