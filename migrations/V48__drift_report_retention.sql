-- Drift checks older than the retention are removed in batches, oldest first: the batch is found from this index rather
-- than by reading the checks that are kept.
create index drift_reports_created_idx on drift_reports (created_at);
-- Removing a check looks for alerts that point at it; without this index each removal would read every alert.
create index drift_alerts_report_idx on drift_alerts (report_id);
