-- Figures the admin pages show on every view (tickets in all and per intent, tickets waiting for an intent, model versions,
-- knowledge articles, drift checks and alerts of a version) are read from here instead of counting the growing tables each time.
--
-- Triggers keep them, so every way rows are written counts: the app, imports, bulk SQL, a cascade, a truncate. Writers never
-- lock a shared counter row (a busy counter would make concurrent imports and traffic wait on each other, or deadlock when
-- two of them touch the same intents in another order): each write statement appends its net change to row_count_deltas,
-- and now and then one transaction at a time folds the deltas into row_counts. A figure is row_counts plus the few deltas not
-- yet folded, so it is exact for what is committed, and reading it costs the same however long the history is.
create table row_counts (
    counted text   not null, -- the table counted
    key     bigint not null, -- tickets: the intent id, 0 for those without one; drift reports and alerts: the model version; else 0
    rows    bigint not null,
    primary key (counted, key)
);

create table row_count_deltas (
    id      bigserial primary key,
    counted text   not null,
    key     bigint not null,
    delta   bigint not null
);
create index row_count_deltas_counted_idx on row_count_deltas (counted, key);

-- Folds the committed deltas into row_counts. Only one transaction folds at a time (the others skip and leave their deltas for
-- a later fold), so the counter rows are only ever locked by that one.
create function fold_row_counts() returns void language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(5940097565041454708) then -- "RowCount" in ASCII
        return;
    end if;
    with moved as (delete from row_count_deltas returning counted, key, delta)
    insert into row_counts (counted, key, rows)
    select counted, key, sum(delta) from moved group by counted, key
    on conflict (counted, key) do update set rows = row_counts.rows + excluded.rows;
end $$;

-- Appends one statement's net change per key. The key of a row is the expression given as the trigger's argument.
create function count_rows_changed() returns trigger language plpgsql as $$
declare
    key_of text := coalesce(TG_ARGV[0], '0');
begin
    if TG_OP = 'INSERT' then
        execute format('insert into row_count_deltas (counted, key, delta) select %L, k, count(*) from '
                       '(select %s as k from new_rows) r group by k', TG_TABLE_NAME, key_of);
    elsif TG_OP = 'DELETE' then
        execute format('insert into row_count_deltas (counted, key, delta) select %L, k, -count(*) from '
                       '(select %s as k from old_rows) r group by k', TG_TABLE_NAME, key_of);
    elsif TG_OP = 'UPDATE' then
        -- Most updates leave the key alone and append nothing.
        execute format('insert into row_count_deltas (counted, key, delta) select %L, k, sum(d) from '
                       '(select %s as k, 1 as d from new_rows union all select %s, -1 from old_rows) r '
                       'group by k having sum(d) <> 0', TG_TABLE_NAME, key_of, key_of);
    else -- TRUNCATE: takes the table's exclusive lock, so what this transaction sees is the whole count
        insert into row_count_deltas (counted, key, delta)
        select TG_TABLE_NAME, key, -sum(rows) from
            (select key, rows from row_counts where counted = TG_TABLE_NAME
             union all select key, delta from row_count_deltas where counted = TG_TABLE_NAME) r
        group by key having sum(rows) <> 0;
    end if;
    -- About one write statement in 32 folds, so the deltas read with a figure stay few.
    if random() < 1.0 / 32 then
        perform fold_row_counts();
    end if;
    return null;
end $$;

create trigger tickets_counted_insert after insert on tickets referencing new table as new_rows
    for each statement execute function count_rows_changed('coalesce(intent_id, 0)');
create trigger tickets_counted_update after update on tickets referencing old table as old_rows new table as new_rows
    for each statement execute function count_rows_changed('coalesce(intent_id, 0)');
create trigger tickets_counted_delete after delete on tickets referencing old table as old_rows
    for each statement execute function count_rows_changed('coalesce(intent_id, 0)');
create trigger tickets_counted_truncate after truncate on tickets
    for each statement execute function count_rows_changed();

create trigger model_versions_counted_insert after insert on model_versions referencing new table as new_rows
    for each statement execute function count_rows_changed();
create trigger model_versions_counted_delete after delete on model_versions referencing old table as old_rows
    for each statement execute function count_rows_changed();
create trigger model_versions_counted_truncate after truncate on model_versions
    for each statement execute function count_rows_changed();

create trigger knowledge_articles_counted_insert after insert on knowledge_articles referencing new table as new_rows
    for each statement execute function count_rows_changed();
create trigger knowledge_articles_counted_delete after delete on knowledge_articles referencing old table as old_rows
    for each statement execute function count_rows_changed();
create trigger knowledge_articles_counted_truncate after truncate on knowledge_articles
    for each statement execute function count_rows_changed();

-- The Overview's drift step says how many checks and alerts the active version has had: they grow with traffic.
create trigger drift_reports_counted_update after update on drift_reports referencing old table as old_rows new table as new_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_reports_counted_insert after insert on drift_reports referencing new table as new_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_reports_counted_delete after delete on drift_reports referencing old table as old_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_reports_counted_truncate after truncate on drift_reports
    for each statement execute function count_rows_changed();
create trigger drift_alerts_counted_insert after insert on drift_alerts referencing new table as new_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_alerts_counted_update after update on drift_alerts referencing old table as old_rows new table as new_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_alerts_counted_delete after delete on drift_alerts referencing old table as old_rows
    for each statement execute function count_rows_changed('model_version');
create trigger drift_alerts_counted_truncate after truncate on drift_alerts
    for each statement execute function count_rows_changed();

-- The rows there already. Flyway runs this in one transaction with the triggers above, and the lock keeps writers out until
-- it commits, so no row is counted twice or missed.
lock table tickets, model_versions, knowledge_articles, drift_reports, drift_alerts in share mode;
insert into row_counts (counted, key, rows)
select 'tickets', coalesce(intent_id, 0), count(*) from tickets group by 2;
insert into row_counts (counted, key, rows) select 'model_versions', 0, count(*) from model_versions;
insert into row_counts (counted, key, rows) select 'knowledge_articles', 0, count(*) from knowledge_articles;
insert into row_counts (counted, key, rows) select 'drift_reports', model_version, count(*) from drift_reports group by 2;
insert into row_counts (counted, key, rows) select 'drift_alerts', model_version, count(*) from drift_alerts group by 2;

-- Open proposals (the drift step and the Overview's "needs attention" count them) are few; the settled ones pile up.
create index monitoring_actions_open_idx on monitoring_actions (status) where status in ('pending', 'waiting');
