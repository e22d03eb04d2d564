-- Sessions issued before this instant are over: logout, a password change, a reset, a role change and
-- disabling all move it to "now", which ends every session of the account at its next request.
alter table users add column sessions_valid_from timestamptz;
