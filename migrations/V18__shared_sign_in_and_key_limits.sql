-- Failed sign-ins and API request counts live here rather than in one instance's memory, so that every
-- instance behind a load balancer sees the same counts and a restart forgives nothing.

-- Failed sign-ins within a window, per account (lower-cased username) and per client address.
create table sign_in_failures (
    scope        varchar(8)   not null check (scope in ('account', 'address')),
    subject      varchar(256) not null,
    window_start timestamptz  not null,
    failures     integer      not null,
    locked_until timestamptz,
    primary key (scope, subject)
);

-- Addresses an account recently signed in from: a lock on the account, caused by someone else's
-- guesses, does not keep its owner out from there.
create table sign_in_trust (
    username        varchar(64)  not null,
    address         varchar(256) not null,
    last_success_at timestamptz  not null,
    primary key (username, address)
);

-- A key's own limit; null: the configured default, 0: no limit.
alter table api_keys add column requests_per_minute integer check (requests_per_minute >= 0);

-- Requests per API key in the current fixed one-minute window: one row per key, updated in place.
create table api_key_windows (
    key_id       bigint      primary key references api_keys(id) on delete cascade,
    window_start timestamptz not null,
    requests     integer     not null
);
