-- Each reviewer's median time per item, kept with their running sums and refreshed by their own submits and
-- undos, so the review-quality page reads one row per reviewer instead of each reviewer's newest durations.
-- Filled here over the default window (LOOPWISE_REVIEW_MEDIAN_WINDOW, 500); a rebuild of the sums uses the
-- configured one.
alter table review_reviewer_tallies add column median_duration_ms integer;

update review_reviewer_tallies t set median_duration_ms = (
    select percentile_disc(0.5) within group (order by w.duration_ms desc)
    from (select duration_ms from judgements j where j.reviewer_id = t.reviewer_id and j.choice <> 'skip'
          order by j.created_at desc limit 500) w);
