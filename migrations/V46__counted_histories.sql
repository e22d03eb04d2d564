-- The rounds, drift proposals and changes of the active version pile up with the weeks; their pages show the newest few and
-- say how many there are in all. These figures are read from row_counts (V43) instead of counting the tables on every view.
create trigger alignment_rounds_counted_insert after insert on alignment_rounds referencing new table as new_rows
    for each statement execute function count_rows_changed();
create trigger alignment_rounds_counted_delete after delete on alignment_rounds referencing old table as old_rows
    for each statement execute function count_rows_changed();
create trigger alignment_rounds_counted_truncate after truncate on alignment_rounds
    for each statement execute function count_rows_changed();

create trigger monitoring_actions_counted_insert after insert on monitoring_actions referencing new table as new_rows
    for each statement execute function count_rows_changed();
create trigger monitoring_actions_counted_delete after delete on monitoring_actions referencing old table as old_rows
    for each statement execute function count_rows_changed();
create trigger monitoring_actions_counted_truncate after truncate on monitoring_actions
    for each statement execute function count_rows_changed();

create trigger model_activations_counted_insert after insert on model_activations referencing new table as new_rows
    for each statement execute function count_rows_changed();
create trigger model_activations_counted_delete after delete on model_activations referencing old table as old_rows
    for each statement execute function count_rows_changed();
create trigger model_activations_counted_truncate after truncate on model_activations
    for each statement execute function count_rows_changed();

-- The rows there already; the lock keeps writers out until this commits, so none is counted twice or missed.
lock table alignment_rounds, monitoring_actions, model_activations in share mode;
insert into row_counts (counted, key, rows) select 'alignment_rounds', 0, count(*) from alignment_rounds;
insert into row_counts (counted, key, rows) select 'monitoring_actions', 0, count(*) from monitoring_actions;
insert into row_counts (counted, key, rows) select 'model_activations', 0, count(*) from model_activations;
