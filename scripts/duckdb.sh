#!/usr/bin/env bash
# Installs DuckDB's Node API for the Power BI analyst test (tests/powerbi/analyst-check.mjs), which reads
# every Parquet file of the star schema with an engine independent of the one that wrote it.
#
#   scripts/duckdb.sh install   install (once) into .tools/duckdb
set -euo pipefail

DUCKDB_VERSION="1.5.6-r.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/.tools/duckdb"

install() {
  local installed=""
  if [[ -f "$TOOL_DIR/node_modules/@duckdb/node-api/package.json" ]]; then
    installed="$(node -p "require('$TOOL_DIR/node_modules/@duckdb/node-api/package.json').version")"
  fi
  if [[ "$installed" != "$DUCKDB_VERSION" ]]; then
    echo "Installing @duckdb/node-api@$DUCKDB_VERSION into $TOOL_DIR"
    mkdir -p "$TOOL_DIR"
    npm install --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error "@duckdb/node-api@$DUCKDB_VERSION"
  fi
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
