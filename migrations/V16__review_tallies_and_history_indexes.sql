-- Review figures kept as running sums, changed in the transaction that changes a judgement or an item's
-- kind, so the reviewer's home and the review-quality page read a few rows instead of every judgement.
-- Every row is a sum over items of that item's contribution (ReviewTallies), so an item that changes is
-- taken out with its old votes and put back with its new ones.

-- Per reviewer. Leave-one-out agreements are counted in sixtieths: a choice among k tied leaders earns
-- 1/k, k is at most 5 (the non-skip choices), and 60/k is a whole number, so the sum stays exact.
create table review_reviewer_tallies (
    reviewer_id        bigint primary key references users(id),
    judgements         bigint not null default 0,
    skips              bigint not null default 0,
    overlap_votes      bigint not null default 0,
    overlap_compared   bigint not null default 0,
    overlap_agreed_60  bigint not null default 0,
    gold_judged        bigint not null default 0,
    gold_correct       bigint not null default 0
);

-- Per UTC day: votes on overlap items that day (skips too; a day with any has a point on the chart) and the
-- change that day in the number of overlap items with two or more values.
create table review_agreement_days (
    day           date   primary key,
    overlap_votes bigint not null default 0,
    units         bigint not null default 0
);

-- Per UTC day, the change that day in each row c of Krippendorff's coincidence matrix: the row's total
-- (the marginal n_c) and its part off the diagonal — all alpha needs. The matrix as of a day is the sum of
-- the rows up to it, so alpha over time is a running sum.
create table review_coincidences (
    day          date             not null,
    value_c      varchar(16)      not null,
    weight       double precision not null,
    off_diagonal double precision not null,
    primary key (day, value_c)
);

-- Overlap items with exactly two values, by the pair of reviewers and their choices: Cohen's kappa when
-- only two reviewers share overlap items.
create table review_pair_tallies (
    reviewer_a bigint      not null,
    reviewer_b bigint      not null,
    choice_a   varchar(16) not null,
    choice_b   varchar(16) not null,
    items      bigint      not null,
    primary key (reviewer_a, reviewer_b, choice_a, choice_b)
);

-- Present once the sums were built from the judgements already stored (done at start, once).
create table review_tallies_built (
    id       integer     primary key check (id = 1),
    built_at timestamptz not null default now()
);

-- Indexes the growing tables need for bounded reads.
-- Drift reads the newest window of the active version and counts only what arrived since its last check.
create index served_requests_version_created_idx on served_requests (model_version, created_at desc, id);
-- Drift outcomes and "judgements since the last round" read a time range.
create index judgements_created_idx on judgements (created_at);
-- A reviewer's counters and median time per item read their own newest judgements without the table.
create index judgements_reviewer_counted_idx on judgements (reviewer_id, created_at desc) include (duration_ms)
    where choice <> 'skip';
