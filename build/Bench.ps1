#requires -Version 7.2
<#
.SYNOPSIS
    The benchmarks of docs/benchmarks.md, run by build.ps1's Bench and BenchOrg tasks.

.DESCRIPTION
    build.ps1 builds (Release) what the benchmark runs and packages the module as users get it, then calls this
    script with the packaged manifest and the pwsh to run children with. Each run of the module is a child pwsh
    (bench/Export-Child.ps1, bench/Org-Child.ps1) importing the packaged module, against the emulator; results go
    to tests/results/bench.
      Bench     Export-SSDataSyncReport against the original script's algorithm (tests/StratusScan.DataSync.Benchmarks,
                "baseline") on generated datasets, per setting (latency, rate limit, none) and dataset.
                With -BenchMeasure, the streaming measurements instead or too (bench/Stream-Child.ps1):
                  session      one pwsh: Get-SSDataSyncExecution -Region <all> | Measure-Object, then
                               Export-SSDataSyncReport over the same Regions; the peak working set of the whole
                               process, and its floor (the working set after Import-Module, before any scan)
                  firstobject  the time to the first object of Get-SSDataSyncExecution (-BenchSetting latency:
                               25 ms per call), then Select-Object -First 1 ends it
                  selectfirst  the API calls of Get-SSDataSyncExecution | Select-Object -First 1 against the full
                               scan's (from the session, else a full scan of its own)
      BenchOrg  one organisation-wide Export-SSDataSyncReport over -BenchAccounts accounts x 4 Regions against one
                run per account, one after another. -BenchOrgShape scale: how one run scales with the accounts
                (bench/Org.ps1); shard: shard processes and a merge against one run (bench/OrgShard.ps1).

.EXAMPLE
    ./build.ps1 Bench -BenchDataset small -BenchSetting latency

.EXAMPLE
    ./build.ps1 Bench -BenchDataset x200k,x1m -BenchSetting none -BenchMeasure session,selectfirst -BenchMaxMinutes 90
    ./build.ps1 Bench -BenchDataset x200k,x1m -BenchSetting latency -BenchMeasure firstobject
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('Bench', 'BenchOrg')] [string] $Task,

    # The packaged module's manifest (out/StratusScan.DataSync/<version>/StratusScan.DataSync.psd1).
    [Parameter(Mandatory)] [string] $Manifest,

    # The pwsh that runs the children: its executable, then its arguments (dotnet + pwsh.dll for the dotnet tool).
    [Parameter(Mandatory)] [string[]] $Pwsh,

    # Bench: datasets, settings and the longest run to start (comma lists in one string work too).
    [string[]] $BenchDataset,
    [string[]] $BenchSetting,
    [int] $BenchMaxMinutes = 20,

    # Bench: what to measure (default export): export (Export-SSDataSyncReport against the baseline), session,
    # firstobject, selectfirst (see the description).
    [string[]] $BenchMeasure,

    # BenchOrg: accounts of the organisation (each a small estate in four Regions), the emulator's latency, the
    # module's -ThrottleLimit and the emulator's rate limit per account and Region (0: none).
    [ValidateRange(2, 200)] [int] $BenchAccounts = 20,
    [ValidateRange(0, 1000)] [int] $BenchLatencyMs = 25,
    [ValidateRange(1, 256)] [int] $BenchThrottleLimit = 16,
    [ValidateRange(0, 10000)] [int] $BenchRateLimit = 0,

    # BenchOrg -BenchOrgShape scale: one organisation-wide run per (accounts, limit) over member accounts with no
    # DataSync resources in the 17 commercial Regions (the scaling of the cost per account and Region), at
    # -BenchLatencyMs. Limit 0 is the module's default -ThrottleLimit.
    [ValidateSet('compare', 'scale', 'shard')] [string] $BenchOrgShape = 'compare',
    [string[]] $BenchScaleAccounts = @('200', '1000'),
    [string[]] $BenchScaleThrottleLimit = @('64', '0'),

    # BenchOrg -BenchOrgShape shard: -BenchShardAccounts accounts x 2 Regions, as -BenchShards shard processes at once
    # (Export-SSDataSyncInventory) merged by Export-SSDataSyncReport -InventoryPath, against one organisation-wide
    # run; then again with one shard failing and re-run.
    [ValidateRange(2, 2000)] [int] $BenchShardAccounts = 200,
    [ValidateRange(2, 64)] [int] $BenchShards = 8
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepoRoot = Split-Path -Parent $PSScriptRoot
$ResultsDir = Join-Path $RepoRoot 'tests/results'

