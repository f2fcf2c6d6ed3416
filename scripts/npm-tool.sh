#!/usr/bin/env bash
# Installs one npm package at a pinned version into .tools/{dir}, once: the shared step of the scripts
# that fetch the test tools from npm (duckdb.sh, playwright.sh). Extra environment (e.g. a variable that
# stops a download) is passed through by the caller.
#
#   scripts/npm-tool.sh PACKAGE VERSION DIR
set -euo pipefail

PACKAGE="$1" VERSION="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/.tools/$3"
MANIFEST="$TOOL_DIR/node_modules/$PACKAGE/package.json"

installed=""
if [[ -f "$MANIFEST" ]]; then installed="$(node -p "require('$MANIFEST').version")"; fi
if [[ "$installed" != "$VERSION" ]]; then
  echo "Installing $PACKAGE@$VERSION into $TOOL_DIR"
  mkdir -p "$TOOL_DIR"
  npm install --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error "$PACKAGE@$VERSION"
fi
