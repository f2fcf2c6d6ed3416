#!/usr/bin/env bash
# Makes sure a headless Chromium is installed for the dashboard's browser test
# (tests/SendPipeline.Cli.Tests/DashboardBrowserTests.cs) and the portal's (PortalBrowserTests.cs, through playwright-core).
#
#   scripts/chromium.sh ensure   install Debian's `chromium` with apt-get when no Chromium is found
#   scripts/chromium.sh path     print the browser the tests will use (exit 1 when there is none)
#
# `path` is the one finder: the browser tests (HeadlessChromium.Find) and tests/*/*.spec.mjs ask it.
# Its order: SENDPIPELINE_CHROMIUM; else the first of CANDIDATES on PATH; else the browser
# playwright-core (in .tools/playwright) would launch by default, when that file exists (a Chromium
# someone installed with `npx playwright install chromium`; this script never downloads one).
#
# apt-get runs directly as root, else through `sudo -n` (never prompts: CI runners have passwordless
# sudo). Without apt-get (not Debian/Ubuntu), or without root and passwordless sudo, it installs
# nothing and exits 1 saying how to install Chromium by hand or point SENDPIPELINE_CHROMIUM at one;
# the browser test would otherwise fail (it never skips) with the same advice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLAYWRIGHT="$ROOT/.tools/playwright/node_modules/playwright-core"

# The names looked for on PATH, in this order; SENDPIPELINE_CHROMIUM wins when set.
CANDIDATES=(chromium chromium-browser google-chrome google-chrome-stable)

find_browser() {
  if [[ -n "${SENDPIPELINE_CHROMIUM:-}" ]]; then
    [[ -x "$SENDPIPELINE_CHROMIUM" ]] && { echo "$SENDPIPELINE_CHROMIUM"; return 0; }
    echo "SENDPIPELINE_CHROMIUM=$SENDPIPELINE_CHROMIUM is not an executable file." >&2
    return 1
  fi
  local name
  for name in "${CANDIDATES[@]}"; do
    command -v "$name" 2>/dev/null && return 0
  done
  playwright_browser
}

# playwright-core's own Chromium, when it was installed on this machine; nothing when it was not.
playwright_browser() {
  [[ -d "$PLAYWRIGHT" ]] && command -v node >/dev/null || return 1
  local browser
  browser="$(node -e 'try { console.log(require(process.argv[1]).chromium.executablePath()) } catch { }' \
    "$PLAYWRIGHT" 2>/dev/null)" || return 1
  [[ -n "$browser" && -x "$browser" ]] && echo "$browser"
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

ensure() {
  local browser
  if browser="$(find_browser)"; then
    echo "Chromium: $browser ($("$browser" --version 2>/dev/null || echo "version unknown"))"
    return 0
  fi
  if ! command -v apt-get >/dev/null; then
    echo "No Chromium found and no apt-get to install it: install Chromium (or Chrome) yourself, or set SENDPIPELINE_CHROMIUM to its path." >&2
    exit 1
  fi
  echo "Installing Debian's chromium with apt-get (for the dashboard's browser test)"
  # DEBIAN_FRONTEND: no prompts from package configuration on an unattended runner.
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; then
    echo "Could not install chromium with apt-get (needs root or passwordless sudo): run 'sudo apt-get install -y chromium', or set SENDPIPELINE_CHROMIUM." >&2
    exit 1
  fi
  browser="$(find_browser)" || { echo "apt-get installed chromium but it is not on PATH." >&2; exit 1; }
  echo "Chromium installed: $browser"
}

case "${1:-}" in
  ensure) ensure ;;
  path) find_browser ;;
  *) echo "usage: $0 ensure|path" >&2; exit 2 ;;
esac
