#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs and starts what the tests need (Azurite from npm,
# the Bicep compiler from NuGet), builds with warnings as errors, compiles and lints infra/, runs
# every test project, and stops Azurite by its own pid however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/azurite.sh start
trap './scripts/azurite.sh stop' EXIT

dotnet build SendPipeline.sln -c Release -warnaserror -nologo -clp:ErrorsOnly
./scripts/bicep.sh
dotnet test SendPipeline.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
