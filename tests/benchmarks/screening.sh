#!/usr/bin/env bash
# Screening time per listing over the screening sets (174 disguised + 400 legitimate listings, repeated): normalisation with
# the lexicons, then with the demo text model too, against a plain lower-case substring search of every lexicon term
# measured in the same run. No database needed.
#   bash tests/benchmarks/screening.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- screening "${1:-10}"
