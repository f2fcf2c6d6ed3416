#!/usr/bin/env bash
# An independent check of crash-safe ingest, from outside the process: SIGKILL `sendpipeline ingest` at random
# moments (not at chosen writes, as tests/…/CrashAtEveryWriteTests does), rerun it plainly, and compare the store
# with an uninterrupted run: every file's bytes, and every table row but its etag (a random stamp per write).
#
#   scripts/kill-ingest.sh [RUNS] [MAX-DELAY-SECONDS]     (default 8 runs, delays up to 6 s)
#
# Needs a Release build (dotnet build -c Release). Prints one line per run; exits 1 if any run differs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-8}"; max_delay="${2:-6}"
cli=(dotnet "$PWD/src/SendPipeline.Cli/bin/Release/net10.0/sendpipeline.dll")
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# One pupil-key secret for every run, so the Power BI keys of two stores can be compared.
SENDPIPELINE_PUPIL_KEY_SECRET="$(head -c 32 /dev/urandom | base64)"; export SENDPIPELINE_PUPIL_KEY_SECRET

state() { (cd "$1" && find . -type f ! -path './secrets/*' ! -name '.sendpipeline-tmp-*' | LC_ALL=C sort |
  while read -r f; do echo "== $f"; if [[ $f == ./.tables/* ]]; then grep -v '"etag"' "$f" || true; else sha256sum < "$f"; fi
  done); }

"${cli[@]}" generate --out "$work/uploads" > /dev/null
cp -a "$work/uploads" "$work/clean"
"${cli[@]}" ingest --store "$work/clean" > /dev/null
state "$work/clean" > "$work/clean.state"

failed=0
for ((i = 1; i <= runs; i++)); do
  delay="$(awk -v s="$RANDOM" -v m="$max_delay" 'BEGIN { srand(s); printf "%.2f", 0.3 + rand() * (m - 0.3) }')"
  run="$work/run$i"; cp -a "$work/uploads" "$run"
  "${cli[@]}" ingest --store "$run" > /dev/null 2>&1 & pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rerun=0; "${cli[@]}" ingest --store "$run" > "$run.log" 2>&1 || rerun=$?
  differences="$(diff <(cat "$work/clean.state") <(state "$run") | grep -c '^[<>]' || true)"
  echo "run $i: killed after ${delay}s, rerun exit $rerun, $differences differing lines"
  [[ $rerun -eq 0 && $differences -eq 0 ]] || failed=1
  rm -rf "$run"
done
exit "$failed"
