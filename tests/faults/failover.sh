#!/usr/bin/env bash
# Failover check (issue 25, item 4) against a cluster that deploy/cluster-up.sh started. Not part of the test suite.
#   bash deploy/cluster-up.sh && bash tests/faults/failover.sh [kill|stop]
# kill (default): SIGKILL to the primary's Patroni and PostgreSQL, as when its machine dies; stop: SIGTERM to its Patroni.
# Before, it writes through a web node (a failed log-in, which the site records in login_failures) and counts the rows; then it measures the seconds until the standby is promoted and until the same web node,
# never restarted, answers its next write; then it checks that no acknowledged write is missing and brings the old
# primary back as the new standby. Exit code 1 when a check fails (promotion or write after 30 s, or a lost write).
set -euo pipefail

run=${CLUSTER_DIR:-/tmp/marketplace-cluster}
mode=${1:-kill}
[ -f "$run/cluster.env" ] || { echo "No cluster at $run: bash deploy/cluster-up.sh first." >&2; exit 1; }
# shellcheck disable=SC1091
source "$run/cluster.env"
export PGPASSWORD
read -r web _ <<<"$WEB_NODES"
read -r api1 api2 <<<"$PATRONI_APIS"
read -r port1 port2 <<<"$PG_PORTS"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
failed=0
script_started=$(date +%s)

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# One write through the web node: a failed log-in with the form's antiforgery token; 200 means the site recorded it.
write() {
  local token
  token=$(curl -s -m 10 -c "$jar" -b "$jar" "$web/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//') || true
  [ -n "$token" ] || { echo 000; return; }
  curl -s -m 10 -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$web/Account/Login" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=failover-$RANDOM@example.id" \
    --data-urlencode "Input.Password=not-the-password" || echo 000
}

primary_port() {
  if curl -sf "$api1/primary" >/dev/null 2>&1; then echo "$port1"; elif curl -sf "$api2/primary" >/dev/null 2>&1; then echo "$port2"; fi
}

# The failed log-ins this run recorded (two rows each: one per address, one per account).
count_attempts() {
  psql -h 127.0.0.1 -p "$1" -U postgres -d marketplace -tAc "SELECT count(*) FROM login_failures WHERE at >= to_timestamp($script_started)" 2>/dev/null
}

if curl -sf "$api1/primary" >/dev/null; then node=1 old_api=$api1 new_api=$api2; else node=2 old_api=$api2 new_api=$api1; fi
[ "$(write)" = 200 ] || { echo "The web node does not write before the failover." >&2; exit 1; }
before=$(count_attempts "$(primary_port)")
echo "primary: pg$node; failed log-ins recorded by this run before: $before rows"

pid_file="$run/pids/2$node-patroni-pg$node.pid"
start=$(now)
if [ "$mode" = kill ]; then
  kill -KILL "$(cat "$pid_file")" 2>/dev/null || true
  kill -KILL "$(head -n 1 "$run/pg$node/data/postmaster.pid")" 2>/dev/null || true
else
  kill -TERM "$(cat "$pid_file")"
fi

promoted=""
for _ in $(seq 240); do
  if curl -sf "$new_api/primary" >/dev/null 2>&1; then promoted=$(since "$start"); break; fi
  sleep 0.25
done
first_write=""
statuses=()
for _ in $(seq 240); do
  status=$(write)
  statuses+=("$status")
  if [ "$status" = 200 ]; then first_write=$(since "$start"); break; fi
  sleep 0.25
done
after=$(count_attempts "$(primary_port)")

printf 'mode: %s\n' "$mode"
printf 'standby promoted after:             %s s\n' "${promoted:-never (60 s)}"
printf 'first write through %s after: %s s (answers on the way: %s)\n' "$web" "${first_write:-never (60 s)}" "$(printf '%s\n' "${statuses[@]}" | sort | uniq -c | tr -s ' \n' ' ')"
printf 'log-in rows before / after:         %s / %s (the write acknowledged after the failover adds its own)\n' "$before" "$after"
[ -n "$promoted" ] && [ "$(echo "$promoted <= 30" | bc)" = 1 ] || { echo "FAIL: no promotion within 30 s"; failed=1; }
[ -n "$first_write" ] && [ "$(echo "$first_write <= 30" | bc)" = 1 ] || { echo "FAIL: no write within 30 s"; failed=1; }
[ -n "$after" ] && [ "$after" -ge $((before + 2)) ] || { echo "FAIL: acknowledged writes missing"; failed=1; }

# The old primary comes back as the new standby (pg_rewind when it had WAL the new primary lacks).
as_pg=()
[ "$(id -u)" = 0 ] && as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups)
"${as_pg[@]}" patroni "$run/pg$node/patroni.yml" >>"$run/logs/patroni-pg$node.log" 2>&1 &
echo $! >"$pid_file"
rejoined=""
back=$(now)
for _ in $(seq 480); do
  if curl -sf "$old_api/replica" >/dev/null 2>&1; then rejoined=$(since "$back"); break; fi
  sleep 0.25
done
printf 'old primary back as a standby after: %s s\n' "${rejoined:-not within 120 s}"
exit $failed
