#!/usr/bin/env bash
# How long blocking a cluster takes with N live cross-border listings in it (default 100,000) while re-screening M live
# cross-border listings in the open clusters (default 300,000, 1 % naming batik), against bare UPDATEs of the same rows
# measured in the same run. Starts and removes its own PostgreSQL.
#   bash tests/benchmarks/block-cluster.sh [listings in the cluster] [listings re-screened elsewhere] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- "${1:-100000}" "${2:-300000}" "${3:-3}"
