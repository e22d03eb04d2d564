-- A gold item's right answer may be "out of scope": the ticket is one no library reply fits, and a reviewer who hands
-- it over is right. The longer value needs a wider column (a length increase rewrites nothing).
alter table review_items alter column gold_choice type varchar(16);
alter table review_items drop constraint review_items_gold_choice_check;
alter table review_items add constraint review_items_gold_choice_check
    check (gold_choice in ('1', '2', 'tie', 'both_bad', 'out_of_scope'));
