-- What each retention job did the last time it ran, so that an admin can see on Audit that old data is being removed
-- (or why not) without reading the log. One row per job, replaced at each run: the log keeps the history.
create table retention_runs (
    job     varchar(40) primary key,
    ran_at  timestamptz not null default now(),
    outcome text        not null
);
