#!/bin/sh
# azd postdeploy hook: subscribes the deployed blob trigger to new uploads, so `azd up` is the only command.
#
# Flex Consumption does not poll storage, so an Event Grid subscription on the account sends each BlobCreated
# event under uploads/ to the blob extension's webhook. That webhook's URL carries the app's `blobs_extension`
# system key, which the Functions host creates only once the deployed code has started, and Event Grid checks
# the endpoint when the subscription is made, which needs the trigger deployed. So it cannot be made at
# provision time; this hook runs after every deploy instead. It is the subscription's one owner:
# infra/app/events.bicep makes only the system topic.
#
# Safe to run again (`azd hooks run postdeploy`): it looks the subscription up, then creates it or updates its
# endpoint (the key may have been renewed) and filters. It never prints the key: the URL lives in a variable,
# az's output is discarded, and any error text has the key masked. Do not run it under `sh -x`.
set -eu

# Must match UploadBlobTrigger.Name in src/SendPipeline.Functions/Triggers/UploadBlobTrigger.cs.
trigger_function="UploadBlobTrigger"
subscription_name="uploads-to-ingest"
uploads_subject="/blobServices/default/containers/uploads/"
key_attempts=12
key_wait_seconds="${SENDPIPELINE_HOOK_KEY_WAIT_SECONDS:-10}"  # scripts/test-hooks.sh shortens it

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

fail() {
  echo "postdeploy: $1" >&2
  exit 1
}

# az's error text, with any webhook key masked.
show_errors() {
  sed 's/code=[^&" ]*/code=(hidden)/g' "$errors" >&2
}

rerun="then run 'azd hooks run postdeploy'"

need() {
  [ -n "$2" ] || fail "$1 is not set. Run this hook through azd after a provision: 'azd up', or \
'azd hooks run postdeploy'."
}

need AZURE_SUBSCRIPTION_ID "${AZURE_SUBSCRIPTION_ID:-}"
need AZURE_RESOURCE_GROUP "${AZURE_RESOURCE_GROUP:-}"
need AZURE_FUNCTION_APP_NAME "${AZURE_FUNCTION_APP_NAME:-}"
need UPLOADS_SYSTEM_TOPIC_NAME "${UPLOADS_SYSTEM_TOPIC_NAME:-}"
group="$AZURE_RESOURCE_GROUP"
app="$AZURE_FUNCTION_APP_NAME"
topic="$UPLOADS_SYSTEM_TOPIC_NAME"
subscription="$AZURE_SUBSCRIPTION_ID"

command -v az >/dev/null 2>&1 \
  || fail "the Azure CLI (az) is needed to subscribe the app to uploads. Install it, run 'az login', $rerun."
az account show --subscription "$subscription" -o none 2>"$errors" \
  || { show_errors; fail "az is not signed in to subscription $subscription. Run 'az login' (azd's account), $rerun."; }

host="$(az functionapp show -g "$group" -n "$app" --subscription "$subscription" \
  --query defaultHostName -o tsv 2>"$errors")" \
  || { show_errors; fail "could not read Function App $app in $group."; }
[ -n "$host" ] || fail "Function App $app in $group has no host name yet; run 'azd deploy' again."

# The host writes the key when the blob extension first starts; a request to the portal wakes an idle app.
attempt=1
while :; do
  key="$(az functionapp keys list -g "$group" -n "$app" --subscription "$subscription" \
    --query systemKeys.blobs_extension -o tsv 2>"$errors" || true)"
  [ -n "$key" ] && [ "$key" != "None" ] && break
  if [ "$attempt" -ge "$key_attempts" ]; then
    show_errors
    fail "the app has no blobs_extension key after $((key_attempts * key_wait_seconds)) seconds: check that \
the deploy succeeded and the app starts (its log stream in the Azure portal), $rerun."
  fi
  echo "Waiting for the app's blob extension key ($attempt of $key_attempts)..."
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 30 "https://$host/api/portal" || true
  fi
  sleep "$key_wait_seconds"
  attempt=$((attempt + 1))
done

webhook="https://$host/runtime/webhooks/blobs"
endpoint="$webhook?functionName=Host.Functions.$trigger_function&code=$key"

if az eventgrid system-topic event-subscription show -g "$group" --system-topic-name "$topic" \
  -n "$subscription_name" --subscription "$subscription" -o none 2>/dev/null; then
  action="updated"
  az eventgrid system-topic event-subscription update -g "$group" --system-topic-name "$topic" \
    -n "$subscription_name" --subscription "$subscription" \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "$uploads_subject" \
    -o none 2>"$errors" \
    || { show_errors; fail "could not update Event Grid subscription $subscription_name on $topic."; }
else
  action="created"
  # 30 attempts over a day: an upload made while the app is down is delivered when it is back.
  az eventgrid system-topic event-subscription create -g "$group" --system-topic-name "$topic" \
    -n "$subscription_name" --subscription "$subscription" \
    --endpoint-type webhook --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "$uploads_subject" \
    --event-delivery-schema eventgridschema \
    --max-delivery-attempts 30 --event-ttl 1440 \
    -o none 2>"$errors" \
    || { show_errors; fail "could not create Event Grid subscription $subscription_name on $topic."; }
fi
echo "Event Grid subscription $subscription_name $action: BlobCreated under uploads/ -> $webhook ($trigger_function)."
