# azd postdeploy hook (Windows): subscribes the deployed blob trigger to new uploads, so `azd up` is the only
# command. Why a hook and not Bicep, and why it is safe to run again, is in subscribe-uploads.sh; this does the
# same with the same az calls. It never prints the key: the URL lives in a variable, az's output is discarded
# and any error text has the key masked.
# Every az call is checked by its exit code; az's own error text goes through Stop-Hook, masked.

# Must match UploadBlobTrigger.Name in src/SendPipeline.Functions/Triggers/UploadBlobTrigger.cs.
$triggerFunction = 'UploadBlobTrigger'
$subscriptionName = 'uploads-to-ingest'
$uploadsSubject = '/blobServices/default/containers/uploads/'
$keyAttempts = 12
$keyWaitSeconds = 10
# scripts/test-hooks.sh shortens the wait.
if ($env:SENDPIPELINE_HOOK_KEY_WAIT_SECONDS) { $keyWaitSeconds = [int]$env:SENDPIPELINE_HOOK_KEY_WAIT_SECONDS }

function Stop-Hook([string] $message, $azErrors) {
    if ($azErrors) {
        ($azErrors | Out-String) -replace 'code=[^&" ]*', 'code=(hidden)' | Write-Host
    }
    Write-Host "postdeploy: $message"
    exit 1
}

$rerun = "then run 'azd hooks run postdeploy'"
foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME',
    'UPLOADS_SYSTEM_TOPIC_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Stop-Hook ("$name is not set. Run this hook through azd after a provision: 'azd up', or " +
            "'azd hooks run postdeploy'.")
    }
}
$group = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:UPLOADS_SYSTEM_TOPIC_NAME
$subscription = $env:AZURE_SUBSCRIPTION_ID

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Stop-Hook "the Azure CLI (az) is needed to subscribe the app to uploads. Install it, run 'az login', $rerun."
}
$azErrors = az account show --subscription $subscription -o none 2>&1
if ($LASTEXITCODE -ne 0) {
    Stop-Hook "az is not signed in to subscription $subscription. Run 'az login' (azd's account), $rerun." $azErrors
}

$appHost = az functionapp show -g $group -n $app --subscription $subscription --query defaultHostName -o tsv 2>$null
if ($LASTEXITCODE -ne 0 -or -not $appHost) {
    Stop-Hook "could not read the host name of Function App $app in $group; run 'azd deploy' again."
}

# The host writes the key when the blob extension first starts; a request to the portal wakes an idle app.
$key = $null
for ($attempt = 1; ; $attempt++) {
    $key = az functionapp keys list -g $group -n $app --subscription $subscription `
        --query systemKeys.blobs_extension -o tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $key -and $key -ne 'None') { break }
    if ($attempt -ge $keyAttempts) {
        Stop-Hook ("the app has no blobs_extension key after $($keyAttempts * $keyWaitSeconds) seconds: check " +
            "that the deploy succeeded and the app starts (its log stream in the Azure portal), $rerun.")
    }
    Write-Host "Waiting for the app's blob extension key ($attempt of $keyAttempts)..."
    try { Invoke-WebRequest -Uri "https://$appHost/api/portal" -TimeoutSec 30 -UseBasicParsing | Out-Null } catch { }
    Start-Sleep -Seconds $keyWaitSeconds
}

$webhook = "https://$appHost/runtime/webhooks/blobs"
$endpoint = "${webhook}?functionName=Host.Functions.$triggerFunction&code=$key"
# az is a batch file on Windows, where cmd.exe would cut an unquoted URL at its '&': quote it for cmd.
if ($IsWindows -or $env:OS -eq 'Windows_NT') { $endpoint = "`"$endpoint`"" }

az eventgrid system-topic event-subscription show -g $group --system-topic-name $topic `
    -n $subscriptionName --subscription $subscription -o none 2>$null
if ($LASTEXITCODE -eq 0) {
    $verb = 'update'
    $action = 'updated'
    $azErrors = az eventgrid system-topic event-subscription update -g $group --system-topic-name $topic `
        -n $subscriptionName --subscription $subscription `
        --endpoint $endpoint `
        --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with $uploadsSubject `
        -o none 2>&1
}
else {
    $verb = 'create'
    $action = 'created'
    # 30 attempts over a day: an upload made while the app is down is delivered when it is back.
    $azErrors = az eventgrid system-topic event-subscription create -g $group --system-topic-name $topic `
        -n $subscriptionName --subscription $subscription `
        --endpoint-type webhook --endpoint $endpoint `
        --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with $uploadsSubject `
        --event-delivery-schema eventgridschema `
        --max-delivery-attempts 30 --event-ttl 1440 `
        -o none 2>&1
}
if ($LASTEXITCODE -ne 0) {
    Stop-Hook "could not make Event Grid subscription $subscriptionName on $topic (az could not $verb it)." $azErrors
}
Write-Host ("Event Grid subscription $subscriptionName ${action}: BlobCreated under uploads/ -> $webhook " +
    "($triggerFunction).")
