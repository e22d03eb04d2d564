-- A support lead can cancel an alignment round, as a training run: a queued one ends at once, a running one at its next step.
alter table alignment_rounds add column cancel_requested boolean not null default false;
alter table alignment_rounds drop constraint alignment_rounds_status_check;
alter table alignment_rounds add constraint alignment_rounds_status_check
    check (status in ('queued', 'running', 'promoted', 'rejected', 'needs_evidence', 'superseded', 'failed', 'cancelled'));
