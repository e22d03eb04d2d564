-- Every judgement on an overlap item adds to its day's rows. With one row per day (and per value), each reviewer's
-- submit held that row's lock until it committed and every other submit of the day queued behind it: under 50
-- reviewers a third of a submit's time went to waiting there. A day's sums are now spread over stripes, each
-- submit adding to one of them, and readers add the stripes up.
alter table review_agreement_days add column stripe smallint not null default 0;
alter table review_agreement_days drop constraint review_agreement_days_pkey;
alter table review_agreement_days add primary key (day, stripe);

alter table review_coincidences add column stripe smallint not null default 0;
alter table review_coincidences drop constraint review_coincidences_pkey;
alter table review_coincidences add primary key (day, value_c, stripe);
