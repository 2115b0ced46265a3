# Sourced by a benchmark script that needs the site running: builds it in Release, starts it on a free loopback port
# with a private PostgreSQL in a temporary folder, and stops both and removes the folder however the script ends.
#
#   source "$(dirname "$0")/site.sh"
#   start_site DemoData__Enabled=false Some__Setting=value   # sets $base (http://127.0.0.1:PORT) and $work

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d /tmp/marketplace-bench-XXXXXX)
site_pid=""
stop_site() {
  if [ -n "$site_pid" ] && kill -0 "$site_pid" 2>/dev/null; then
    # SIGTERM lets the site stop its private PostgreSQL on the way out.
    kill -TERM "$site_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$site_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$site_pid" 2>/dev/null || true
  fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    kill -QUIT "$(head -n 1 "$work/pg/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$work"
}
trap stop_site EXIT INT TERM

start_site() {
  echo "Building in Release..."
  dotnet build src/Marketplace.Web --configuration Release --nologo --verbosity quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  local web_port pg_port
  web_port=$(free_port)
  pg_port=$(free_port)
  base="http://127.0.0.1:$web_port"
  echo "Starting the site on $base (PostgreSQL on port $pg_port in $work/pg)..."
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Site__BaseUrl="$base" \
    LocalPostgres__Enabled=true LocalPostgres__Port="$pg_port" LocalPostgres__DataDirectory="$work/pg" \
    Logging__File= Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet src/Marketplace.Web/bin/Release/net10.0/Marketplace.Web.dll --contentRoot "$PWD/src/Marketplace.Web" >"$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 240); do
    curl -sf "$base/health" >/dev/null 2>&1 && return 0
    kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:" >&2; tail -n 20 "$work/site.log" >&2; exit 1; }
    sleep 1
  done
  echo "The site did not answer within 4 minutes." >&2
  exit 1
}
