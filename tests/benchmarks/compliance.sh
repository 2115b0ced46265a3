#!/usr/bin/env bash
# How long the compliance page's report (/Admin/Compliance, the last 30 days) takes with N listings (default 1,000,000)
# and M decision rows (default 5,000,000) spread over 90 days, with strikes (M/100), appeals and reviews, against a
# baseline measured in the same run: a bare count(*) of the decision rows in the same 30 days. p50/p90 over R runs
# (default 7) after a warm-up. The site's rollup of closed days (ComplianceRollup) runs first, timed. Starts and removes
# its own PostgreSQL; with BENCH_KEEP_DIR=folder it keeps it there, stopped, and a later run with the same numbers reuses
# the rows instead of loading them again. A fourth argument "explain" prints EXPLAIN (ANALYZE, BUFFERS) of each statement.
#   bash tests/benchmarks/compliance.sh [listings] [decisions] [runs] [explain]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- compliance "${1:-1000000}" "${2:-5000000}" "${3:-7}" ${4:-}
