#!/usr/bin/env bash
# Photo matching: draws distinct product-like photos, makes the copies a re-user makes (rescaled, recompressed, cropped,
# mirrored, brighter, darker, text over it), and prints the share of copies found per kind, the share of distinct
# photos that match each other, then the policy's lookup time for one listing photo among the stored photos, a share of
# them photos of refused listings, the only ones the lookup searches (random fingerprints loaded in SQL on a private
# PostgreSQL the run starts and removes).
#   bash tests/benchmarks/photo-match.sh [photos, default 500] [stored photos, default 1000000; 0 skips the lookup]
#                                        [share of the stored photos that are of refused listings, default 0.1]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- photo-match "${1:-500}" "${2:-1000000}" "${3:-0.1}"
