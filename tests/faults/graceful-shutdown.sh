#!/usr/bin/env bash
# The graceful-shutdown check on real Kestrel and the real clock: a stopping node answers 503 on /health while it drains,
# then refuses connections, and the request it was serving still gets its answer. Outside the default suite (see
# tests/Marketplace.Web.Tests/Hosting/GracefulShutdownTests.cs); run it on a quiet machine.
#   bash tests/faults/graceful-shutdown.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/Marketplace.Web.Tests --configuration Release -v q -nologo
for round in $(seq 1 "${1:-1}"); do
  echo "round $round"
  dotnet test tests/Marketplace.Web.Tests --configuration Release --no-build --filter "Suite=Fault"
done
