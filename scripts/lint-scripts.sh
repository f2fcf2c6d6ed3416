#!/usr/bin/env bash
# Lints the repository's shell and PowerShell scripts: the azd hooks (infra/hooks/) that `azd up` runs on a
# deployer's machine, scripts/ and .ci/run. Called by scripts/test.sh; exits non-zero on any finding.
#
#   ShellCheck:       every *.sh and .ci/run. Debian's `shellcheck` is installed with apt-get when absent (as
#                     root, else with passwordless sudo), as scripts/chromium.sh installs Chromium.
#   PowerShell:       every *.ps1 goes through scripts/check-powershell.ps1 (parsed, never run) under pwsh: the one
#                     on PATH, else the PowerShell .NET tool from NuGet, installed into .tools/pwsh. Syntax errors
#                     fail. PSScriptAnalyzer runs too where its module is installed; where it is not (it comes
#                     only from the PowerShell Gallery), the step prints SKIPPED with the reason.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PWSH_VERSION="7.6.10"
PWSH_DIR="$ROOT/.tools/pwsh"

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

ensure_shellcheck() {
  command -v shellcheck >/dev/null && return 0
  if ! command -v apt-get >/dev/null; then
    echo "shellcheck is not installed and there is no apt-get to install it: install ShellCheck yourself." >&2
    exit 1
  fi
  echo "Installing Debian's shellcheck with apt-get (to lint the azd hooks and scripts)"
  # Install straight away; refresh the package lists first only when that fails (a fresh runner has none).
  if as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck \
       >/dev/null 2>&1; then return 0; fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck; then
    echo "Could not install shellcheck with apt-get (needs root or passwordless sudo): run" \
         "'sudo apt-get install -y shellcheck'." >&2
    exit 1
  fi
}

pwsh_path() {
  if command -v pwsh >/dev/null; then command -v pwsh; return 0; fi
  if [[ ! -x "$PWSH_DIR/pwsh" ]]; then
    dotnet tool install PowerShell --version "$PWSH_VERSION" --tool-path "$PWSH_DIR" >/dev/null 2>&1 || return 1
  fi
  echo "$PWSH_DIR/pwsh"
}

# Tracked and new files alike (not those git ignores, such as .tools/).
mapfile -t shell_scripts < <(git ls-files --cached --others --exclude-standard '*.sh' .ci/run)
mapfile -t ps_scripts < <(git ls-files --cached --others --exclude-standard '*.ps1')

ensure_shellcheck
echo "shellcheck ($(shellcheck --version | sed -n 's/^version: //p')): ${#shell_scripts[@]} scripts"
shellcheck "${shell_scripts[@]}"

if [[ ${#ps_scripts[@]} -eq 0 ]]; then exit 0; fi
if ! pwsh="$(pwsh_path)"; then
  echo "PowerShell checks SKIPPED: pwsh is not installed and 'dotnet tool install PowerShell --version" \
       "$PWSH_VERSION' failed, so ${ps_scripts[*]} were not checked."
  exit 0
fi
DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1 \
  "$pwsh" -NoLogo -NoProfile -NonInteractive -File scripts/check-powershell.ps1 "${ps_scripts[@]}"
