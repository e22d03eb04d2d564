-- A reviewer may answer that no library reply fits because support does not handle the ticket
-- ('out_of_scope', longer than the old 8 characters). Such a verdict labels the ticket with the
-- out-of-scope intent, creating the ticket (source 'review') when it came from served traffic.
alter table judgements drop constraint judgements_choice_check;
alter table judgements alter column choice type varchar(16);
alter table judgements add constraint judgements_choice_check
    check (choice in ('1', '2', 'tie', 'both_bad', 'out_of_scope', 'skip'));

alter table tickets drop constraint tickets_source_check;
alter table tickets add constraint tickets_source_check check (source in ('import', 'demo', 'traffic', 'review'));
