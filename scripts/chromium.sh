#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/portal/), never a downloaded build.
#
#   scripts/chromium.sh ensure   install the chromium package with apt-get if /usr/bin/chromium is missing
#                                (as root or with passwordless sudo); otherwise fail saying what to do
set -euo pipefail

CHROMIUM=/usr/bin/chromium

ensure() {
  if [[ -x "$CHROMIUM" ]]; then return 0; fi
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "Chromium is not installed ($CHROMIUM) and this user cannot install it: run 'sudo apt-get install chromium' once." >&2
      exit 1
    fi
  fi
  echo "Installing Debian's chromium package"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
  [[ -x "$CHROMIUM" ]] || { echo "apt-get finished but $CHROMIUM is still missing." >&2; exit 1; }
}

case "${1:-}" in
  ensure) ensure ;;
  *) echo "usage: scripts/chromium.sh ensure" >&2; exit 2 ;;
esac
