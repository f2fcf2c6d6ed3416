# Checks PowerShell scripts without running them (scripts/lint-scripts.sh calls it): PowerShell's own parser
# reports syntax errors, and PSScriptAnalyzer, when its module is installed, reports rule violations.
# PSScriptAnalyzer comes only from the PowerShell Gallery, which this project's machines cannot reach; where it
# is missing this says so rather than passing quietly.
param([Parameter(Mandatory, ValueFromRemainingArguments)] [string[]] $Path)

$failed = $false
foreach ($file in $Path) {
    $tokens = $null
    $errors = $null
    [void][System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path $file), [ref]$tokens, [ref]$errors)
    foreach ($e in $errors) {
        Write-Host "${file}:$($e.Extent.StartLineNumber): $($e.Message)"
        $failed = $true
    }
}
$outcome = if ($failed) { 'errors above' } else { 'no syntax errors' }
Write-Host "PowerShell $($PSVersionTable.PSVersion) parser: $($Path.Count) scripts, $outcome"

if (Get-Module -ListAvailable PSScriptAnalyzer) {
    $findings = @($Path | ForEach-Object { Invoke-ScriptAnalyzer -Path $_ -Severity Warning, Error })
    $findings | ForEach-Object { Write-Host "$($_.ScriptName):$($_.Line): $($_.RuleName): $($_.Message)" }
    Write-Host "PSScriptAnalyzer: $($findings.Count) findings"
    if ($findings.Count -gt 0) { $failed = $true }
}
else {
    Write-Host ('PSScriptAnalyzer SKIPPED: the module is not installed here and comes only from the PowerShell ' +
        'Gallery, which this machine cannot reach (Install-Module PSScriptAnalyzer where it can).')
}
if ($failed) { exit 1 }
