-- Who did what, and when: every admin action, written in the same transaction as the action itself,
-- so an action that rolled back leaves no entry and an action that happened always has one.
create table audit_events (
    id          bigserial    primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(64)  not null,          -- a username, or 'system' for start-up and the command line
    action      varchar(64)  not null,          -- e.g. model.promote, user.disable, key.create
    target      varchar(256) not null,          -- what the action was done to, e.g. 'model version 3'
    details     jsonb        not null default '{}'::jsonb
);
-- Newest first, and the export's since/until ranges.
create index audit_events_time_idx on audit_events(occurred_at, id);
