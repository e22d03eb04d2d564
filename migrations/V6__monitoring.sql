-- Drift monitoring: one report per check of a window of served traffic, the alerts it raised, and
-- every action taken automatically because of them.
create table drift_reports (
    id               bigserial   primary key,
    model_version    integer     not null,
    requests         integer     not null,
    window_from      timestamptz,
    window_to        timestamptz,
    signals          jsonb       not null,
    raised           jsonb       not null default '[]'::jsonb,   -- signals over their threshold in this check
    confirmed        jsonb       not null default '[]'::jsonb,   -- signals that became drift with this check
    new_topics       jsonb       not null default '[]'::jsonb,
    streaks          jsonb       not null default '{}'::jsonb,
    created_at       timestamptz not null default now()
);
create index drift_reports_version_idx on drift_reports (model_version, id);

create table drift_alerts (
    id             bigserial        primary key,
    report_id      bigint           not null references drift_reports(id),
    model_version  integer          not null,
    signal         varchar(32)      not null,
    value          double precision not null,
    threshold      double precision not null,
    message        text             not null,
    evidence       jsonb            not null default '{}'::jsonb,
    webhook_status varchar(200),
    created_at     timestamptz      not null default now()
);

create table monitoring_actions (
    id         bigserial   primary key,
    action     varchar(24) not null check (action in ('review_items', 'round_started', 'round_requested')),
    reason     text        not null,
    status     varchar(16) not null default 'done' check (status in ('done', 'pending', 'approved', 'dismissed')),
    round_id   bigint,
    items      integer,
    alert_id   bigint references drift_alerts(id),
    created_at timestamptz not null default now()
);
