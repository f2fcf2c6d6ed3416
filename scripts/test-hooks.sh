#!/usr/bin/env bash
# Runs the azd postdeploy hook (infra/hooks/subscribe-uploads.sh, and .ps1 under pwsh when scripts/lint-scripts.sh
# installed it) against a stand-in `az` that records its arguments, so CI checks what the hook does without an
# Azure subscription: it waits for the blob extension key, creates the Event Grid subscription with the webhook
# and the uploads/ filter, updates it on a second run (idempotent), says which variable is missing, and never
# prints the key, not even inside az's own error text. Exits non-zero on the first check that fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
KEY="k3y-S3CRET-$$"

# The stand-in az: state in $work. The key appears on the second `keys list`, as when the host is still starting.
mkdir -p "$work/bin"
cat >"$work/bin/az" <<AZ
#!/bin/sh
echo "\$*" >>"$work/az.log"
case "\$*" in
  "account show"*) exit 0 ;;
  "functionapp show"*) echo "127.0.0.1:9" ;;
  "functionapp keys list"*)
    n=\$(cat "$work/keys" 2>/dev/null || echo 0); n=\$((n + 1)); echo "\$n" >"$work/keys"
    [ "\$n" -ge 2 ] && echo "$KEY" ;;
  "eventgrid system-topic event-subscription show"*) [ -f "$work/subscribed" ] || exit 3 ;;
  "eventgrid system-topic event-subscription create"*)
    if [ -f "$work/refuse" ]; then
      echo "ERROR: Webhook validation handshake failed for https://127.0.0.1:9/runtime/webhooks/blobs?code=$KEY" >&2
      exit 1
    fi
    touch "$work/subscribed" ;;
  "eventgrid system-topic event-subscription update"*) ;;
  *) echo "unexpected az \$*" >&2; exit 9 ;;
esac
AZ
chmod +x "$work/bin/az"

failures=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "  ok: $what"; else echo "  FAILED: $what"; failures=$((failures + 1)); fi
}

run_hook() { # shell, then the hook; output in $work/out, exit code in $work/rc
  local rc=0
  env -i PATH="$work/bin:$PATH" HOME="$work" SENDPIPELINE_HOOK_KEY_WAIT_SECONDS=0 \
    AZURE_SUBSCRIPTION_ID=00000000-0000-0000-0000-000000000000 AZURE_RESOURCE_GROUP=rg-test \
    AZURE_FUNCTION_APP_NAME="${APP_NAME-func-test}" UPLOADS_SYSTEM_TOPIC_NAME=evgt-test \
    "$@" >"$work/out" 2>&1 || rc=$?
  echo "$rc" >"$work/rc"
}

suite() { # a name, then how to run the hook
  local name="$1"; shift
  echo "$name"
  rm -f "$work/az.log" "$work/keys" "$work/subscribed" "$work/refuse"

  run_hook "$@"
  check "first run exits 0" grep -qx 0 "$work/rc"
  check "first run creates the subscription" grep -q "uploads-to-ingest created" "$work/out"
  check "it waited for the key" grep -q "Waiting for the app's blob extension key" "$work/out"
  local webhook="https://127.0.0.1:9/runtime/webhooks/blobs?functionName=Host.Functions.UploadBlobTrigger"
  local filter="--included-event-types Microsoft.Storage.BlobCreated"
  filter+=" --subject-begins-with /blobServices/default/containers/uploads/"
  check "create names the webhook, the trigger and the key" grep -qF -- "--endpoint $webhook&code=$KEY" "$work/az.log"
  check "create filters BlobCreated under uploads/" grep -qF -- "$filter" "$work/az.log"
  check "the key is not printed" bash -c "! grep -q '$KEY' '$work/out'"

  rm -f "$work/az.log"
  run_hook "$@"
  check "second run exits 0" grep -qx 0 "$work/rc"
  check "second run updates, not creates" grep -q "uploads-to-ingest updated" "$work/out"
  check "second run sends the current key" grep -q "update .*--endpoint .*code=$KEY" "$work/az.log"
  check "second run makes no new subscription" bash -c "! grep -q 'event-subscription create' '$work/az.log'"

  rm -f "$work/subscribed"; touch "$work/refuse"
  run_hook "$@"
  check "a refused create exits 1" grep -qx 1 "$work/rc"
  check "a refused create shows az's reason" grep -q "Webhook validation handshake failed" "$work/out"
  check "a refused create masks the key" bash -c "! grep -q '$KEY' '$work/out'"

  rm -f "$work/refuse"
  APP_NAME="" run_hook "$@"
  check "a missing azd value exits 1" grep -qx 1 "$work/rc"
  check "a missing azd value is named" grep -q "AZURE_FUNCTION_APP_NAME is not set" "$work/out"
}

suite "infra/hooks/subscribe-uploads.sh (sh)" sh "$ROOT/infra/hooks/subscribe-uploads.sh"
pwsh="$(command -v pwsh || echo "$ROOT/.tools/pwsh/pwsh")"
if [[ -x "$pwsh" ]]; then
  suite "infra/hooks/subscribe-uploads.ps1 (pwsh)" "$pwsh" -NoLogo -NoProfile -NonInteractive \
    -File "$ROOT/infra/hooks/subscribe-uploads.ps1"
else
  echo "infra/hooks/subscribe-uploads.ps1 SKIPPED: no pwsh (scripts/lint-scripts.sh installs it into .tools/pwsh)."
fi
if [[ "$failures" -gt 0 ]]; then echo "hook checks: $failures failed"; exit 1; fi
echo "hook checks: all passed"
