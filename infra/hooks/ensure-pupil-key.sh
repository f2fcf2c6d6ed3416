#!/bin/sh
# azd preprovision hook: creates the environment's pupil-key secret once, and never replaces it.
# A new key would change every pupil key in the Power BI outputs, so joins across refreshes would break.
set -eu
if [ -n "$(azd env get-value SENDPIPELINE_PUPIL_KEY_SECRET 2>/dev/null || true)" ]; then
  echo "SENDPIPELINE_PUPIL_KEY_SECRET is set; keeping it."
  exit 0
fi
azd env set SENDPIPELINE_PUPIL_KEY_SECRET "$(openssl rand -base64 32)" >/dev/null
echo "Generated SENDPIPELINE_PUPIL_KEY_SECRET (32 random bytes) for this environment; it goes to Key Vault on provision."
