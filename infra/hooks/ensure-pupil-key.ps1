# azd preprovision hook (Windows): creates the environment's secrets once (the pupil key, the portal's
# session key), and never replaces them. See ensure-pupil-key.sh for why they are separate.
foreach ($name in 'SENDPIPELINE_PUPIL_KEY_SECRET', 'SENDPIPELINE_PORTAL_SESSION_SECRET') {
  $existing = azd env get-value $name 2>$null
  if ($LASTEXITCODE -eq 0 -and $existing) { Write-Host "$name is set; keeping it."; continue }
  $bytes = New-Object byte[] 32
  [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
  azd env set $name ([Convert]::ToBase64String($bytes)) | Out-Null
  Write-Host "Generated $name (32 random bytes) for this environment; it goes to Key Vault on provision."
}
