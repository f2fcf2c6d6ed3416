#!/usr/bin/env bash
# Installs DuckDB's Node API for the Power BI analyst test (tests/powerbi/analyst-check.mjs), which reads
# every Parquet file of the star schema with an engine independent of the one that wrote it.
#
#   scripts/duckdb.sh install   install (once) into .tools/duckdb
set -euo pipefail

DUCKDB_VERSION="1.5.6-r.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  install) "$ROOT/scripts/npm-tool.sh" "@duckdb/node-api" "$DUCKDB_VERSION" duckdb ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
