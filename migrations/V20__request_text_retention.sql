-- Requests whose text is still kept, by age: what the text-retention job blanks next, found without reading
-- the requests already blanked (LOOPWISE_SERVING_TEXT_RETENTION_DAYS).
create index served_requests_text_kept on served_requests (created_at) where text <> '';
