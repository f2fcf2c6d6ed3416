#!/usr/bin/env bash
# Installs SheetJS (npm xlsx) for the submission workbook test (tests/submission/workbook-check.mjs), which
# reads the DfE return workbook with a reader independent of the OpenXml SDK that wrote it.
#
#   scripts/sheetjs.sh install   install (once) into .tools/sheetjs
set -euo pipefail

SHEETJS_VERSION="0.18.5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  install) "$ROOT/scripts/npm-tool.sh" xlsx "$SHEETJS_VERSION" sheetjs ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
