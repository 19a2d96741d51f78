#requires -Version 5.1
<#
.SYNOPSIS
    Runs the Pester tests not tagged CoreOnly in Windows PowerShell 5.1 against the packaged module, and fails
    when one fails: the GitHub workflow's windows-powershell job.

.DESCRIPTION
    Needs what the workflow's build job makes: the packaged module in out/StratusScan.DataSync/<version>/
    (build.ps1 Package) and the emulator in src/StratusScan.DataSync.Emulator/bin/Release/net10.0 (build.ps1
    Build), with dotnet (the .NET runtime of global.json's SDK) on PATH to run it. Installs Pester 5 for the
    current user when it is missing. pwsh runs every test, CoreOnly included, with build.ps1 Test.

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\tests\Invoke-WindowsPowerShellTests.ps1
#>
[CmdletBinding()]
param([string] $PesterVersion = '5.7.1')

$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSEdition -ne 'Desktop') {
    throw 'Run this in Windows PowerShell 5.1 (powershell.exe); in pwsh, build.ps1 Test runs every test.'
}
$root = Split-Path -Parent $PSScriptRoot

$wanted = { $_.Version -eq [version]$PesterVersion }
if (-not (Get-Module Pester -ListAvailable | Where-Object $wanted)) {
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    Install-Module Pester -RequiredVersion $PesterVersion -Force -SkipPublisherCheck -Scope CurrentUser
}
$pester = (Get-Module Pester -ListAvailable | Where-Object $wanted | Select-Object -First 1).Path

$manifest = Get-ChildItem -Path (Join-Path $root 'out/StratusScan.DataSync') -Recurse -Filter 'StratusScan.DataSync.psd1' -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $manifest) { throw 'No packaged module in out/StratusScan.DataSync: run build.ps1 Build, Package (or download the build job''s module artifact).' }

$results = Join-Path $root 'tests/results'
New-Item -ItemType Directory -Force -Path $results | Out-Null
$summary = Join-Path $results 'pester-summary-windows-powershell.json'
if (Test-Path $summary) { Remove-Item $summary }

& (Join-Path $PSScriptRoot 'Invoke-PesterRun.ps1') -PesterModule $pester -ModuleManifest $manifest.FullName -SummaryPath $summary `
    -ResultPath (Join-Path $results 'pester-windows-powershell.xml') -Path (Join-Path $root 'tests/Pester') -ExcludeTag 'CoreOnly'

if (-not (Test-Path $summary)) { Write-Host 'The Pester run wrote no summary.'; exit 1 }
$counts = Get-Content -Raw $summary | ConvertFrom-Json
Write-Host ('Windows PowerShell {0}: {1} passed, {2} failed, {3} skipped' -f $PSVersionTable.PSVersion, $counts.Passed, $counts.Failed, $counts.Skipped)
if ($counts.Failed -gt 0 -or $counts.Passed -eq 0) { exit 1 }
exit 0
