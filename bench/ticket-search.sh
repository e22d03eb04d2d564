#!/usr/bin/env bash
# The Tickets page's search on a large table:
#   ./bench/ticket-search.sh DATABASE [DATA_DIR]
# DATABASE: a scratch database Loopwise has started on once (so it holds the tables); it is grown to 200,000 more
# tickets (two in five labelled) from the Bitext texts in DATA_DIR (default ../shared/data), three of them holding the
# rare word "zeppelin". Connects as PGUSER (default loopwise) to localhost, PGPASSWORD as usual.
# Prints, per text searched, filter and page, the medians of 3 runs (EXPLAIN ANALYZE execution times, ms) of:
#   old       the one query searches used before: walk the key, test every ticket, stop after 51 matches
#   old+trgm  the same query once the trigram index exists (the planner may now use it)
#   new       what Ticket.newestFirst sends now: the edge of the 10,000 tickets next to the page, the page among them
#             (tested with "lower(text) like", which no index serves), and only when they hold too few, the rest through
#             the trigram index ("id + 0" ordering)
#   new-trgm  the same without the trigram index (dropped, rolled back): the rest is walked in id order, as it is for a
#             text without three letters or digits in a row
set -euo pipefail
db="${1:?usage: bench/ticket-search.sh DATABASE [DATA_DIR]}"
data="${2:-../shared/data}"
export PGUSER="${PGUSER:-loopwise}"
sql() { psql -h localhost -d "$db" -X -At -v ON_ERROR_STOP=1 "$@"; }

if [ "$(sql -c "select count(*) >= 200000 from tickets")" = f ]; then
  sql <<EOF
create temp table bitext (text text, label text, split text, category text, tags text, response text);
\copy bitext from '$data/bitext/bitext_customer_support.csv' csv header
create temp table sentences as select row_number() over (order by md5(text)) n, text s
  from (select distinct text from bitext) d order by md5(text) limit 600;
create temp table numbered_intents as select row_number() over (order by id) k, id from intents;
insert into tickets (text, text_hash, source, intent_id)
select t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), case when g % 5 < 2 then 'import' else 'traffic' end,
       case when g % 5 < 2 then (select id from numbered_intents where k = 1 + g % (select count(*) from numbered_intents)) end
from (select g, a.s || case g % 4 when 0 then ' ' || b.s when 1 then ' order ' || (g * 7919 % 1000000) else '' end t
      from generate_series(1, 200000) g
      join sentences a on a.n = 1 + (g * 37) % 600 join sentences b on b.n = 1 + (g * 101) % 600) x;
update tickets set text = text || ' my Zeppelin poster'
where id in (select id from (select id, row_number() over (order by id) r from tickets where intent_id is null) u
             where r in (1000, 90000, 110000));
analyze tickets;
EOF
fi
sql -c "create extension if not exists pg_trgm" -c "create index if not exists tickets_text_trgm_idx on tickets using gin (text gin_trgm_ops)" >/dev/null
before=$(( $(sql -c "select max(id) from tickets") / 2 ))

# The median execution time of one statement; with "drop" it runs without the trigram index (dropped, rolled back).
ms() {
  local drop=""; [ "${2:-}" = drop ] && drop="drop index tickets_text_trgm_idx;"
  for _ in 1 2 3; do
    sql -c "begin" -c "$drop select 1" -c "explain (analyze) $1" -c "rollback" | awk '/Execution Time/ {print $3}'
  done | sort -n | sed -n 2p
}
page() { # unlabelled, bounds, pattern, order, count[, "walked": the window's lower(text) like]
  local cols="t1_0.id,t1_0.created_at,t1_0.intent_id,t1_0.metadata,t1_0.response,t1_0.source,t1_0.split,t1_0.text,t1_0.text_hash"
  local from="tickets t1_0" where="t1_0.intent_id is null and "
  if [ "$1" = 0 ]; then
    cols="$cols,i1_0.id,i1_0.created_at,i1_0.description,i1_0.name"; from="tickets t1_0 left join intents i1_0 on i1_0.id=t1_0.intent_id"; where=""
  fi
  local match="t1_0.text ilike '%$3%' escape '!'"
  [ "${6:-}" = walked ] && match="lower(t1_0.text) like lower('%$3%') escape '!'"
  echo "select $cols from $from where $where$2$match order by $4 desc offset 0 rows fetch first $5 rows only"
}
printf "%-11s %-11s %-6s %9s %9s %9s %9s  %s\n" text tickets page old old+trgm new new-trgm "new: found near / in the rest"
for word in order invoice password zeppelin xylophone "the the" x qu zq; do
  for unlabelled in 1 0; do
    for cursor in "" "$before"; do
      bound=""; [ -n "$cursor" ] && bound="t1_0.id<$cursor and "
      only=""; [ "$unlabelled" = 1 ] && only="intent_id is null and "
      old=$(page $unlabelled "$bound" "$word" t1_0.id 51)
      edge_sql="select t1_0.id from tickets t1_0 where $only${bound}true order by t1_0.id desc offset 9999 rows fetch first 1 rows only"
      edge=$(sql -c "$edge_sql")
      near=$(page $unlabelled "${bound}t1_0.id>=${edge:-0} and " "$word" t1_0.id 51 walked)
      found=$(sql -c "select count(*) from ($near) s")
      edge_ms=$(ms "$edge_sql")
      new=$(echo "$edge_ms + $(ms "$near")" | bc)
      bare=$(echo "$edge_ms + $(ms "$near" drop)" | bc)
      rest_found=0
      if [ -n "$edge" ] && [ "$found" -lt 51 ]; then
        if [[ "$word" =~ [[:alnum:]]{3} ]]; then
          rest=$(page $unlabelled "t1_0.id<$edge and " "$word" "t1_0.id+0" $((51 - found)))
        else
          rest=$(page $unlabelled "t1_0.id<$edge and " "$word" t1_0.id $((51 - found)))
        fi
        rest_found=$(sql -c "select count(*) from ($rest) s")
        new=$(echo "$new + $(ms "$rest")" | bc)
        walked=$(page $unlabelled "t1_0.id<$edge and " "$word" t1_0.id $((51 - found)))
        bare=$(echo "$bare + $(ms "$walked" drop)" | bc)
      fi
      printf "%-11s %-11s %-6s %9.1f %9.1f %9.1f %9.1f  %s / %s\n" "$word" "$([ "$unlabelled" = 1 ] && echo unlabelled || echo all)" \
        "$([ -n "$cursor" ] && echo later || echo first)" "$(ms "$old" drop)" "$(ms "$old")" "$new" "$bare" "$found" "$rest_found"
    done
  done
done
