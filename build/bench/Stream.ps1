# Dot-sourced by build/Bench.ps1: the streaming measurements (Bench -BenchMeasure). Its functions read Bench.ps1's parameters and variables ($RepoRoot,
# $ResultsDir, $Pwsh, $Manifest, the -Bench* parameters).

function Invoke-StreamBench {
    # The streaming measurements (bench/Stream-Child.ps1), per setting x dataset, each in a child pwsh importing the
    # packaged module, against an emulator of that setting; results in tests/results/bench/stream-<setting>-<dataset>.json
    # and a table in stream-summary.md.
    param($Combos, $Datasets, $SettingArgs, [string[]] $Measures, [string] $OutDir, [double] $MaxSeconds, [scriptblock] $Estimate)
    $child = Join-Path $PSScriptRoot 'Stream-Child.ps1'
    $rows = [System.Collections.Generic.List[object]]::new()
    function Invoke-StreamChild([string] $Mode, [string] $Endpoint, [string[]] $Regions, [string] $RunDir) {
        $result = Join-Path $RunDir "$Mode.json"
        $null = Invoke-RestMethod -Method Post -Uri ($Endpoint.TrimEnd('/') + '/__emulator/reset')
        $savedEnv = @{ PSModulePath = $env:PSModulePath; XDG_CACHE_HOME = $env:XDG_CACHE_HOME }
        try {
            $env:PSModulePath = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
            $env:XDG_CACHE_HOME = Join-Path ([IO.Path]::GetTempPath()) "stratusscan-bench-cache-$PID"
            & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $child -Mode $Mode -Manifest $manifest -Endpoint $Endpoint `
                -Region ($Regions -join ',') -OutputDirectory $RunDir -ResultPath $result | Out-Host
            if ($LASTEXITCODE -ne 0 -or -not (Test-Path $result)) { throw "The $Mode run failed (exit $LASTEXITCODE)." }
        }
        finally {
            $env:PSModulePath = $savedEnv.PSModulePath
            $env:XDG_CACHE_HOME = $savedEnv.XDG_CACHE_HOME
        }
        $stats = Get-DataSyncEmulatorStats -Endpoint $Endpoint
        [pscustomobject]@{
            Run = Get-Content -Raw $result | ConvertFrom-Json
            TotalCalls = [long]$stats.TotalCalls
            Describes = [long](($stats.Calls.DescribeTaskExecution.PSObject.Properties.Value | Measure-Object -Sum).Sum)
        }
    }

    foreach ($combo in $Combos) {
        $setting, $dataset = $combo -split '/'
        if (-not $Datasets.Contains($dataset)) { throw "Unknown dataset '$dataset' ($($Datasets.Keys -join ', '))." }
        $spec = $Datasets[$dataset].Spec
        $fullSeconds = & $Estimate $setting $spec
        $here = @($Measures)
        if ($here -contains 'firstobject' -and $setting -ne 'latency') {
            Write-Host "$setting/${dataset}: firstobject is measured with -BenchSetting latency (25 ms a call); skipped here."
            $here = @($here | Where-Object { $_ -ne 'firstobject' })
        }
        if (-not $here) { continue }
        $name = "stream-$setting-$dataset"
        Write-Host ''
        Write-Host "=== $name ($spec; $($SettingArgs[$setting] -join ' ')): $($here -join ', '); a full scan ~$([math]::Round($fullSeconds)) s"
        $runDir = Join-Path $OutDir $name
        if (Test-Path $runDir) { Remove-Item -Recurse -Force $runDir }
        New-Item -ItemType Directory -Force -Path $runDir | Out-Null
        $regions = @(($spec -split ',')[0].Substring(8) -split '[;+|]')
        $row = [ordered]@{ Setting = $setting; Dataset = $dataset; Spec = $spec; EmulatorArgs = ($SettingArgs[$setting] + @('--page-size', '100')) -join ' ' }
        $emulator = Start-DataSyncEmulator -ArgumentList (@('--generate', $spec, '--page-size', '100') + $SettingArgs[$setting]) -Configuration Release -TimeoutSeconds 1200
        try {
            $endpoint = $emulator.Endpoint
            $full = $null
            if ($here -contains 'session') {
                if (2 * $fullSeconds -gt $MaxSeconds) { Write-Host "session skipped: ~$([math]::Round(2 * $fullSeconds / 60, 1)) min (> -BenchMaxMinutes)." }
                else {
                    $s = Invoke-StreamChild session $endpoint $regions $runDir
                    $full = [pscustomobject]@{ TotalCalls = [long]$s.Run.GetExecutionTotalCalls; Describes = [long]$s.Run.GetExecutionDescribes; Objects = [long]$s.Run.GetExecutionCount }
                    $row.Session = [ordered]@{
                        FloorWorkingSetBytes = [long]$s.Run.FloorWorkingSetBytes; PeakWorkingSetAfterGetBytes = [long]$s.Run.PeakWorkingSetAfterGetBytes
                        PeakWorkingSetBytes = [long]$s.Run.PeakWorkingSetBytes; GetExecutionSeconds = [math]::Round([double]$s.Run.GetExecutionSeconds, 2)
                        GetExecutionCount = [long]$s.Run.GetExecutionCount; ExportSeconds = [math]::Round([double]$s.Run.ExportSeconds, 2)
                        WorkbookBytes = [long]$s.Run.WorkbookBytes; Errors = [int]$s.Run.Errors; ErrorIds = $s.Run.ErrorIds
                    }
                    Write-Host ("session: floor {0:N0} MiB, peak {1:N0} MiB after Get-SSDataSyncExecution ({2:N0} objects, {3:0.0} s), {4:N0} MiB after Export-SSDataSyncReport ({5:0.0} s)" -f
                        ($row.Session.FloorWorkingSetBytes / 1MB), ($row.Session.PeakWorkingSetAfterGetBytes / 1MB), $row.Session.GetExecutionCount, $row.Session.GetExecutionSeconds,
                        ($row.Session.PeakWorkingSetBytes / 1MB), $row.Session.ExportSeconds)
                }
            }
            if ($here -contains 'selectfirst') {
                $first = Invoke-StreamChild selectfirst $endpoint $regions $runDir
                if (-not $full -and $fullSeconds -le $MaxSeconds) {
                    $f = Invoke-StreamChild fullscan $endpoint $regions $runDir
                    $full = [pscustomobject]@{ TotalCalls = $f.TotalCalls; Describes = $f.Describes; Objects = [long]$f.Run.Objects }
                }
                $row.SelectFirst = [ordered]@{
                    Objects = [int]$first.Run.Objects; TotalCalls = $first.TotalCalls; Describes = $first.Describes; CommandSeconds = [math]::Round([double]$first.Run.CommandSeconds, 2)
                    FullScanTotalCalls = $(if ($full) { $full.TotalCalls } else { $null }); FullScanDescribes = $(if ($full) { $full.Describes } else { $null })
                    ShareOfFullScan = $(if ($full -and $full.TotalCalls) { [math]::Round($first.TotalCalls / $full.TotalCalls, 5) } else { $null })
                }
                Write-Host ("Select-Object -First 1: {0} object, {1:N0} calls ({2:N0} DescribeTaskExecution){3}" -f $row.SelectFirst.Objects, $first.TotalCalls, $first.Describes,
                    $(if ($full) { "; the full scan: {0:N0} calls ({1:N0} DescribeTaskExecution)" -f $full.TotalCalls, $full.Describes } else { '; the full scan not run (> -BenchMaxMinutes)' }))
            }
            if ($here -contains 'firstobject') {
                $fo = Invoke-StreamChild firstobject $endpoint $regions $runDir
                $row.FirstObject = [ordered]@{
                    FirstObjectSeconds = [math]::Round([double]$fo.Run.FirstObjectSeconds, 3); CommandSeconds = [math]::Round([double]$fo.Run.CommandSeconds, 3)
                    WarmFirstObjectSeconds = [math]::Round([double]$fo.Run.WarmFirstObjectSeconds, 3); WarmCommandSeconds = [math]::Round([double]$fo.Run.WarmCommandSeconds, 3)
                    TotalCalls = $fo.TotalCalls; Describes = $fo.Describes; FullScanEstimateSeconds = [math]::Round($fullSeconds)
                }
                Write-Host ("first object after {0:0.000} s (command ended after {1:0.000} s, {2:N0} calls for both runs); warm: {4:0.000} s (ended after {5:0.000} s); a full scan ~{3:N0} s" -f $row.FirstObject.FirstObjectSeconds,
                    $row.FirstObject.CommandSeconds, $fo.TotalCalls, $fullSeconds, $row.FirstObject.WarmFirstObjectSeconds, $row.FirstObject.WarmCommandSeconds)
            }
        }
        finally {
            $emulator | Stop-DataSyncEmulator
        }
        $row | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $OutDir "$name.json")
        $rows.Add($row)
    }

    $mib = { param($b) if ($b) { '{0:N0}' -f ($b / 1MB) } else { '–' } }
    $table = @(
        '| setting | dataset | session: floor (MiB) | peak after Get-SSDataSyncExecution (MiB) | peak after Export (MiB) | executions | Get (s) | Export (s) | Select -First 1: calls | full scan: calls | share | first object (s) |'
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    foreach ($r in $rows) {
        $s = if ($r.Contains('Session')) { $r.Session } else { $null }
        $q = if ($r.Contains('SelectFirst')) { $r.SelectFirst } else { $null }
        $o = if ($r.Contains('FirstObject')) { $r.FirstObject } else { $null }
        $table += "| $($r.Setting) | $($r.Dataset) | $(if ($s) { & $mib $s.FloorWorkingSetBytes } else { '–' }) | $(if ($s) { & $mib $s.PeakWorkingSetAfterGetBytes } else { '–' }) | $(if ($s) { & $mib $s.PeakWorkingSetBytes } else { '–' }) | $(if ($s) { '{0:N0}' -f $s.GetExecutionCount } else { '–' }) | $(if ($s) { $s.GetExecutionSeconds } else { '–' }) | $(if ($s) { $s.ExportSeconds } else { '–' }) | $(if ($q) { '{0:N0}' -f $q.TotalCalls } else { '–' }) | $(if ($q -and $null -ne $q.FullScanTotalCalls) { '{0:N0}' -f $q.FullScanTotalCalls } else { '–' }) | $(if ($q -and $null -ne $q.ShareOfFullScan) { '{0:P2}' -f $q.ShareOfFullScan } else { '–' }) | $(if ($o) { "$($o.FirstObjectSeconds) cold, $($o.WarmFirstObjectSeconds) warm" } else { '–' }) |"
    }
    $markdown = @("Streaming benchmark $(Get-Date -Format 'yyyy-MM-dd HH:mm'); $([Environment]::ProcessorCount) logical CPUs; $([Runtime.InteropServices.RuntimeInformation]::OSDescription); pwsh $($PSVersionTable.PSVersion)") + '' + $table
    Set-Content -Path (Join-Path $OutDir 'stream-summary.md') -Value $markdown
    Write-Host ''
    $markdown | ForEach-Object { Write-Host $_ }
}
