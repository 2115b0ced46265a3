#!/usr/bin/env bash
# Brings up the whole cluster on this machine from Debian packages, on free loopback ports:
#   etcd, two PostgreSQL 15 nodes under Patroni (one primary, one synchronous standby), three web nodes (the published
#   site), HAProxy in front of them (health-checked on /health, draining a node that answers 503) and Prometheus scraping
#   every web node's /metrics and Patroni's.
#
#   bash deploy/cluster-up.sh              # then: bash deploy/cluster-down.sh
#
# CLUSTER_DIR (default /tmp/marketplace-cluster) holds the data, logs, configuration and one PID file per process
# (pids/); cluster.env there names every address. SITE_DIR reuses an already published site instead of publishing one.
# DEMO_DATA=0 starts without the demo shops and their photos (the fault run loads its own catalogue).
# Installs what is missing with apt-get. PostgreSQL refuses to run as root, so as root Patroni runs as the postgres user.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
run=${CLUSTER_DIR:-/tmp/marketplace-cluster}
pids="$run/pids"
started=$(date +%s.%N)
phase_started=$started

phase() {
  local now
  now=$(date +%s.%N)
  printf '%-44s %6.1f s\n' "$1" "$(echo "$now - $phase_started" | bc)"
  phase_started=$now
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits up to $2 seconds for the command "$3..." to succeed; names $1 when it does not.
wait_for() {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 4))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "Gave up waiting for $what after ${seconds}s; logs are in $run/logs." >&2
  exit 1
}

if [ -d "$pids" ] && [ -n "$(ls -A "$pids" 2>/dev/null)" ]; then
  echo "$pids holds PID files: the cluster is up already (bash deploy/cluster-down.sh stops it)." >&2
  exit 1
fi

# --- packages ---------------------------------------------------------------------------------------------------
pg_bin=/usr/lib/postgresql/15/bin
missing=()
command -v etcd >/dev/null || missing+=(etcd-server)
command -v patroni >/dev/null || missing+=(patroni)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v prometheus >/dev/null || missing+=(prometheus)
[ -x "$pg_bin/postgres" ] || missing+=(postgresql-15)
command -v bc >/dev/null || missing+=(bc)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
phase "packages"

mkdir -p "$run"/{pids,logs,etcd,pg1,pg2,prometheus} "$run"/web{1,2,3}/{images,outbox}
pg_user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  pg_user=postgres
  chown -R postgres: "$run/pg1" "$run/pg2"
  chmod 0755 "$run"
fi
# setpriv executes the command in place, so $! of "as_pg ... &" is the command's own PID, which the down script signals.
as_pg=()
[ "$pg_user" = "$(id -un)" ] || as_pg=(setpriv "--reuid=$pg_user" "--regid=$pg_user" --init-groups)

# --- the site ---------------------------------------------------------------------------------------------------
site=${SITE_DIR:-$run/site}
if [ ! -f "$site/Marketplace.Web.dll" ]; then
  echo "Publishing the site to $site..."
  dotnet publish "$repo/src/Marketplace.Web" --configuration Release --nologo --verbosity quiet --output "$site" >"$run/logs/publish.log" 2>&1 \
    || { cat "$run/logs/publish.log" >&2; exit 1; }
fi
phase "site published"

# --- ports ------------------------------------------------------------------------------------------------------
etcd_port=$(free_port); etcd_peer=$(free_port)
pg1_port=$(free_port); pg2_port=$(free_port); api1_port=$(free_port); api2_port=$(free_port)
web1_port=$(free_port); web2_port=$(free_port); web3_port=$(free_port)
lb_port=$(free_port); stats_port=$(free_port); prom_port=$(free_port)
superuser_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
replication_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
connection="Host=127.0.0.1:$pg1_port,127.0.0.1:$pg2_port;Database=marketplace;Username=postgres;Password=$superuser_password;Target Session Attributes=primary"
# Storefront reads prefer whichever node is the standby now, behind the policy fence; after a failover, none is until the
# old primary rejoins, and reads stay on the primary.
replicas="Host=127.0.0.1:$pg1_port,127.0.0.1:$pg2_port;Database=marketplace;Username=postgres;Password=$superuser_password"

