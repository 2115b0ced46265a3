#!/usr/bin/env bash
# Kills PostgreSQL under a running CSV import and checks what follows (issue 15, item 5). Not part of the test suite:
# it stops and kills a database server, a private one it starts and removes itself.
# Per trial (pg_ctl stop -m immediate, then kill -9 of the postmaster, at each point of the import's progress) it prints
# the rows saved (all or none), the time from the database's return to the job settling, to the first page served, and
# whether a listing the seller edited after the upload kept its edit. Exit code 1 when a trial fails a check.
#   bash tests/faults/import-under-faults.sh [rows] [point,point,...]   (a point is a percentage of rows checked, or "write":
#   inside the import's write transaction; default 10,50,90,write)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run --configuration Release --project tests/Marketplace.Benchmarks -- faults "${1:-20000}" "${2:-10,50,90,write}"
