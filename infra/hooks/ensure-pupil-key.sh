#!/bin/sh
# azd preprovision hook: creates the environment's secrets once, and never replaces them.
# SENDPIPELINE_PUPIL_KEY_SECRET: a new key would change every pupil key in the Power BI outputs, so joins
# across refreshes would break. SENDPIPELINE_PORTAL_SESSION_SECRET signs the upload portal's sessions; it is
# kept separate so it can be replaced (signing everyone out) without touching pupil keys.
set -eu
ensure() {
  if [ -n "$(azd env get-value "$1" 2>/dev/null || true)" ]; then
    echo "$1 is set; keeping it."
    return 0
  fi
  azd env set "$1" "$(openssl rand -base64 32)" >/dev/null
  echo "Generated $1 (32 random bytes) for this environment; it goes to Key Vault on provision."
}
ensure SENDPIPELINE_PUPIL_KEY_SECRET
ensure SENDPIPELINE_PORTAL_SESSION_SECRET