cat >"$run/cluster.env" <<ENV
LB=http://127.0.0.1:$lb_port
HAPROXY_STATS=http://127.0.0.1:$stats_port/
PROMETHEUS=http://127.0.0.1:$prom_port
ETCD=http://127.0.0.1:$etcd_port
PATRONI_APIS="http://127.0.0.1:$api1_port http://127.0.0.1:$api2_port"
PG_PORTS="$pg1_port $pg2_port"
WEB_NODES="http://127.0.0.1:$web1_port http://127.0.0.1:$web2_port http://127.0.0.1:$web3_port"
CONNECTION_STRING="$connection"
REPLICAS_CONNECTION_STRING="$replicas"
PGPASSWORD=$superuser_password
ENV
chmod 600 "$run/cluster.env"

# --- etcd -------------------------------------------------------------------------------------------------------
etcd --name marketplace-etcd --data-dir "$run/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
  --initial-cluster "marketplace-etcd=http://127.0.0.1:$etcd_peer" >"$run/logs/etcd.log" 2>&1 &
echo $! >"$pids/10-etcd.pid"
wait_for etcd 30 curl -sf "http://127.0.0.1:$etcd_port/health"
phase "etcd"

# --- PostgreSQL under Patroni -----------------------------------------------------------------------------------
patroni_config() {
  local name=$1 pg_port=$2 api_port=$3
  cat <<YAML
scope: marketplace
namespace: /marketplace/
name: $name
restapi:
  listen: 127.0.0.1:$api_port
  connect_address: 127.0.0.1:$api_port
etcd3:
  hosts: 127.0.0.1:$etcd_port
bootstrap:
  dcs:
    # Failover: the leader key lapses ttl seconds after a primary dies; a primary stopped cleanly hands over at once.
    ttl: 20
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    # A commit returns only once the standby has it, so a promotion loses no acknowledged write.
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        max_connections: 200
  initdb:
    - encoding: UTF8
    - data-checksums
  pg_hba:
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$pg_port
  connect_address: 127.0.0.1:$pg_port
  data_dir: $run/$name/data
  bin_dir: $pg_bin
  pgpass: $run/$name/pgpass
  authentication:
    superuser:
      username: postgres
      password: $superuser_password
    replication:
      username: replicator
      password: $replication_password
    rewind:
      username: postgres
      password: $superuser_password
  parameters:
    unix_socket_directories: $run/$name
    shared_buffers: 128MB
    jit: "off"
YAML
}

for node in 1 2; do
  port_var="pg${node}_port"; api_var="api${node}_port"
  patroni_config "pg$node" "${!port_var}" "${!api_var}" >"$run/pg$node/patroni.yml"
  chown "$pg_user" "$run/pg$node/patroni.yml"
  chmod 600 "$run/pg$node/patroni.yml"
  touch "$run/logs/patroni-pg$node.log"
  chown "$pg_user" "$run/logs/patroni-pg$node.log"
  "${as_pg[@]}" patroni "$run/pg$node/patroni.yml" >>"$run/logs/patroni-pg$node.log" 2>&1 &
  echo $! >"$pids/2$node-patroni-pg$node.pid"
  if [ "$node" = 1 ]; then
    wait_for "pg1 to become the primary" 120 curl -sf "http://127.0.0.1:$api1_port/primary"
    phase "PostgreSQL primary (pg1) under Patroni"
  fi
done
wait_for "pg2 to stream as the synchronous standby" 180 \
  bash -c "curl -sf http://127.0.0.1:$api2_port/synchronous || curl -sf http://127.0.0.1:$api2_port/sync"
phase "PostgreSQL synchronous standby (pg2)"

PGPASSWORD=$superuser_password psql -h 127.0.0.1 -p "$pg1_port" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'marketplace'" | grep -q 1 \
  || PGPASSWORD=$superuser_password psql -h 127.0.0.1 -p "$pg1_port" -U postgres -d postgres -qc "CREATE DATABASE marketplace"

