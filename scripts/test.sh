#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Azurite, DuckDB and
# playwright-core from npm, the Bicep compiler from NuGet, Chromium from apt for the dashboard's and the
# portal's browser tests), builds with warnings as errors, compiles and lints infra/, runs every test
# project, and stops Azurite by its own pid however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/chromium.sh ensure
./scripts/playwright.sh install
./scripts/duckdb.sh install
./scripts/sheetjs.sh install
./scripts/azurite.sh start
trap './scripts/azurite.sh stop' EXIT

# Warnings are errors in every project (Directory.Build.props) except the NU1603 "next version served" notes.
dotnet build SendPipeline.sln -c Release -nologo -clp:ErrorsOnly
./scripts/bicep.sh
log=$(mktemp)
status=0
dotnet test SendPipeline.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" | tee "$log" || status=$?
# One plain closing line over every test project, the form CI reads in any language.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
