#!/usr/bin/env bash
# The screening's figures on the screening sets (tests/Marketplace.Domain.Tests/Policy/ScreeningSets): per trick family,
# tuning then held-out, the share the lexicons catch; the share of legitimate open-cluster listings held; and processor µs
# per listing decided, beside a plain substring search measured in the same run. No database needed.
#   bash tests/benchmarks/screening.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- screening "${1:-10}"
