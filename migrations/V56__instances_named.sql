-- Behind a load balancer an operator needs to know which instance ran a job (to find its log) and what an LLM failure
-- on Try a ticket said, whichever instance the lead reached.

-- The instance (host name and HTTP port) that claimed the job; null while queued, and for jobs run before this was kept.
alter table training_runs add column ran_on text;
alter table alignment_rounds add column ran_on text;
alter table knowledge_imports add column ran_on text;
alter table drift_replays add column ran_on text;

-- LLM failures met by "Try a ticket": not customer traffic, so kept out of the request log that drift, review and the
-- serving figures read; the LLM page reads both for its latest failure and its "Now:" line. Kept a day.
create table llm_try_failures (
    id bigint generated always as identity primary key,
    failed_at timestamptz not null default now(),
    status text not null,
    instance text not null
);
create index llm_try_failures_at_idx on llm_try_failures (failed_at);
