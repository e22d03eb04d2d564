-- A judgement is about the reply text its reviewer was shown. A library reply edited after its review item was made
-- says something else now: rounds then learn from the text as shown (review_items.reply1_text / reply2_text), not the
-- current one. The trigger keeps the time of the last change whatever path the edit took.
alter table replies add column text_changed_at timestamptz;

create function note_reply_text_changed() returns trigger language plpgsql as $$
begin
    new.text_changed_at := now();
    return new;
end $$;

create trigger reply_text_changed before update of text on replies for each row
    when (old.text is distinct from new.text) execute function note_reply_text_changed();
