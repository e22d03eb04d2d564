-- When a rate limit the LLM announced (HTTP 429 with Retry-After) ends, for a ticket it held back. The reason text names
-- that end only as a time of day, which cannot say which day: a hold may last more than a day
-- (LOOPWISE_LLM_MAX_RETRY_AFTER has no upper bound), and a log entry may be written after the hold it reports has ended.
-- The LLM page compares this instant with the clock to say whether the hold is over. Null for every other outcome, and
-- for entries written before it was kept.
alter table served_requests add column llm_held_until timestamptz;
alter table llm_try_failures add column held_until timestamptz;
