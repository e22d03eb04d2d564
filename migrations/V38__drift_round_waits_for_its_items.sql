-- A round proposed after drift waits for judgements of the requests that drifted, not of any item: the hashes of
-- the requests its review items were made from, and how many judgements of them it waits for.
alter table monitoring_actions add column drift_hashes text[];
alter table monitoring_actions add column drift_judgements_needed integer;
