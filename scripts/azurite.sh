#!/usr/bin/env bash
# Starts/stops a local Azurite for the storage adapter tests and CI.
#
#   scripts/azurite.sh start              install (once) into .tools/azurite, start in background, wait for ports
#   scripts/azurite.sh stop               stop the instance this script started (by its pid file only)
#   scripts/azurite.sh connection-string  print the connection string of the instance this script started
#
# Ports: AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT when set (any of them); else Azurite's
# usual 10000-10002 when all three are free; else three free ports the system hands out, so a second
# run (another checkout, an Azurite a developer started) never collides. The connection string for
# the ports chosen is written to .tools/azurite/connection-string; scripts/test.sh exports it as
# AZURITE_CONNECTION_STRING, which the tests read (tests/SendPipeline.Storage.Tests/AzuriteConnection.cs).
#
# --skipApiVersionCheck: the Azure SDK moves to new service versions faster than Azurite
# releases; the adapter also pins an older version, this is the belt to that pair of braces.
# --inMemoryPersistence: tests create unique containers/tables per run, nothing needs to survive.
set -euo pipefail

AZURITE_VERSION="3.37.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/.tools/azurite"
PID_FILE="$TOOL_DIR/azurite.pid"
PORTS_FILE="$TOOL_DIR/ports"
CONNECTION_FILE="$TOOL_DIR/connection-string"
LOG_FILE="$TOOL_DIR/azurite.log"
BIN="$TOOL_DIR/node_modules/.bin/azurite"
HOST="127.0.0.1"
# Azurite's one fixed development account; its key is published in Azurite's documentation.
ACCOUNT="devstoreaccount1"
ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
PORTS=()

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

all_ports_open() {
  local p
  for p in "${PORTS[@]}"; do port_open "$p" || return 1; done
}

# Three ports the system says are free right now (listen on port 0, read the port, close).
free_ports() {
  node -e '
    const net = require("net");
    (async () => {
      const servers = [];
      for (let i = 0; i < 3; i++) {
        const server = net.createServer();
        await new Promise((ok, fail) => server.once("error", fail).listen(0, process.argv[1], ok));
        servers.push(server);
      }
      console.log(servers.map(s => s.address().port).join(" "));
      servers.forEach(s => s.close());
    })();' "$HOST"
}

choose_ports() {
  if [[ -n "${AZURITE_BLOB_PORT:-}${AZURITE_QUEUE_PORT:-}${AZURITE_TABLE_PORT:-}" ]]; then
    PORTS=("${AZURITE_BLOB_PORT:-10000}" "${AZURITE_QUEUE_PORT:-10001}" "${AZURITE_TABLE_PORT:-10002}")
    local p
    for p in "${PORTS[@]}"; do
      if port_open "$p"; then
        echo "Port $p on $HOST (from AZURITE_*_PORT) is taken: choose another, or unset the variables." >&2
        exit 1
      fi
    done
    return 0
  fi
  PORTS=(10000 10001 10002)
  local p
  for p in "${PORTS[@]}"; do
    if port_open "$p"; then
      read -r -a PORTS <<<"$(free_ports)"
      echo "Port $p on $HOST is taken; using free ports ${PORTS[*]} instead"
      return 0
    fi
  done
}

connection_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;' "$ACCOUNT" "$ACCOUNT_KEY"
  printf 'BlobEndpoint=http://%s:%s/%s;' "$HOST" "${PORTS[0]}" "$ACCOUNT"
  printf 'QueueEndpoint=http://%s:%s/%s;' "$HOST" "${PORTS[1]}" "$ACCOUNT"
  printf 'TableEndpoint=http://%s:%s/%s;\n' "$HOST" "${PORTS[2]}" "$ACCOUNT"
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
  if pid="$(running_pid)" && [[ -f "$PORTS_FILE" ]] && read -r -a PORTS <"$PORTS_FILE" && all_ports_open; then
    echo "Azurite already running (pid $pid, ports ${PORTS[*]})"
    return 0
  fi
  # Ours but not answering on its ports (or its ports file lost): replace it rather than orphan it.
  if running_pid >/dev/null; then stop; fi
  choose_ports
  install
  # setsid: own process group, so the test runner's terminal signals don't reach it.
  setsid "$BIN" --silent --skipApiVersionCheck --inMemoryPersistence --loose --disableTelemetry \
    --blobHost "$HOST" --queueHost "$HOST" --tableHost "$HOST" \
    --blobPort "${PORTS[0]}" --queuePort "${PORTS[1]}" --tablePort "${PORTS[2]}" \
    >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! >"$PID_FILE"
  echo "${PORTS[*]}" >"$PORTS_FILE"
  for _ in $(seq 1 60); do
    if all_ports_open; then
      connection_string >"$CONNECTION_FILE"
      echo "Azurite $AZURITE_VERSION started (pid $(cat "$PID_FILE"), ports ${PORTS[*]}; connection string in $CONNECTION_FILE)"
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
  rm -f "$PID_FILE" "$PORTS_FILE" "$CONNECTION_FILE"
}

print_connection_string() {
  if running_pid >/dev/null && [[ -f "$CONNECTION_FILE" ]]; then cat "$CONNECTION_FILE"
  else echo "No Azurite started by this script is running: run $0 start" >&2; exit 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  connection-string) print_connection_string ;;
  *) echo "usage: $0 start|stop|connection-string" >&2; exit 2 ;;
esac
