-- People who use Loopwise in the browser, and the keys REST clients act for them with.
create table users (
    id            bigserial primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(128),
    password_hash varchar(100) not null,          -- bcrypt, modular crypt format
    roles         varchar(64)  not null,          -- comma separated: admin, reviewer
    created_at    timestamptz  not null default now()
);

create table api_keys (
    id           bigserial primary key,
    user_id      bigint       not null references users(id) on delete cascade,
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null,           -- shown in lists so a key can be recognised
    key_hash     varchar(64)  not null unique,    -- SHA-256 hex of the whole key; the key itself is never stored
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_keys_user_idx on api_keys(user_id);
