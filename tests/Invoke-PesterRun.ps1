<#
.SYNOPSIS
    Runs the Pester tests against a module manifest, in this (child) pwsh, and writes the counts as JSON.
    build.ps1 starts it with a controlled PSModulePath; run it directly only for debugging.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string[]] $Path,
    # Tags of tests to leave out (build.ps1 Test without -Full: Slow; Windows PowerShell 5.1: CoreOnly).
    [string[]] $ExcludeTag
)
$ErrorActionPreference = 'Stop'
# $PSStyle exists from PowerShell 7.2 on; this script also runs in Windows PowerShell 5.1.
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $PesterModule -Force

# The tests read these to find the module under test and the repository.
$env:STRATUSSCAN_TEST_MODULE = (Resolve-Path $ModuleManifest).Path
$env:STRATUSSCAN_REPO_ROOT = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path

$config = New-PesterConfiguration
# build.ps1 passes several paths as one argument joined by the path separator (-File binds one value).
$config.Run.Path = @($Path | ForEach-Object { $_ -split [regex]::Escape([IO.Path]::PathSeparator) } | Where-Object { $_ })
$config.Run.PassThru = $true
if ($ExcludeTag) { $config.Filter.ExcludeTag = $ExcludeTag }
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $config
[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
