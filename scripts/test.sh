#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Azurite, DuckDB and
# playwright-core from npm into .tools/, the Bicep compiler from NuGet into .tools/nuget, Chromium from apt
# when none is found, for the dashboard's and the portal's browser tests), builds with warnings as errors,
# compiles and lints infra/, lints the scripts and tests the azd hooks, checks the formatting (dotnet format),
# runs every test project, and stops Azurite by its own pid however the run ends.
# Two runs at once (two checkouts) do not collide: Azurite takes free ports, tests write under unique names.
set -euo pipefail
cd "$(dirname "$0")/.."

# playwright-core first: scripts/chromium.sh also looks for a Chromium playwright installed before it reaches for apt.
./scripts/playwright.sh install
./scripts/chromium.sh ensure
./scripts/duckdb.sh install
./scripts/sheetjs.sh install
# Azurite on 10000-10002, or on free ports when those are taken (another run, a developer's Azurite); the tests
# read where from AZURITE_CONNECTION_STRING. Set it yourself to test against an Azurite or account you run.
if [[ -z "${AZURITE_CONNECTION_STRING:-}" ]]; then
  ./scripts/azurite.sh start
  trap './scripts/azurite.sh stop' EXIT
  AZURITE_CONNECTION_STRING="$(./scripts/azurite.sh connection-string)"
  export AZURITE_CONNECTION_STRING
fi

# Warnings are errors in every project (Directory.Build.props) except the NU1603 "next version served" notes.
dotnet build SendPipeline.sln -c Release -nologo -clp:ErrorsOnly
./scripts/bicep.sh
# The azd hooks and every script: ShellCheck and PowerShell's parser, then the postdeploy hook against a stand-in az.
./scripts/lint-scripts.sh
./scripts/test-hooks.sh
# The house style (.editorconfig): lists every place `dotnet format SendPipeline.sln` would change, and fails.
dotnet format SendPipeline.sln --verify-no-changes --no-restore
log=$(mktemp)
status=0
dotnet test SendPipeline.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" | tee "$log" || status=$?
# One plain closing line over every test project, the form CI reads in any language.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
