# azd preprovision hook (Windows): creates the environment's pupil-key secret once, and never replaces it.
$existing = azd env get-value SENDPIPELINE_PUPIL_KEY_SECRET 2>$null
if ($LASTEXITCODE -eq 0 -and $existing) { Write-Host "SENDPIPELINE_PUPIL_KEY_SECRET is set; keeping it."; exit 0 }
$bytes = New-Object byte[] 32
[System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
azd env set SENDPIPELINE_PUPIL_KEY_SECRET ([Convert]::ToBase64String($bytes)) | Out-Null
Write-Host "Generated SENDPIPELINE_PUPIL_KEY_SECRET (32 random bytes) for this environment; it goes to Key Vault on provision."
