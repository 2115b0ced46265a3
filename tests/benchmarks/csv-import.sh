#!/usr/bin/env bash
# CSV bulk upload throughput: a generated file of N rows (default 50,000) imported through the real import service
# for a new shop, then the same file again, against a bare binary COPY of the same rows measured in the same run.
# Starts and removes its own PostgreSQL.
#   bash tests/benchmarks/csv-import.sh [rows] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- csv-import "${1:-50000}" "${2:-2}"
