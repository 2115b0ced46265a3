#!/usr/bin/env bash
# The storefront at scale: N listings (default 1,000,000; 100000 for the smaller run) in a private PostgreSQL, each page
# measured with wrk at 4 and 32 connections beside its floor, a minimal hand-written Npgsql page of the same content
# served from the same database in the same run (tests/Marketplace.Benchmarks/StorefrontFloor.cs), and beside the site's
# layout-only page (/NotFound: the Razor layout and the whole pipeline, no database), which bounds the ratio a Razor page
# can reach against a floor that renders no layout.
#
# The load (binary COPY of demo-vocabulary listings, ~5,000 shops, then index builds) is kept in
# $STOREFRONT_SCALE_DIR/<N> (default /tmp/marketplace-storefront-scale) and reused while the migrations are unchanged;
# delete the folder to load again.
#
# Usage: bash tests/benchmarks/storefront-scale.sh [listings, default 1000000] [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."

listings="${1:-1000000}"
duration="${2:-10}"
cache="${STOREFRONT_SCALE_DIR:-/tmp/marketplace-storefront-scale}/$listings"
schema=$(ls src/Marketplace.Web/Data/Migrations | sha1sum | cut -c1-12)

command -v wrk >/dev/null 2>&1 || { echo "apt-get install -y wrk" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

site_pid=""
floor_pid=""
stop() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
cleanup() { stop "$floor_pid"; stop "$site_pid"; }
trap cleanup EXIT INT TERM

echo "Building in Release..."
dotnet build tests/Marketplace.Benchmarks --configuration Release --nologo --verbosity quiet >/tmp/storefront-scale-build.log 2>&1 \
  || { cat /tmp/storefront-scale-build.log; exit 1; }

if [ "$(cat "$cache/loaded" 2>/dev/null)" != "$schema" ]; then
  rm -rf "$cache"
fi
mkdir -p "$cache"

web_port=$(free_port)
pg_port=$(free_port)
floor_port=$(free_port)
base="http://127.0.0.1:$web_port"
floor="http://127.0.0.1:$floor_port"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=marketplace"

echo "Starting the site on $base (PostgreSQL on port $pg_port in $cache/pg)..."
ASPNETCORE_ENVIRONMENT=Production \
Site__BaseUrl="$base" \
ASPNETCORE_URLS="$base" \
LocalPostgres__Enabled=true \
LocalPostgres__Port="$pg_port" \
LocalPostgres__DataDirectory="$cache/pg" \
DemoData__Enabled=false \
Logging__File= \
Serilog__MinimumLevel__Default=Warning \
  dotnet src/Marketplace.Web/bin/Release/net10.0/Marketplace.Web.dll --contentRoot "$PWD/src/Marketplace.Web" >"$cache/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 600); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  kill -0 "$site_pid" 2>/dev/null || { echo "The site stopped:" >&2; tail -n 20 "$cache/site.log" >&2; exit 1; }
  sleep 1
done

bench=tests/Marketplace.Benchmarks/bin/Release/net10.0/Marketplace.Benchmarks.dll
if [ ! -f "$cache/loaded" ]; then
  echo "Loading $listings listings (kept in $cache for the next run)..."
  start=$(date +%s)
  dotnet "$bench" storefront-load "$connection" "$listings"
  echo "$schema" >"$cache/loaded"
  echo "Load took $(( $(date +%s) - start )) s."
fi

Logging__LogLevel__Default=Warning dotnet "$bench" storefront-floor "$connection" "$floor" >"$cache/floor.log" 2>&1 &
floor_pid=$!
for _ in $(seq 120); do curl -sf "$floor/floor/pick" >/dev/null 2>&1 && break; sleep 1; done
read -r product shop branch leaf <<<"$(curl -sf "$floor/floor/pick")"
echo "product $product, shop $shop, branch $branch, leaf $leaf"

# name|site page|floor page
pages=(
  "home|/|/floor/home"
  "search: batik|/Search?q=batik|/floor/list?q=batik"
  "search: kopi gayo, local, in stock|/Search?q=kopi+gayo&origin=local&stock=1|/floor/list?q=kopi+gayo&origin=local&stock=1"
  "search: partial word 'kerip'|/Search?q=kerip|/floor/list?q=kerip"
  "search: kain, page 3 by price|/Search?q=kain&sort=price-asc&page=3|/floor/list?q=kain&sort=price-asc&page=3"
  "category branch: $branch|/c/$branch|/floor/list?cat=$branch"
  "category leaf: $leaf|/c/$leaf|/floor/list?cat=$leaf"
  "product|/p/$product|/floor/p/$product"
  "shop: $shop|/s/$shop|/floor/list?shop=$shop"
  "suggest: 'bat'|/search/suggest?q=bat|/floor/list?q=bat"
)

psql_url="postgresql://postgres@127.0.0.1:$pg_port/marketplace"
matches=$(psql "$psql_url" -Atc \
  "SELECT count(*) FROM listings WHERE state = 2 AND (search_vector @@ to_tsquery('indonesian', 'batik:*') OR title_words @@ to_tsquery('simple', 'batik:*'))" 2>/dev/null || echo "?")
echo "Published listings matching 'batik': $matches"

echo "Warming up..."
for entry in "${pages[@]}"; do
  IFS='|' read -r _ site_url floor_url <<<"$entry"
  for url in "$base$site_url" "$floor$floor_url"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$status" = "200" ] || { echo "$url answered $status" >&2; exit 1; }
    wrk -t1 -c4 -d2s "$url" >/dev/null
  done
done

# A measurement ends when wrk stops, but statements it started may still run in PostgreSQL (the floor's searches take
# seconds): wait until the database is idle, so no page is measured beside the previous page's leftovers.
wait_idle() {
  for _ in $(seq 600); do
    [ "$(psql "$psql_url" -Atc "SELECT count(*) FROM pg_stat_activity WHERE datname = 'marketplace' AND state = 'active' AND pid <> pg_backend_pid()")" = "0" ] && return
    sleep 0.2
  done
}

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
measure() {
  local out
  wait_idle
  out=$(wrk -t"$(( $1 > 4 ? 2 : 1 ))" -c"$1" -d"${duration}s" --latency "$2")
  printf '%s %s %s\n' "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  grep -E 'Non-2xx|Socket errors' <<<"$out" >&2 || true
}

for connections in 4 32; do
  echo
  echo "$listings listings, $connections connections, ${duration}s each (floor: hand-written Npgsql page, same content, same run)"
  read -r layout _ < <(measure "$connections" "$base/NotFound")
  echo "layout only (the site's Razor layout and pipeline, no database): $layout req/s"
  printf '%-42s %7s %7s %7s | %7s %7s %7s | %6s %6s\n' "page" "req/s" "p50 ms" "p99 ms" "floor/s" "p50 ms" "p99 ms" "x floor" "bound"
  for entry in "${pages[@]}"; do
    IFS='|' read -r name site_url floor_url <<<"$entry"
    read -r rps p50 p99 < <(measure "$connections" "$base$site_url")
    read -r frps fp50 fp99 < <(measure "$connections" "$floor$floor_url")
    ratio=$(awk -v a="$rps" -v b="$frps" 'BEGIN { printf "%.2f", a / b }')
    bound=$(awk -v l="$layout" -v f="$frps" 'BEGIN { printf "%.2f", l / (l + f) }')
    printf '%-42s %7s %7s %7s | %7s %7s %7s | %6s %6s\n' "$name" "$rps" "$p50" "$p99" "$frps" "$fp50" "$fp99" "$ratio" "$bound"
  done
done
echo
echo "x floor: the page's requests per second as a fraction of its floor's. The suggestion row's floor is the prefix search page."
echo "bound: the x floor a page would reach if it cost the layout-only page plus its whole floor, layout / (layout + floor):"
echo "a Razor page that reads its data as cheaply as the hand-written floor serves it."
