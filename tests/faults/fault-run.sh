#!/usr/bin/env bash
# The fault run through the load balancer (issue 25, item 8). Not part of the test suite.
#   bash tests/faults/fault-run.sh [seconds, default 300] [listings, default 1000000]
# Try it small first: bash tests/faults/fault-run.sh 150 20000 (the block, about 30 s at that size on a loaded machine,
# and the promotion, 20-30 s after the kill, must both fit in the run).
#
# Brings the cluster up without demo data (DEMO_DATA=0 deploy/cluster-up.sh) unless one is up already, loads the listings
# into the Patroni primary with the storefront benchmark's bulk loader (binary COPY; kept while the cluster is kept),
# gives four shoppers and two local shops a log-in, and runs mixed load through HAProxy for the given time
# (tests/Marketplace.Benchmarks FaultRun.cs: browsing home, search, category, shop and product pages; cart and checkout
# with cash on delivery; sellers saving their listings). Meanwhile, as shares of the run:
#   15 %  kill -9 of one web node (web2, or web3 when web2 is down already)
#   30 %  pg_wal_replay_pause() on the standby the storefront reads from (Patroni in maintenance mode meanwhile)
#   then  block of a cluster through the site's own PolicyRuleChanges (in the load process, once replay is paused)
#   55 %  pg_wal_replay_resume(), once the block has returned (waits for it up to 80 %)
#   65 %  kill -9 of the primary's Patroni and PostgreSQL
# and prints the requests, errors by status and when, the longest gap with no successful checkout, blocked listings served
# after the block returned (every storefront response checked), acknowledged orders, saves and decisions missing
# afterwards, and the seconds from the primary's death to the first successful write. Exit code 1 when a check fails.
# A cluster this script started is stopped at the end (KEEP_CLUSTER=1 keeps it); one that was up already is left up.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

seconds=${1:-300}
listings=${2:-1000000}
run=${CLUSTER_DIR:-/tmp/marketplace-cluster}
bench="$repo/tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll"
load_pid=""
started_here=0

now() { date +%s.%N; }
event() { echo "$(now) $1" >>"$folder/events"; echo "[$(date -u +%T)] $1"; }

cleanup() {
  if [ -n "$load_pid" ] && kill -0 "$load_pid" 2>/dev/null; then kill -TERM "$load_pid" 2>/dev/null || true; fi
  if [ "$started_here" = 1 ] && [ "${KEEP_CLUSTER:-0}" != 1 ]; then bash "$repo/deploy/cluster-down.sh" || true; fi
}
trap cleanup EXIT INT TERM

echo "Building the load generator in Release..."
dotnet build tests/Marketplace.Benchmarks --configuration Release --nologo --verbosity quiet >/tmp/fault-run-build.log 2>&1 \
  || { cat /tmp/fault-run-build.log; exit 1; }

if [ ! -f "$run/cluster.env" ]; then
  echo "Bringing the cluster up without demo data..."
  started_here=1
  DEMO_DATA=0 bash deploy/cluster-up.sh
fi
# shellcheck disable=SC1091
source "$run/cluster.env"
export PGPASSWORD
folder="$run/fault-run-$(date +%s)"
mkdir -p "$folder"
read -r api1 api2 <<<"$PATRONI_APIS"
read -r port1 port2 <<<"$PG_PORTS"

node_of() { if curl -sf "$api1/$1" >/dev/null 2>&1; then echo 1; elif curl -sf "$api2/$1" >/dev/null 2>&1; then echo 2; fi; }
port_of() { local n=$1; [ "$n" = 1 ] && echo "$port1" || echo "$port2"; }
sql() { psql -h 127.0.0.1 -p "$1" -U postgres -d marketplace -tAc "$2"; }

echo "Preparing $listings listings and the shoppers' and sellers' log-ins..."
prepare_started=$(now)
dotnet "$bench" fault-prepare "$CONNECTION_STRING" "$listings"
printf 'prepared in %.0f s\n' "$(echo "$(now) - $prepare_started" | bc)"
primary=$(node_of primary)
sql "$(port_of "$primary")" "SELECT 'listings: ' || count(*) || ', table and indexes: ' || pg_size_pretty(pg_total_relation_size('listings')) || ', ' || pg_total_relation_size('listings') / greatest(count(*), 1) || ' bytes per listing' FROM listings"

# Process substitution, so that $! is the load's own PID and its exit code is the run's.
dotnet "$bench" fault-load "$CONNECTION_STRING" "$LB" "$seconds" "$folder" > >(tee "$folder/load.log") 2>&1 &
load_pid=$!
for _ in $(seq 2400); do [ -f "$folder/load-started" ] && break; kill -0 "$load_pid" 2>/dev/null || break; sleep 0.25; done
[ -f "$folder/load-started" ] || { echo "The load did not start." >&2; wait "$load_pid"; exit 1; }
start=$(cat "$folder/load-started")

