-- A round proposed after drift waits until reviewers have judged the requests the drift queued (or a
-- deadline passes): a round on the judgements that existed before the drift could only be rejected.
alter table monitoring_actions drop constraint monitoring_actions_status_check;
alter table monitoring_actions add constraint monitoring_actions_status_check
    check (status in ('done', 'pending', 'approved', 'dismissed', 'waiting'));
-- Ready when this many non-skip judgements exist in all, or at ready_at, whichever comes first.
alter table monitoring_actions add column ready_after_judgements bigint;
alter table monitoring_actions add column ready_at timestamptz;
