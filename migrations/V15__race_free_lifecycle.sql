-- Version numbers come from one sequence, whoever asks (a training run or an alignment round): two jobs
-- finishing at the same moment can no longer both take max + 1 and collide on the unique key. Existing
-- versions keep their numbers; the sequence continues after the highest. A rolled-back save leaves a gap.
create sequence model_version_numbers;
select setval('model_version_numbers', coalesce((select max(version) from model_versions), 0) + 1, false);

-- Training runs prove they are alive the way rounds do: the instance running one refreshes heartbeat_at,
-- and any instance fails a running job whose heartbeat went stale (its process died).
alter table training_runs add column heartbeat_at timestamptz not null default now();

-- Jobs are claimed by a row update rather than by waiting on an advisory lock; these indexes make a
-- second 'running' job of one kind impossible, whichever instances claim at the same moment. Rows left
-- running by the previous release, which could not heartbeat, are failed here except the newest one,
-- which the heartbeat check fails once it is stale.
update training_runs set status = 'failed', finished_at = now(),
    error = 'Interrupted: the process stopped during the training. No version was made; train again.'
where status = 'running' and id <> (select max(id) from training_runs where status = 'running');
create unique index training_runs_one_running on training_runs ((status)) where status = 'running';

update alignment_rounds set status = 'failed', finished_at = now(),
    reason = 'Interrupted: the process stopped during the round. The active version was not changed; run the round again.'
where status = 'running' and id <> (select max(id) from alignment_rounds where status = 'running');
create unique index alignment_rounds_one_running on alignment_rounds ((status)) where status = 'running';
update alignment_rounds set heartbeat_at = coalesce(heartbeat_at, started_at, created_at) where heartbeat_at is null;
alter table alignment_rounds alter column heartbeat_at set default now();
alter table alignment_rounds alter column heartbeat_at set not null;

-- A round whose base version stopped being the active one while it ran (an admin rolled back, another
-- round promoted) is 'superseded': its comparison was made against a version that no longer serves.
alter table alignment_rounds drop constraint alignment_rounds_status_check;
alter table alignment_rounds add constraint alignment_rounds_status_check
    check (status in ('queued', 'running', 'promoted', 'rejected', 'needs_evidence', 'superseded', 'failed'));
