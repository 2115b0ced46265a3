#!/usr/bin/env bash
# Server-time benchmark of the storefront at the demo data size (about 4,400 listings).
# Starts the site in Release with demo data on a private PostgreSQL in a temporary folder, warms up, then measures
# home, search, category and product pages with wrk on 127.0.0.1 only, 10 s each, and /health as the baseline of the
# same session: the machine is shared and noisy, so compare pages by their ratio to /health, not by absolute numbers.
# Stops the site and its database and removes the folder when it ends, however it ends (site.sh).
#
# Usage: bash tests/benchmarks/storefront.sh [seconds per page, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${1:-10}"
connections=4

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  else
    echo "apt-get install -y wrk" >&2
    exit 1
  fi
fi

source tests/benchmarks/site.sh
start_site DemoData__Enabled=true

product=$(curl -sf "$base/Search?q=batik+tulis" | grep -o 'href="/p/[0-9]*"' | head -n 1 | grep -o '[0-9][0-9]*')
[ -n "$product" ] || { echo "No product found to measure." >&2; exit 1; }

pages=(
  "health|/health"
  "home|/"
  "search: batik|/Search?q=batik"
  "search: kopi gayo, local, in stock|/Search?q=kopi+gayo&origin=local&stock=1"
  "search: partial word 'kerip'|/Search?q=kerip"
  "search: page 3 by price|/Search?q=kain&sort=price-asc&page=3"
  "category: fashion branch|/c/fesyen-tekstil?sort=newest"
  "product|/p/$product"
)

echo "Warming up..."
for entry in "${pages[@]}"; do
  url="${entry#*|}"
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$url")
  [ "$status" = "200" ] || { echo "$url answered $status" >&2; exit 1; }
  wrk -t1 -c"$connections" -d3s "$base$url" >/dev/null
done

# wrk prints latencies as 512.00us, 1.23ms or 1.02s; everything below is in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

printf '\n%-40s %9s %8s %8s %8s %8s %8s\n' "page ($connections connections, ${duration}s each)" "req/s" "p50 ms" "p90 ms" "p99 ms" "x p50" "x req/s"
base_p50=""
base_rps=""
for entry in "${pages[@]}"; do
  name="${entry%%|*}"
  url="${entry#*|}"
  out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency "$base$url")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  if [ -z "$base_p50" ]; then
    base_p50="$p50"
    base_rps="$rps"
  fi
  ratio_p50=$(awk -v a="$p50" -v b="$base_p50" 'BEGIN { printf "%.1f", a / b }')
  ratio_rps=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-40s %9s %8s %8s %8s %8s %8s\n' "$name" "$rps" "$p50" "$p90" "$p99" "$ratio_p50" "$ratio_rps"
  [ -z "$errors" ] || echo "  $errors"
done
echo
echo "x p50: median latency as a multiple of /health's; x req/s: throughput as a fraction of /health's (same session)."
