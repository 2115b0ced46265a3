#!/usr/bin/env bash
# The demo data's daily reconciliation after the two money walks (issue 23's report): seeds the demo data into a fresh
# database of the test suite's PostgreSQL, runs both walks in Chromium at 390 px, and prints the admins' reconciliation CSV
# (also in TestResults/demo-reconciliation.csv). Not part of tests/test.sh (Suite=Report). Takes minutes: it seeds ~4,400 listings.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Marketplace.sln -c Release -v q -nologo
dotnet test tests/Marketplace.Web.Tests -c Release --no-build --filter "Suite=Report&FullyQualifiedName~DemoReconciliationReport" --logger "console;verbosity=normal"
cat TestResults/demo-reconciliation.csv
