-- Requests from a new topic that drift monitoring found can be labelled into a new intent in one step;
-- they become tickets of source 'drift'.
alter table tickets drop constraint tickets_source_check;
alter table tickets add constraint tickets_source_check check (source in ('import', 'demo', 'traffic', 'review', 'drift'));
