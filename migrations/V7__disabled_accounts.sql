-- An admin can disable an account instead of deleting it: its judgements stay attributed, but it can no
-- longer sign in, its sessions end at their next request and its API keys stop working.
alter table users add column disabled_at timestamptz;
