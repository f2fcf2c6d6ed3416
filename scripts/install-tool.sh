#!/usr/bin/env bash
# Packs the command line as a .NET tool into .tools/nupkg and installs it (or updates it) so that
# `sendpipeline …` runs from any folder.
#
#   scripts/install-tool.sh                  a global tool, in ~/.dotnet/tools (that folder must be on PATH)
#   scripts/install-tool.sh --tool-path DIR  into DIR instead (DIR/sendpipeline)
#
# Every pack gets a version of its own (0.1.0-dev.<UTC time>): NuGet caches a package by id and
# version, so reusing one version would keep installing the first package ever packed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FEED="$ROOT/.tools/nupkg"
PACKAGE="SendPipeline.Cli"

case "${1:-}" in
  "") target=(--global) ;;
  --tool-path)
    [[ -n "${2:-}" ]] || { echo "usage: $0 [--tool-path DIR]" >&2; exit 2; }
    target=(--tool-path "$2") ;;
  *) echo "usage: $0 [--tool-path DIR]" >&2; exit 2 ;;
esac

suffix="dev.$(date -u +%Y%m%d%H%M%S)"
version="0.1.0-$suffix"
mkdir -p "$FEED"
# Only this script's packages live in the feed: the older ones are of no further use.
rm -f "$FEED/$PACKAGE".*.nupkg
echo "Packing $PACKAGE $version into $FEED"
dotnet pack "$ROOT/src/SendPipeline.Cli" -c Release -nologo -clp:ErrorsOnly -o "$FEED" --version-suffix "$suffix"

# `tool update` installs the tool when it is not there yet, and replaces it when it is.
dotnet tool update "$PACKAGE" "${target[@]}" --add-source "$FEED" --version "$version"

if [[ "${target[0]}" == --global ]]; then
  tools="$HOME/.dotnet/tools"
  case ":$PATH:" in
    *":$tools:"*) echo "Ready: run \`sendpipeline rules\` from any folder." ;;
    *) echo "Installed in $tools, which is not on PATH: add it, e.g. to ~/.bashrc:"
       echo "  export PATH=\"\$PATH:$tools\""
       echo "then run \`sendpipeline rules\` from any folder." ;;
  esac
else
  echo "Ready: run $2/sendpipeline rules"
fi