# --- web nodes --------------------------------------------------------------------------------------------------
start_web() {
  local n=$1 port=$2
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Site__BaseUrl="http://127.0.0.1:$lb_port" \
    ConnectionStrings__Marketplace="$connection" ConnectionStrings__MarketplaceReplicas="$replicas" \
    DemoData__Enabled="$([ "${DEMO_DATA:-1}" = 0 ] && echo false || echo true)" \
    Images__Directory="$run/web$n/images" Email__OutboxDirectory="$run/web$n/outbox" \
    Logging__File="$run/logs/web$n-.log" Serilog__MinimumLevel__Default=Warning \
    Hosting__DrainSeconds=3 Hosting__ShutdownTimeoutSeconds=30 \
    dotnet "$site/Marketplace.Web.dll" --contentRoot "$site" >"$run/logs/web$n.out" 2>&1 &
  echo $! >"$pids/3$n-web$n.pid"
}
# The first node migrates the database and loads the demo data; the others start once it answers.
start_web 1 "$web1_port"
wait_for "web1 (migrations and demo data)" 600 curl -sf "http://127.0.0.1:$web1_port/health"
phase "web1 (migrated, demo data)"
start_web 2 "$web2_port"
start_web 3 "$web3_port"
wait_for web2 240 curl -sf "http://127.0.0.1:$web2_port/health"
wait_for web3 240 curl -sf "http://127.0.0.1:$web3_port/health"
phase "web2, web3"

# --- HAProxy ----------------------------------------------------------------------------------------------------
cat >"$run/haproxy.cfg" <<CFG
global
  log stderr format short local0 notice

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 5s
  # A node that refused the connection (stopped, restarting) costs the client nothing: the request goes to another.
  retries 2
  option redispatch
  retry-on conn-failure
  option forwardfor

frontend shop
  bind 127.0.0.1:$lb_port
  # The scrape endpoint is for Prometheus on the nodes' own addresses, never through the public entrance.
  http-request deny deny_status 404 if { path -i -m beg /metrics }
  default_backend web

backend web
  balance roundrobin
  # A node answers 503 on /health when its database is away or while it stops; after two failed checks it gets no
  # new requests, and those it is serving finish (no shutdown-sessions).
  option httpchk GET /health
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server web1 127.0.0.1:$web1_port check
  server web2 127.0.0.1:$web2_port check
  server web3 127.0.0.1:$web3_port check

listen stats
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /
  stats refresh 2s
CFG
haproxy -c -q -f "$run/haproxy.cfg"
haproxy -f "$run/haproxy.cfg" -D -p "$pids/40-haproxy.pid" 2>>"$run/logs/haproxy.log"
wait_for HAProxy 30 curl -sf "http://127.0.0.1:$lb_port/health"
phase "HAProxy"

# --- Prometheus -------------------------------------------------------------------------------------------------
cat >"$run/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: marketplace-web
    static_configs:
      - targets: ["127.0.0.1:$web1_port", "127.0.0.1:$web2_port", "127.0.0.1:$web3_port"]
  - job_name: patroni
    static_configs:
      - targets: ["127.0.0.1:$api1_port", "127.0.0.1:$api2_port"]
YAML
prometheus --config.file="$run/prometheus.yml" --storage.tsdb.path="$run/prometheus" \
  --web.listen-address="127.0.0.1:$prom_port" >"$run/logs/prometheus.log" 2>&1 &
echo $! >"$pids/50-prometheus.pid"
wait_for Prometheus 60 curl -sf "http://127.0.0.1:$prom_port/-/ready"
phase "Prometheus"

printf '%-44s %6.1f s\n' "cluster up, total" "$(echo "$(date +%s.%N) - $started" | bc)"
cat <<TEXT

Shop (through HAProxy):  http://127.0.0.1:$lb_port
HAProxy stats:           http://127.0.0.1:$stats_port/
Prometheus:              http://127.0.0.1:$prom_port
Web nodes:               http://127.0.0.1:$web1_port http://127.0.0.1:$web2_port http://127.0.0.1:$web3_port
PostgreSQL (Patroni):    127.0.0.1:$pg1_port (primary), 127.0.0.1:$pg2_port (synchronous standby)
Addresses and the database password: $run/cluster.env. Stop: bash deploy/cluster-down.sh
TEXT
