#!/usr/bin/env bash
# The Tickets page's search for words in many tickets, at two sizes of history:
#   ./bench/ticket-search-common.sh DATABASE TICKETS
# DATABASE: a scratch database bench/ticket-search.sh has grown (so it holds its Bitext requests); grown further, the
# same way, to at least TICKETS tickets. Connects as PGUSER (default loopwise) to localhost, PGPASSWORD as usual.
# Prints, per text searched on the list without an intent, for the first page and a page halfway down: the planner's
# estimate of the tickets the trigram index hands back (what Loopwise asks before it searches past the window), then
# medians of 3 EXPLAIN (ANALYZE, BUFFERS) execution times (ms) and the shared buffers hit or read, of
#   window  the edge of the 10,000 tickets next to the page and the page among them (what every search reads first)
#   rest    the rest through the trigram index, as sent when the window holds too few (before this change, for any text
#           with three letters or digits in a row; now only where the estimate is at most 10,000)
set -euo pipefail
db="${1:?usage: bench/ticket-search-common.sh DATABASE TICKETS}"
target="${2:?usage: bench/ticket-search-common.sh DATABASE TICKETS}"
export PGUSER="${PGUSER:-loopwise}"
sql() { psql -h localhost -d "$db" -X -At -v ON_ERROR_STOP=1 "$@"; }

while [ "$(sql -c "select count(*) >= $target from tickets")" = f ]; do
  # Another 100,000 made like bench/ticket-search.sh's: two requests, or one with an order number, or one alone.
  sql <<EOF >/dev/null
create temp table sentences as select row_number() over (order by md5(text)) n, text s
  from (select distinct text from tickets where id < 300000 and text not like '%order %' and text not like '% #%') d
  order by md5(text) limit 600;
insert into tickets (text, text_hash, source)
select t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), 'traffic'
from (select a.s || case g % 4 when 0 then ' ' || b.s when 1 then ' order ' || (g * 7919 % 1000000) else '' end t
      from generate_series(1, 100000) g
      join sentences a on a.n = 1 + (g * 37) % 600 join sentences b on b.n = 1 + (g * 101) % 600) x;
EOF
done
sql -c "vacuum analyze tickets" >/dev/null
before=$(( $(sql -c "select max(id) from tickets") / 2 ))
cols="t1_0.id,t1_0.created_at,t1_0.intent_id,t1_0.metadata,t1_0.response,t1_0.source,t1_0.split,t1_0.text,t1_0.text_hash"

# Median execution time and the first node's shared buffers of one statement, as "ms buffers".
run() {
  for _ in 1 2 3; do
    sql -c "explain (analyze, buffers) $1" | awk '/Execution Time/ {ms=$3} /Buffers:/ && b == "" {b=$0} END {
      n=0; while (match(b, /(hit|read)=[0-9]+/)) { s=substr(b, RSTART, RLENGTH); n+=substr(s, index(s, "=")+1); b=substr(b, RSTART+RLENGTH) }
      print ms, n}'
  done | sort -n | sed -n 2p
}
printf "%-12s %-6s %9s %8s %7s %8s %7s %s\n" text page estimate window bufs rest bufs "found near / in the rest"
for text in "order" "my account" "please help" "the the" "invoice" "password" "zeppelin"; do
  words=$(echo "$text" | grep -oE '[[:alnum:]]{3,}' | sort -u | sed "s/.*/text ilike '%&%'/" | paste -sd'&' | sed 's/&/ and /g')
  estimate=$(sql -c "explain select 1 from tickets where $words" | head -1 | grep -oE 'rows=[0-9]+' | cut -d= -f2)
  for cursor in "" "$before"; do
    bound=""; [ -n "$cursor" ] && bound="t1_0.id<$cursor and "
    edge_sql="select t1_0.id from tickets t1_0 where t1_0.intent_id is null and ${bound}true order by t1_0.id desc offset 9999 rows fetch first 2 rows only"
    edge=$(sql -c "$edge_sql" | head -1)
    near="select $cols from tickets t1_0 where t1_0.intent_id is null and ${bound}t1_0.id>=$edge and lower(t1_0.text) like lower('%$text%') escape '!' order by t1_0.id desc offset 0 rows fetch first 51 rows only"
    found=$(sql -c "select count(*) from ($near) s")
    read -r edge_ms edge_bufs <<<"$(run "$edge_sql")"
    read -r near_ms near_bufs <<<"$(run "$near")"
    rest_ms=-; rest_bufs=-; rest_found=-
    if [ "$found" -lt 51 ]; then
      rest="select $cols from tickets t1_0 where t1_0.intent_id is null and t1_0.id<$edge and t1_0.text ilike '%$text%' escape '!' order by t1_0.id+0 desc offset 0 rows fetch first $((51 - found)) rows only"
      read -r rest_ms rest_bufs <<<"$(run "$rest")"
      rest_found=$(sql -c "select count(*) from ($rest) s")
    fi
    printf "%-12s %-6s %9s %8.1f %7s %8s %7s %s / %s\n" "$text" "$([ -n "$cursor" ] && echo later || echo first)" "$estimate" \
      "$(echo "$edge_ms + $near_ms" | bc)" "$((edge_bufs + near_bufs))" "$rest_ms" "$rest_bufs" "$found" "$rest_found"
  done
done
