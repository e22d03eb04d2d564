-- Every training and every round stores a version's weights (and a fine-tune its tuned encoder layers, 40-85 MB), so
-- without a limit the database grows with every version ever made. Old versions that nothing needs lose their weights
-- (LOOPWISE_MODEL_VERSIONS_KEEP_WEIGHTS); their row, figures and lineage stay, so history, audit and drift references
-- still read them. Only a version that no longer serves and cannot be chosen may lose them.
alter table model_versions alter column parameters drop not null;
alter table model_versions add column weights_removed_at timestamptz;
alter table model_versions add constraint model_versions_weights_kept
    check ((parameters is not null and weights_removed_at is null)
        or (parameters is null and weights_removed_at is not null and status in ('retired', 'rejected')));
