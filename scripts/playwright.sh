#!/usr/bin/env bash
# The browser driver for the portal's tests (tests/portal/): playwright-core only, from npm, into
# .tools/playwright. It drives the Chromium scripts/chromium.sh finds (Debian's own, usually);
# no browser is ever downloaded.
#
#   scripts/playwright.sh install   install (once) playwright-core at the pinned version
set -euo pipefail

PLAYWRIGHT_VERSION="1.65.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "${1:-}" in
  # playwright-core has no install script that fetches browsers; the variable makes sure of it.
  install) PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$ROOT/scripts/npm-tool.sh" playwright-core "$PLAYWRIGHT_VERSION" playwright ;;
  *) echo "usage: scripts/playwright.sh install" >&2; exit 2 ;;
esac
