#!/usr/bin/env bash
# The browser driver for the portal's tests (tests/portal/): playwright-core only, from npm, into
# .tools/playwright. It drives Debian's own Chromium (/usr/bin/chromium, see scripts/chromium.sh);
# no browser is ever downloaded.
#
#   scripts/playwright.sh install   install (once) playwright-core at the pinned version
set -euo pipefail

PLAYWRIGHT_VERSION="1.65.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/.tools/playwright"

install() {
  local installed=""
  if [[ -f "$TOOL_DIR/node_modules/playwright-core/package.json" ]]; then
    installed="$(node -p "require('$TOOL_DIR/node_modules/playwright-core/package.json').version")"
  fi
  if [[ "$installed" != "$PLAYWRIGHT_VERSION" ]]; then
    echo "Installing playwright-core@$PLAYWRIGHT_VERSION into $TOOL_DIR"
    mkdir -p "$TOOL_DIR"
    # playwright-core has no install script that fetches browsers; the variable makes sure of it.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error \
      "playwright-core@$PLAYWRIGHT_VERSION"
  fi
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: scripts/playwright.sh install" >&2; exit 2 ;;
esac
