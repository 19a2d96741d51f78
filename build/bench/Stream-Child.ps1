# One streaming measurement of the benchmark (build/Bench.ps1), in its own pwsh: the packaged module against the
# emulator; writes what it measured to -ResultPath as JSON.
#   session      the working set after Import-Module (the floor), then Get-SSDataSyncExecution | Measure-Object and
#                Export-SSDataSyncReport over the same Regions, one after the other; the peak working set of the
#                whole process after each.
#   firstobject  the time from invoking Get-SSDataSyncExecution to its first object (then Select-Object -First 1
#                stops the scan), and to the command's end: in the fresh process (cold), then again (warm).
#   selectfirst  Get-SSDataSyncExecution | Select-Object -First 1 (the parent reads the emulator's call counts).
#   fullscan     Get-SSDataSyncExecution | Measure-Object (the calls of the full scan, for selectfirst).
param(
    [ValidateSet('session', 'firstobject', 'selectfirst', 'fullscan')] [string] $Mode,
    [string] $Manifest, [string] $Endpoint, [string] $Region, [string] $OutputDirectory, [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Manifest
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$floor = $process.WorkingSet64
$aws = @{ Region = ($Region -split ','); EndpointUrl = $Endpoint; AccessKey = 'AKIAEMULATOR00000001'; SecretKey = 'EmulatorSecretKey/StratusScan/DataSync01' }
$result = [ordered]@{ Mode = $Mode; FloorWorkingSetBytes = $floor }
$scanErrors = @()

switch ($Mode) {
    'session' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $count = (Get-SSDataSyncExecution @aws -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null | Measure-Object).Count
        $result.GetExecutionSeconds = $watch.Elapsed.TotalSeconds
        $result.GetExecutionCount = $count
        # The calls of the full Get-SSDataSyncExecution scan, before Export-SSDataSyncReport adds its own.
        $stats = Invoke-RestMethod -Method Get -Uri ($Endpoint.TrimEnd('/') + '/__emulator/stats') -NoProxy
        $result.GetExecutionTotalCalls = [long]$stats.TotalCalls
        $result.GetExecutionDescribes = [long](($stats.Calls.DescribeTaskExecution.PSObject.Properties.Value | Measure-Object -Sum).Sum)
        $process.Refresh()
        $result.PeakWorkingSetAfterGetBytes = $process.PeakWorkingSet64
        $watch.Restart()
        $file = Export-SSDataSyncReport @aws -OutputDirectory $OutputDirectory -LogPath (Join-Path $OutputDirectory 'session-export.log') -PassThru `
            -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null
        $result.ExportSeconds = $watch.Elapsed.TotalSeconds
        $result.WorkbookBytes = $(if ($file) { $file.Length } else { 0 })
    }
    'firstobject' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = $null
        Get-SSDataSyncExecution @aws -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null | Select-Object -First 1 | ForEach-Object { $first = $watch.Elapsed.TotalSeconds }
        $result.FirstObjectSeconds = $first
        $result.CommandSeconds = $watch.Elapsed.TotalSeconds
        # The same once the process is warm (the SDK loaded and its code compiled by the first run): the scan's own time.
        $watch.Restart()
        Get-SSDataSyncExecution @aws -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null | Select-Object -First 1 | ForEach-Object { $first = $watch.Elapsed.TotalSeconds }
        $result.WarmFirstObjectSeconds = $first
        $result.WarmCommandSeconds = $watch.Elapsed.TotalSeconds
    }
    'selectfirst' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result.Objects = @(Get-SSDataSyncExecution @aws -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null | Select-Object -First 1).Count
        $result.CommandSeconds = $watch.Elapsed.TotalSeconds
    }
    'fullscan' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result.Objects = (Get-SSDataSyncExecution @aws -ErrorAction SilentlyContinue -ErrorVariable +scanErrors 6>$null | Measure-Object).Count
        $result.CommandSeconds = $watch.Elapsed.TotalSeconds
    }
}

$process.Refresh()
$result.PeakWorkingSetBytes = $process.PeakWorkingSet64
$result.Errors = @($scanErrors).Count
$result.ErrorIds = @($scanErrors | ForEach-Object { $_.FullyQualifiedErrorId } | Group-Object | ForEach-Object { "$($_.Name) x$($_.Count)" })
$result | ConvertTo-Json | Set-Content -Path $ResultPath