function Split-List([string[]] $Values, [string] $Name, [Parameter(ValueFromRemainingArguments)] [string[]] $Valid) {
    # A parameter's values, also when given as one comma-separated string, each checked against the valid ones.
    foreach ($value in @($Values | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })) {
        if ($value -notin $Valid) { throw "-$Name '$value' is not one of: $($Valid -join ', ')." }
        $value
    }
}

function Invoke-Bench {
    # The benchmark (docs/benchmarks.md): for each setting x dataset, the emulator with a generated
    # dataset; Export-SSDataSyncReport as users run it (a child pwsh importing the packaged module); then the
    # original script's algorithm (tests/StratusScan.DataSync.Benchmarks, "baseline") against the same emulator.
    $rate = 10          # the rate-limit setting: calls/s per account and Region (burst as large)
    $latencyMs = 25     # the latency setting
    $throttleLimit = 16 # Export-SSDataSyncReport's default -ThrottleLimit (used for the time estimate only)
    $four = 'us-east-1;us-west-2;eu-west-1;ap-southeast-2'
    # 'locations' is per location type per Region (11 types: 27 gives 297 locations a Region).
    $datasets = [ordered]@{
        small  = @{ Spec = 'regions=us-east-1;us-west-2,tasks=10,locations=2,agents=3,executions=5,days=60'; Baseline = $true }
        medium = @{ Spec = "regions=$four,tasks=30,locations=5,agents=5,executions=10,days=60"; Baseline = $true }
        large  = @{ Spec = "regions=$four,tasks=150,locations=27,agents=20,executions=20,days=60"; Baseline = $true }
        x200k  = @{ Spec = "regions=$four,tasks=500,locations=5,agents=5,executions=100,days=25"; Baseline = $false } # 200,000 executions in the window: the memory target
        # The same shape with 2,858 tasks a Region: 1,143,200 executions generated, about 1,000,000 in the window
        # (x200k keeps 87.5%: tasks still being created have none, and a few start outside the window).
        x1m    = @{ Spec = "regions=$four,tasks=500,locations=5,agents=5,executions=572,days=25"; Baseline = $false } # x200k with 5.72x the executions per task: about 1,000,000 in the window, the same tasks
        x1mwide = @{ Spec = "regions=$four,tasks=2858,locations=5,agents=5,executions=100,days=25"; Baseline = $false } # x200k with 5.72x the tasks: about 1,000,000 executions, and 5.72x the per-task state
    }
    $settingArgs = @{
        latency   = @('--latency-ms', "$latencyMs")
        ratelimit = @('--rate-limit', "$rate", '--rate-burst', "$rate")
        none      = @()
    }
    # Default: latency and rate limit over small, medium and large (the rate-limit baseline is skipped where it
    # would run longer than -BenchMaxMinutes), then the 200,000-execution memory run with no faults.
    $BenchDataset = @(Split-List $BenchDataset 'BenchDataset' 'small', 'medium', 'large', 'x200k', 'x1m', 'x1mwide')
    $BenchSetting = @(Split-List $BenchSetting 'BenchSetting' 'latency', 'ratelimit', 'none')
    $measures = @(Split-List $BenchMeasure 'BenchMeasure' 'export', 'session', 'firstobject', 'selectfirst')
    if (-not $measures) { $measures = @('export') }
    $combos = if ($BenchDataset -or $BenchSetting) {
        $ds = if ($BenchDataset) { $BenchDataset } else { @('small', 'medium', 'large') }
        $ss = if ($BenchSetting) { $BenchSetting } else { @('latency', 'ratelimit') }
        foreach ($s in $ss) { foreach ($d in $ds) { "$s/$d" } }
    }
    else {
        foreach ($s in 'latency', 'ratelimit') { foreach ($d in 'small', 'medium', 'large') { "$s/$d" } }
        'none/x200k'
    }
    $maxSeconds = $BenchMaxMinutes * 60

    Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force
    $baselineDll = Join-Path $RepoRoot 'tests/StratusScan.DataSync.Benchmarks/bin/Release/net10.0/StratusScan.DataSync.Benchmarks.dll'
    $outDir = Join-Path $ResultsDir 'bench'
    New-Item -ItemType Directory -Force -Path $outDir | Out-Null
    $child = Join-Path $PSScriptRoot 'bench/Export-Child.ps1'

    function Get-SpecNumbers([string] $Spec) {
        $n = @{}
        foreach ($pair in $Spec -split ',') { $k, $v = $pair -split '=', 2; $n[$k] = $v }
        $regionCount = @($n.regions -split '[;+|]').Count
        $t = [int]$n.tasks; $l = 11 * [int]$n.locations; $a = [int]$n.agents; $e = [int]$n.executions
        $lists = [math]::Ceiling($t / 100) + [math]::Ceiling($l / 100) + [math]::Ceiling($a / 100) + $t * [math]::Max(1, [math]::Ceiling($e / 100))
        @{ Regions = $regionCount; Ours = $t + $l + $a + $t * $e + $lists; Baseline = $t + $l / 11 * 65 + $a + $t * $e + $lists }
    }
    function Get-RegionCalls($Stats) {
        $perRegion = @{}
        foreach ($op in $Stats.Calls.PSObject.Properties) {
            if ($op.Name -in 'GetCallerIdentity', 'AssumeRole') { continue }
            foreach ($r in $op.Value.PSObject.Properties) { $perRegion[$r.Name] = [long]$perRegion[$r.Name] + [long]$r.Value }
        }
        $perRegion
    }
    function Get-OpCalls($Stats) {
        $ops = [ordered]@{}
        foreach ($op in $Stats.Calls.PSObject.Properties | Sort-Object Name) { $ops[$op.Name] = ($op.Value.PSObject.Properties | Measure-Object -Property Value -Sum).Sum }
        $ops
    }
    function Get-LogTime([string] $Line) { [datetime]::ParseExact($Line.Substring(0, 23), 'yyyy-MM-dd HH:mm:ss.fff', [cultureinfo]::InvariantCulture) }

    $logicalByDataset = @{}
    $rows = [System.Collections.Generic.List[object]]::new()
    foreach ($combo in $(if ($measures -contains 'export') { $combos })) {
        $setting, $dataset = $combo -split '/'
        if (-not $datasets.Contains($dataset)) { throw "Unknown dataset '$dataset' ($($datasets.Keys -join ', '))." }
        $spec = $datasets[$dataset].Spec
        $est = Get-SpecNumbers $spec
        $oursEstimate, $baselineEstimate = switch ($setting) {
            'latency' { $est.Ours * $est.Regions * $latencyMs / 1000 / $throttleLimit; $est.Baseline * $est.Regions * ($latencyMs + 25) / 1000 }
            'ratelimit' { $est.Ours / $rate; $est.Baseline * $est.Regions / $rate }
            default { $est.Ours * $est.Regions / 1500; $est.Baseline * $est.Regions / 500 }
        }
        $name = "$setting-$dataset"
        Write-Host ''
        Write-Host "=== $name ($spec; $($settingArgs[$setting] -join ' ')) estimated: ours ~$([math]::Round($oursEstimate)) s, baseline ~$([math]::Round($baselineEstimate)) s"
        if ($oursEstimate -gt $maxSeconds) { Write-Host "Skipped: ours would take ~$([math]::Round($oursEstimate / 60, 1)) min (> -BenchMaxMinutes $BenchMaxMinutes)."; continue }
        $runBaseline = $datasets[$dataset].Baseline
        if ($runBaseline -and $baselineEstimate -gt $maxSeconds) {
            Write-Host "The baseline is skipped: it would take ~$([math]::Round($baselineEstimate / 60, 1)) min (> -BenchMaxMinutes $BenchMaxMinutes); its lower bound is reported instead."
            $runBaseline = $false
        }

        $emulator = Start-DataSyncEmulator -ArgumentList (@('--generate', $spec, '--page-size', '100') + $settingArgs[$setting]) -Configuration Release -TimeoutSeconds 600
        try {
            $endpoint = $emulator.Endpoint
            $regions = @(($spec -split ',')[0].Substring(8) -split '[;+|]')
            $null = Invoke-RestMethod -Method Post -Uri ($endpoint.TrimEnd('/') + '/__emulator/reset')

            # (a) ours: Export-SSDataSyncReport in a child pwsh that imports the packaged module.
            $runDir = Join-Path $outDir $name
            if (Test-Path $runDir) { Remove-Item -Recurse -Force $runDir }
            New-Item -ItemType Directory -Force -Path $runDir | Out-Null
            $log = Join-Path $runDir 'export.log'
            $childResult = Join-Path $runDir 'export-result.json'
            $savedEnv = @{ PSModulePath = $env:PSModulePath; XDG_CACHE_HOME = $env:XDG_CACHE_HOME }
            try {
                $env:PSModulePath = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
                $env:XDG_CACHE_HOME = Join-Path ([IO.Path]::GetTempPath()) "stratusscan-bench-cache-$PID"
                $watch = [Diagnostics.Stopwatch]::StartNew()
                & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $child -Manifest $manifest -Endpoint $endpoint `
                    -Region ($regions -join ',') -OutputDirectory $runDir -LogPath $log -ResultPath $childResult | Out-Host
                $watch.Stop()
                if ($LASTEXITCODE -ne 0 -or -not (Test-Path $childResult)) { throw "The Export-SSDataSyncReport run failed (exit $LASTEXITCODE)." }
            }
            finally {
                $env:PSModulePath = $savedEnv.PSModulePath
                $env:XDG_CACHE_HOME = $savedEnv.XDG_CACHE_HOME
            }
            $oursStats = Get-DataSyncEmulatorStats -Endpoint $endpoint
            $export = Get-Content -Raw $childResult | ConvertFrom-Json
            $lines = Get-Content $log
            $scanLine = $lines | Where-Object { $_ -match ' Scanning \d+ Region' } | Select-Object -First 1
            $doneLine = $lines | Where-Object { $_ -match 'Collection complete' } | Select-Object -First 1
            $writtenLine = $lines | Where-Object { $_ -match 'bytes in [\d.]+ s\)' } | Select-Object -Last 1
            $counts = @{}
            foreach ($kind in 'Tasks', 'Locations', 'Agents') { if ($doneLine -match "$($kind): (\d+)") { $counts[$kind] = [int]$Matches[1] } }
            if ($doneLine -match 'Executions \([^)]*\): (\d+)') { $counts.Executions = [int]$Matches[1] }
            $scanSeconds = if ($scanLine -and $doneLine) { ((Get-LogTime $doneLine) - (Get-LogTime $scanLine)).TotalSeconds } else { $null }
            $writeSeconds = if ($doneLine -and $writtenLine) { ((Get-LogTime $writtenLine) - (Get-LogTime $doneLine)).TotalSeconds } else { $null }
            $oursOps = Get-OpCalls $oursStats
            $regionCalls = Get-RegionCalls $oursStats
            $locationDescribes = ($oursOps.Keys | Where-Object { $_ -like 'DescribeLocation*' } | ForEach-Object { $oursOps[$_] } | Measure-Object -Sum).Sum
            # Logical calls per Region (throttled attempts are counted by the emulator too): exact from an earlier
            # unthrottled run of the same dataset, else the throttles taken off in proportion.
            $logical = if ([long]$oursStats.Throttles -eq 0) { $regionCalls } elseif ($logicalByDataset.ContainsKey($dataset)) { $logicalByDataset[$dataset] } else {
                $total = ($regionCalls.Values | Measure-Object -Sum).Sum; $l = @{}
                foreach ($r in $regionCalls.Keys) { $l[$r] = [long][math]::Round($regionCalls[$r] - $oursStats.Throttles * $regionCalls[$r] / $total) }; $l
            }
            if ([long]$oursStats.Throttles -eq 0) { $logicalByDataset[$dataset] = $regionCalls }
            $bound = if ($setting -eq 'ratelimit') { (($logical.Values | Measure-Object -Maximum).Maximum) / $rate } else { $null }

            # (b) the baseline, against the same emulator.
            $baseline = $null; $baselineStats = $null
            if ($runBaseline) {
                $null = Invoke-RestMethod -Method Post -Uri ($endpoint.TrimEnd('/') + '/__emulator/reset')
                $baselineFile = Join-Path $runDir 'baseline.json'
                & dotnet $baselineDll baseline --endpoint $endpoint --regions ($regions -join ',') --out $baselineFile | Out-Null
                if ($LASTEXITCODE -ne 0) { throw "The baseline run failed (exit $LASTEXITCODE)." }
                $baseline = Get-Content -Raw $baselineFile | ConvertFrom-Json
                $baselineStats = Get-DataSyncEmulatorStats -Endpoint $endpoint
            }
        }
        finally {
            $emulator | Stop-DataSyncEmulator
        }

        $baselineBound = if ($setting -eq 'ratelimit' -and $logicalByDataset.ContainsKey("$dataset/baseline")) { $logicalByDataset["$dataset/baseline"] / $rate } else { $null }
        if ($baseline -and [long]$baselineStats.Throttles -eq 0) { $logicalByDataset["$dataset/baseline"] = [long]$baseline.totalCalls }
        $row = [ordered]@{
            Setting = $setting; Dataset = $dataset; Spec = $spec; EmulatorArgs = ($settingArgs[$setting] + @('--page-size', '100')) -join ' '
            Tasks = $counts['Tasks']; Locations = $counts['Locations']; Agents = $counts['Agents']; ExecutionsInWindow = $counts['Executions']
            Ours = [ordered]@{
                ProcessSeconds = [math]::Round($watch.Elapsed.TotalSeconds, 2); CommandSeconds = [math]::Round([double]$export.CommandSeconds, 2)
                ScanSeconds = $scanSeconds; WorkbookWriteSeconds = $writeSeconds; WorkbookLine = "$writtenLine"
                PeakWorkingSetBytes = [long]$export.PeakWorkingSetBytes; WorkbookBytes = [long]$export.WorkbookBytes
                Errors = $export.Errors; ErrorIds = $export.ErrorIds
                Calls = $oursOps; TotalCalls = [long]$oursStats.TotalCalls; Throttles = [long]$oursStats.Throttles; CallsByRegion = $regionCalls
                LocationDescribesPerLocation = $(if ($counts['Locations']) { [math]::Round($locationDescribes / $counts['Locations'], 3) } else { $null })
            }
            Baseline = $(if ($baseline) {
                    [ordered]@{ WallSeconds = [double]$baseline.wallSeconds; Calls = $baseline.calls; TotalCalls = [long]$baseline.totalCalls
                        EmulatorCalls = [long]$baselineStats.TotalCalls; Throttles = [long]$baselineStats.Throttles; Failures = $baseline.failures
                        ExecutionsInWindow = $baseline.executionsInWindow; LocationTypes = $baseline.locationTypes }
                } else { $null })
            SpeedUp = $(if ($baseline) { [math]::Round([double]$baseline.wallSeconds / [double]$export.CommandSeconds, 1) } else { $null })
            BaselineLowerBoundSeconds = $baselineBound
            RateLimit = $(if ($setting -eq 'ratelimit') { $rate } else { $null })
            RateLimitBoundSeconds = $bound
            OursToBound = $(if ($bound) { [math]::Round([double]$export.CommandSeconds / $bound, 2) } else { $null })
        }
        $row | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $outDir "$name.json")
        $rows.Add([pscustomobject]$row)
        Write-Host ("{0}: ours {1:0.00} s (write {2:0.00} s, {3:N0} calls, {4:N0} throttles, peak {5:N0} MiB){6}" -f $name, $row.Ours.CommandSeconds,
            $writeSeconds, $row.Ours.TotalCalls, $row.Ours.Throttles, ($row.Ours.PeakWorkingSetBytes / 1MB),
            $(if ($baseline) { "; baseline $($baseline.wallSeconds) s ($($baseline.totalCalls) calls): $($row.SpeedUp)x" } else { '' }))
    }

    $stream = @($measures | Where-Object { $_ -ne 'export' })
    if ($stream) {
        Invoke-StreamBench -Combos $combos -Datasets $datasets -SettingArgs $settingArgs -Measures $stream -OutDir $outDir -MaxSeconds $maxSeconds `
            -Estimate { param($Setting, $Spec) $est = Get-SpecNumbers $Spec
                switch ($Setting) {
                    'latency' { $est.Ours * $est.Regions * $latencyMs / 1000 / $throttleLimit }
                    'ratelimit' { $est.Ours / $rate }
                    default { $est.Ours * $est.Regions / 1500 }
                } }
    }
    if ($rows.Count -eq 0) { return }

    $f = { param($v, $fmt) if ($null -eq $v) { '–' } else { $fmt -f $v } }
    $table = @(
        '| setting | dataset | tasks / locations / agents / executions | ours: Export-SSDataSyncReport (s) | of which workbook write (s) | ours: calls | throttles | ours: scan errors | peak working set (MiB) | describes per location | baseline (s) | baseline: calls | speed-up | rate-limit bound (s) | ours / bound |'
        '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    foreach ($r in $rows) {
        $baselineCell = if ($r.Baseline) { & $f $r.Baseline.WallSeconds '{0:0.0}' } elseif ($r.BaselineLowerBoundSeconds) { '≥ ' + (& $f $r.BaselineLowerBoundSeconds '{0:0}') + ' (not run)' } else { 'not run' }
        $speedCell = if ($r.Ours.Errors -gt 0) { 'n/a (incomplete)' } elseif ($r.SpeedUp) { "$($r.SpeedUp)×" } elseif ($r.BaselineLowerBoundSeconds) { '≥ ' + [math]::Round($r.BaselineLowerBoundSeconds / $r.Ours.CommandSeconds, 1) + '×' } else { '–' }
        $table += "| $($r.Setting) | $($r.Dataset) | $($r.Tasks) / $($r.Locations) / $($r.Agents) / $($r.ExecutionsInWindow) | $(& $f $r.Ours.CommandSeconds '{0:0.00}') | $(& $f $r.Ours.WorkbookWriteSeconds '{0:0.00}') | $(& $f $r.Ours.TotalCalls '{0:N0}') | $(& $f $r.Ours.Throttles '{0:N0}') | $(if ($r.Ours.Errors -gt 0) { "**$($r.Ours.Errors)** (incomplete)" } else { '0' }) | $(& $f ($r.Ours.PeakWorkingSetBytes / 1MB) '{0:N0}') | $(if ($r.Ours.Throttles -gt 0) { 'n/a (retries)' } else { & $f $r.Ours.LocationDescribesPerLocation '{0:0.##}' }) | $baselineCell | $(if ($r.Baseline) { & $f $r.Baseline.TotalCalls '{0:N0}' } else { '–' }) | $speedCell | $(& $f $r.RateLimitBoundSeconds '{0:0.0}') | $(if ($r.OursToBound -and $r.Ours.Errors -gt 0) { "n/a (incomplete)" } elseif ($r.OursToBound) { "$($r.OursToBound)×" } else { '–' }) |"
    }
    $machine = "$([Environment]::ProcessorCount) logical CPUs; $([math]::Round(((Get-Content /proc/meminfo -ErrorAction SilentlyContinue | Select-Object -First 1) -replace '\D', '') / 1MB, 1)) GiB; $([Runtime.InteropServices.RuntimeInformation]::OSDescription); .NET $([Environment]::Version); pwsh $($PSVersionTable.PSVersion)"
    $stamp = Get-Date -Format 'yyyy-MM-dd HH:mm'
    $markdown = @("Benchmark $stamp; $machine") + '' + $table
    Set-Content -Path (Join-Path $outDir 'summary.md') -Value $markdown
    Write-Host ''
    $markdown | ForEach-Object { Write-Host $_ }
}

# The other measurements, one file each (they read this script's parameters and variables).
. (Join-Path $PSScriptRoot 'bench/Stream.ps1')
. (Join-Path $PSScriptRoot 'bench/Org.ps1')
. (Join-Path $PSScriptRoot 'bench/OrgShard.ps1')

switch ($Task) {
    'Bench' { Invoke-Bench }
    'BenchOrg' {
        switch ($BenchOrgShape) {
            'scale' { Invoke-BenchOrgScale }
            'shard' { Invoke-BenchOrgShard }
            default { Invoke-BenchOrg }
        }
    }
}