# Sleeps until the given share (percent) of the run has passed since the load started.
until_share() { local at; at=$(echo "$start + $seconds * $1 / 100" | bc -l); while [ "$(echo "$(now) < $at" | bc)" = 1 ]; do sleep 0.2; done; }

until_share 15
victim=web2
kill -0 "$(cat "$run/pids/32-web2.pid")" 2>/dev/null || victim=web3
kill -KILL "$(cat "$run/pids/3${victim#web}-$victim.pid")" 2>/dev/null || true
event "web node $victim killed (kill -9)"

# Patroni resumes a replay it finds paused (handle_parameter_change) unless the cluster is in maintenance mode, which also
# stops it from failing over: maintenance from the replay's pause until its resumption, none when the primary is killed.
maintenance() {
  curl -sf -m 10 -XPATCH -H 'Content-Type: application/json' -d "{\"pause\": $1}" "$api1/config" >/dev/null \
    || curl -sf -m 10 -XPATCH -H 'Content-Type: application/json' -d "{\"pause\": $1}" "$api2/config" >/dev/null
  for _ in $(seq 60); do
    [ "$(curl -s -m 5 "$api1/patroni" | grep -c '"pause": true')" = "$([ "$1" = true ] && echo 1 || echo 0)" ] && return
    sleep 0.5
  done
}

until_share 30
standby=$(node_of replica)
maintenance true
event "Patroni in maintenance mode (so it leaves the replay paused)"
sql "$(port_of "$standby")" "SELECT pg_wal_replay_pause()" >/dev/null
for _ in $(seq 40); do [ "$(sql "$(port_of "$standby")" "SELECT pg_get_wal_replay_pause_state()")" = paused ] && break; sleep 0.25; done
event "replay paused on pg$standby ($(sql "$(port_of "$standby")" "SELECT pg_get_wal_replay_pause_state()"))"
# The load's process blocks a cluster as soon as this file exists.
touch "$folder/replay-paused"

until_share 55
for _ in $(seq $((seconds * 4))); do
  [ -f "$folder/block-returned" ] && break
  [ "$(echo "$(now) < $start + $seconds * 0.8" | bc -l)" = 1 ] || { event "the block has not returned by 80 % of the run"; break; }
  sleep 0.25
done
event "replica behind the primary by $(sql "$(port_of "$primary")" "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), replay_lsn) FROM pg_stat_replication LIMIT 1") bytes before resuming"
# The session that resumes may itself be cancelled by the replay it resumes (a conflict with recovery): asked until it holds.
for _ in $(seq 20); do
  sql "$(port_of "$standby")" "SELECT pg_wal_replay_resume()" >/dev/null 2>&1 || true
  [ "$(sql "$(port_of "$standby")" "SELECT pg_is_wal_replay_paused()" 2>/dev/null)" = f ] && break
  sleep 0.5
done
event "replay resumed on pg$standby"
maintenance false
event "Patroni out of maintenance mode"

until_share 65
primary=$(node_of primary)
kill -KILL "$(cat "$run/pids/2$primary-patroni-pg$primary.pid")" 2>/dev/null || true
kill -KILL "$(head -n 1 "$run/pg$primary/data/postmaster.pid")" 2>/dev/null || true
event "primary killed (pg$primary: Patroni and PostgreSQL, kill -9)"
for _ in $(seq 240); do
  [ "$(node_of primary)" = "$standby" ] && { event "pg$standby promoted"; break; }
  sleep 0.25
done

status=0
wait "$load_pid" || status=$?
load_pid=""

echo
echo "storefront reads by database and reason, and replica lag, on the surviving web nodes:"
for web in $WEB_NODES; do
  metrics=$(curl -s -m 5 "$web/metrics" || true)
  [ -n "$metrics" ] || { echo "  $web: no answer (killed)"; continue; }
  echo "  $web: $(grep -E '^marketplace_storefront_reads_total' <<<"$metrics" | sed -E 's/^marketplace_storefront_reads_total\{([^}]*)\} ([0-9.e+]+).*/\1=\2/; s/otel_scope_name="[^"]*",?//; s/"//g' | tr '\n' ' ')"
  echo "    $(grep -E '^marketplace_replica_' <<<"$metrics" | sed -E 's/\{[^}]*\}//' | tr '\n' ' ')"
done
echo "Output kept in $folder."
exit $status
