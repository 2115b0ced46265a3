#!/usr/bin/env bash
# Stops what deploy/cluster-up.sh started, by the PIDs it wrote: the web nodes first (each drains and finishes its
# requests), then HAProxy and Prometheus, then Patroni (the standby, then the primary, each stopping its PostgreSQL), and
# etcd last. KEEP_DATA=1 keeps CLUSTER_DIR's data; otherwise the folder is removed.
set -euo pipefail

run=${CLUSTER_DIR:-/tmp/marketplace-cluster}
pids="$run/pids"
started=$(date +%s.%N)

if [ ! -d "$pids" ]; then
  echo "No cluster at $run (no $pids)." >&2
  exit 0
fi

# Sends TERM to the process in $1's PID file, waits up to $2 seconds for it to end, then KILLs it.
stop() {
  local file=$1 seconds=$2 pid name
  pid=$(cat "$file")
  name=$(basename "$file" .pid)
  name=${name#*-}
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((seconds * 4))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name did not stop within ${seconds}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
  printf '%-20s stopped after %5.1f s\n' "$name" "$(echo "$(date +%s.%N) - $started" | bc)"
}

# The web nodes together, as a rolling deploy would not but a shutdown may: each drains for its own few seconds.
web=()
for file in "$pids"/3*-web*.pid; do
  [ -e "$file" ] || continue
  kill -TERM "$(cat "$file")" 2>/dev/null || true
  web+=("$file")
done
for file in "${web[@]}"; do stop "$file" 40; done

for file in "$pids"/50-prometheus.pid "$pids"/40-haproxy.pid; do
  [ -e "$file" ] && stop "$file" 30
done
# The standby before the primary (whichever that is since a failover), so stopping does not start one.
patroni=()
for node in 1 2; do
  file="$pids/2$node-patroni-pg$node.pid"
  [ -e "$file" ] || continue
  api=$(grep -m 1 -o 'listen: 127.0.0.1:[0-9]*' "$run/pg$node/patroni.yml" | sed 's/listen: //')
  if curl -sf "http://$api/primary" >/dev/null 2>&1; then patroni+=("$file"); else patroni=("$file" "${patroni[@]}"); fi
done
for file in "${patroni[@]}"; do stop "$file" 60; done
[ -e "$pids/10-etcd.pid" ] && stop "$pids/10-etcd.pid" 30

rmdir "$pids" 2>/dev/null || true
if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$run"
fi
printf '%-20s %5.1f s\n' "cluster down, total" "$(echo "$(date +%s.%N) - $started" | bc)"
