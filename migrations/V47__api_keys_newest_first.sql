-- An account's keys are listed newest first a page at a time, and its revoked ones counted: both walk this index from the
-- newest key of the account, never the keys of other accounts. It serves the lookups by account the old index served.
create index api_keys_user_newest_idx on api_keys (user_id, id) include (revoked_at);
drop index api_keys_user_idx;
