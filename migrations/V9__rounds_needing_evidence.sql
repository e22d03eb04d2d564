-- A round whose gates cannot decide on the data it had is neither promoted nor rejected.
alter table alignment_rounds drop constraint if exists alignment_rounds_status_check;
alter table alignment_rounds add constraint alignment_rounds_status_check
    check (status in ('queued', 'running', 'promoted', 'rejected', 'needs_evidence', 'failed'));
