#!/usr/bin/env bash
# Compile-checks and lints infra/ with the Bicep CLI taken from its NuGet package, the one registry
# every machine here reaches; no az CLI needed. Exits non-zero on any Bicep error.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="0.49.2"
packages="$root/.tools/nuget"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [[ ! -x "$bicep" ]]; then
  # A throwaway project whose only job is a PackageDownload; the repo's props are kept out of it so
  # central package management does not apply.
  project="$root/.tools/bicep/bicep-download.csproj"
  mkdir -p "$(dirname "$project")"
  cat >"$project" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$project" --packages "$packages" \
    -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false -p:ManagePackageVersionsCentrally=false >/dev/null
  if [[ ! -f "$bicep" ]]; then
    bicep="$(find "$packages/azure.bicep.commandline.linux-x64/$version" -type f -name bicep | head -n 1)"
  fi
  [[ -n "$bicep" && -f "$bicep" ]] || { echo "bicep binary not found in the package" >&2; exit 1; }
  chmod +x "$bicep"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
echo "bicep build infra/main.bicep"
"$bicep" build "$root/infra/main.bicep" --stdout >/dev/null
echo "bicep lint infra/main.bicep"
"$bicep" lint "$root/infra/main.bicep"
