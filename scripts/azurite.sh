#!/usr/bin/env bash
# Starts/stops a local Azurite for the storage adapter tests and CI.
#
#   scripts/azurite.sh start   install (once) into .tools/azurite, start in background, wait for ports
#   scripts/azurite.sh stop    stop the instance this script started (by its pid file only)
#
# --skipApiVersionCheck: the Azure SDK moves to new service versions faster than Azurite
# releases; the adapter also pins an older version, this is the belt to that pair of braces.
# --inMemoryPersistence: tests create unique containers/tables per run, nothing needs to survive.
set -euo pipefail

AZURITE_VERSION="3.37.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/.tools/azurite"
PID_FILE="$TOOL_DIR/azurite.pid"
LOG_FILE="$TOOL_DIR/azurite.log"
BIN="$TOOL_DIR/node_modules/.bin/azurite"
HOST="127.0.0.1"
PORTS=(10000 10001 10002)

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

all_ports_open() {
  local p
  for p in "${PORTS[@]}"; do port_open "$p" || return 1; done
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install() {
  local installed=""
  if [[ -f "$TOOL_DIR/node_modules/azurite/package.json" ]]; then
    installed="$(node -p "require('$TOOL_DIR/node_modules/azurite/package.json').version")"
  fi
  if [[ "$installed" != "$AZURITE_VERSION" ]]; then
    echo "Installing azurite@$AZURITE_VERSION into $TOOL_DIR"
    mkdir -p "$TOOL_DIR"
    npm install --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION"
  fi
}

start() {
  if pid="$(running_pid)" && all_ports_open; then
    echo "Azurite already running (pid $pid)"
    return 0
  fi
  for p in "${PORTS[@]}"; do
    if port_open "$p"; then
      echo "Port $p on $HOST is taken by something this script did not start; stop it first." >&2
      exit 1
    fi
  done
  install
  # setsid: own process group, so the test runner's terminal signals don't reach it.
  setsid "$BIN" --silent --skipApiVersionCheck --inMemoryPersistence --loose --disableTelemetry \
    --blobHost "$HOST" --queueHost "$HOST" --tableHost "$HOST" \
    --blobPort 10000 --queuePort 10001 --tablePort 10002 \
    >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 60); do
    if all_ports_open; then
      echo "Azurite $AZURITE_VERSION started (pid $(cat "$PID_FILE"))"
      return 0
    fi
    if ! running_pid >/dev/null; then break; fi
    sleep 0.5
  done
  echo "Azurite did not come up within 30 s; log follows:" >&2
  cat "$LOG_FILE" >&2 || true
  stop
  exit 1
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "Azurite stopped (pid $pid)"
  else
    echo "Azurite not running (no live pid in $PID_FILE)"
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
