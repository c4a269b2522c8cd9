#!/usr/bin/env bash
# The fleet's scripted measurement run: ingest events/s into SQLite and PostgreSQL (one instance) and
# the command round trip p50/p99 against the real local kiosk, on a real Mosquitto. Prints the figures
# and the load average (a shared machine skews them: quote both). Not part of tests/run-all.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp)
dotnet build tests/Kiosk.Fleet.Tests -c Release -nologo -v quiet >/dev/null
FLEET_MEASURE_OUT=$out dotnet test --project tests/Kiosk.Fleet.Tests -c Release --no-build --filter-trait "Category=Measurement" >/dev/null || { echo "measurement run failed"; exit 1; }
cat "$out"
echo "load: $(uptime)"
