#!/usr/bin/env bash
# Runs the whole test suite: domain unit tests, then HTTP and database tests against a throwaway PostgreSQL
# that the suite starts itself (or the server in MARKETPLACE_TEST_POSTGRES). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it (https://dot.net) and run this again." >&2
  exit 1
fi

if [ -z "${MARKETPLACE_TEST_POSTGRES:-}" ]; then
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: apt-get install -y postgresql" >&2
    echo "or point MARKETPLACE_TEST_POSTGRES at a server where the user may create databases." >&2
    exit 1
  fi
fi

# The browser tests drive Debian's Chromium through Playwright; Playwright's own browser download is never used.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "apt-get install -y chromium" >&2
    exit 1
  fi
fi

results="TestResults"
rm -rf "$results"
status=0
# Tests marked Suite=Report make the reports of tests/reports/ (minutes each); the suite leaves them out.
dotnet test Marketplace.sln --configuration Release --logger "trx" --results-directory "$results" --filter "Suite!=Report" "$@" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
