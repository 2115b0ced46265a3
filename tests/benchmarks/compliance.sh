#!/usr/bin/env bash
# How long the compliance page's report (/Admin/Compliance, the last 30 days) takes with N listings (default 1,000,000)
# and M decision rows (default 5,000,000) spread over 90 days, with strikes (M/100), appeals and reviews, against a
# baseline measured in the same run: a bare count(*) of the decision rows in the same 30 days. p50/p90 over R runs
# (default 7) after a warm-up. Starts and removes its own PostgreSQL.
#   bash tests/benchmarks/compliance.sh [listings] [decisions] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- compliance "${1:-1000000}" "${2:-5000000}" "${3:-7}"
