# Dot-sourced by build/Bench.ps1: the organisation benchmarks (BenchOrg: compare and scale). Its functions read Bench.ps1's parameters and variables ($RepoRoot,
# $ResultsDir, $Pwsh, $Manifest, the -Bench* parameters).

function Invoke-OrgChild {
    # One run of bench/Org-Child.ps1 in a child pwsh that finds only the packaged module (and pwsh's own) on PSModulePath.
    param([string] $Endpoint, [string[]] $Accounts, [string] $Regions, [string] $Mode, [string] $OutputDirectory, [string] $ResultPath, [int] $ThrottleLimit, [string] $What)
    $savedPath = $env:PSModulePath
    try {
        $env:PSModulePath = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Org-Child.ps1') -Manifest $manifest -Endpoint $Endpoint `
            -Accounts ($Accounts -join ',') -Regions $Regions -Mode $Mode -OutputDirectory $OutputDirectory -ResultPath $ResultPath -ThrottleLimit $ThrottleLimit | Out-Host
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $ResultPath)) { throw "$What failed (exit $LASTEXITCODE)." }
    }
    finally { $env:PSModulePath = $savedPath }
}

function Invoke-BenchOrgScale {
    # How an organisation-wide scan scales (docs/benchmarks.md): member accounts with no DataSync resources at all in
    # the 17 commercial Regions, so every call is a list call that finds nothing and the cost per (account, Region)
    # is all there is; one child pwsh per (accounts, -ThrottleLimit), its wall time, API calls and peak working set,
    # against the latency floor (calls x latency / limit).
    $accountCounts = @($BenchScaleAccounts | ForEach-Object { $_ -split ',' } | Where-Object { $_ } | ForEach-Object { [int]$_ } | Sort-Object -Unique)
    $limits = @($BenchScaleThrottleLimit | ForEach-Object { $_ -split ',' } | Where-Object { $_ -ne '' } | ForEach-Object { [int]$_ })
    if ($accountCounts.Count -eq 0 -or ($accountCounts | Where-Object { $_ -lt 1 -or $_ -gt 5000 })) { throw '-BenchScaleAccounts: 1 to 5000 accounts.' }
    if ($limits.Count -eq 0 -or ($limits | Where-Object { $_ -lt 0 -or $_ -gt 256 })) { throw '-BenchScaleThrottleLimit: 0 (the default) to 256.' }
    $defaultLimit = 16 # DataSyncCmdletBase.DefaultThrottleLimit
    $regions = 'us-east-1;us-east-2;us-west-1;us-west-2;ca-central-1;eu-west-1;eu-west-2;eu-west-3;eu-central-1;eu-north-1;ap-south-1;ap-northeast-1;ap-northeast-2;ap-northeast-3;ap-southeast-1;ap-southeast-2;sa-east-1'
    $spec = "regions=$regions,accounts=$(($accountCounts | Measure-Object -Maximum).Maximum + 1),tasks=0,locations=0,agents=0,executions=0"
    Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force
    $outDir = Join-Path $ResultsDir "bench/org-scale-$($BenchLatencyMs)ms"
    if (Test-Path $outDir) { Remove-Item -Recurse -Force $outDir }
    New-Item -ItemType Directory -Force -Path $outDir | Out-Null
    $emulator = Start-DataSyncEmulator -ArgumentList @('--generate', $spec, '--latency-ms', "$BenchLatencyMs") -Configuration Release -TimeoutSeconds 600
    $rows = [System.Collections.Generic.List[object]]::new()
    try {
        $endpoint = $emulator.Endpoint
        # The first account is the credentials' own (the management account); the members follow.
        $members = @(@((Invoke-RestMethod -Uri ($endpoint + '__emulator/health')).accounts) | Select-Object -Skip 1)
        foreach ($limit in $limits) {
            foreach ($count in $accountCounts) {
                $null = Invoke-RestMethod -Method Post -Uri ($endpoint + '__emulator/reset')
                $result = Join-Path $outDir "$count-accounts-limit$limit.json"
                Invoke-OrgChild -Endpoint $endpoint -Accounts ($members | Select-Object -First $count) -Regions ($regions -replace ';', ',') -Mode organization `
                    -OutputDirectory (Join-Path $outDir "$count-limit$limit") -ResultPath $result -ThrottleLimit $limit -What "The run of $count accounts at limit $limit"
                $run = Get-Content -Raw $result | ConvertFrom-Json
                $stats = Get-DataSyncEmulatorStats -Endpoint $endpoint
                $effective = if ($limit -eq 0) { $defaultLimit } else { $limit }
                $row = [pscustomobject][ordered]@{
                    Accounts = $count; ThrottleLimit = $effective; DefaultLimit = ($limit -eq 0); Calls = [long]$stats.TotalCalls
                    Seconds = [math]::Round([double]$run.Seconds, 1); PeakWorkingSetMiB = [math]::Round([double]$run.PeakWorkingSetBytes / 1MB)
                    FloorSeconds = [math]::Round([long]$stats.TotalCalls * $BenchLatencyMs / 1000 / $effective, 1); Errors = [int]$run.Errors
                }
                $rows.Add($row)
                Write-Host ("{0} accounts, limit {1}: {2:N0} calls in {3} s (floor {4} s), peak working set {5} MiB, {6} error(s)" -f $row.Accounts, $row.ThrottleLimit, $row.Calls, $row.Seconds, $row.FloorSeconds, $row.PeakWorkingSetMiB, $row.Errors)
            }
        }
    }
    finally { $emulator | Stop-DataSyncEmulator }

    $machine = "$([Environment]::ProcessorCount) logical CPUs; $([Runtime.InteropServices.RuntimeInformation]::OSDescription); .NET $([Environment]::Version); pwsh $($PSVersionTable.PSVersion)"
    $markdown = [System.Collections.Generic.List[string]]::new()
    $markdown.Add("Organisation scaling benchmark $(Get-Date -Format 'yyyy-MM-dd HH:mm'); $machine")
    $markdown.Add('')
    $markdown.Add("Member accounts with no DataSync resources in the 17 commercial Regions (``$($spec -replace 'regions=[^,]+,', '' -replace 'accounts=\d+,', '')``), -RoleName StratusScanReadOnly; emulator latency $BenchLatencyMs ms a call.")
    $markdown.Add('')
    $markdown.Add('| member accounts | -ThrottleLimit | API calls | wall time (s) | latency floor (s) | peak working set (MiB) | errors |')
    $markdown.Add('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    foreach ($row in $rows) {
        $markdown.Add("| $('{0:N0}' -f $row.Accounts) | $($row.ThrottleLimit)$(if ($row.DefaultLimit) { ' (default)' }) | $('{0:N0}' -f $row.Calls) | $($row.Seconds) | $($row.FloorSeconds) | $($row.PeakWorkingSetMiB) | $($row.Errors) |")
    }
    foreach ($group in $rows | Group-Object ThrottleLimit) {
        $sorted = @($group.Group | Sort-Object Accounts)
        if ($sorted.Count -ge 2) {
            $first, $last = $sorted[0], $sorted[-1]
            $markdown.Add('')
            $markdown.Add("Limit $($group.Name): $($last.Accounts) accounts took $([math]::Round($last.Seconds / $first.Seconds, 1))x the time of $($first.Accounts) ($([math]::Round($last.Accounts / $first.Accounts, 1))x the accounts).")
        }
    }

    $rows | ConvertTo-Json | Set-Content (Join-Path $outDir 'summary.json')
    Set-Content -Path (Join-Path $outDir 'summary.md') -Value $markdown
    Write-Host ''
    $markdown | ForEach-Object { Write-Host $_ }
}

function Invoke-BenchOrg {
    # The organisation benchmark (docs/benchmarks.md): one organisation-wide Export-SSDataSyncReport over N accounts x 4
    # Regions against the same accounts exported one after another (one run per account, as before -AccountId),
    # each in a child pwsh importing the packaged module, on one emulator with latency on every call.
    $spec = "regions=us-east-1;us-west-2;eu-west-1;ap-southeast-2,accounts=$BenchAccounts,tasks=10,locations=2,agents=3,executions=5,days=60"
    Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force
    $outDir = Join-Path $ResultsDir "bench/org-$BenchAccounts-accounts-$($BenchLatencyMs)ms-limit$BenchThrottleLimit$(if ($BenchRateLimit) { "-rate$BenchRateLimit" })"
    if (Test-Path $outDir) { Remove-Item -Recurse -Force $outDir }
    New-Item -ItemType Directory -Force -Path $outDir | Out-Null
    $faults = @('--latency-ms', "$BenchLatencyMs")
    if ($BenchRateLimit -gt 0) { $faults += @('--rate-limit', "$BenchRateLimit", '--rate-burst', "$BenchRateLimit") } # per account and Region, as AWS limits
    $emulator = Start-DataSyncEmulator -ArgumentList (@('--generate', $spec, '--page-size', '100') + $faults) -Configuration Release -TimeoutSeconds 600
    $rows = [System.Collections.Generic.List[object]]::new()
    try {
        $endpoint = $emulator.Endpoint
        $accounts = @((Invoke-RestMethod -Uri ($endpoint + '__emulator/health')).accounts)
        Write-Host "Emulator: $($accounts.Count) accounts x 4 Regions ($spec), latency $BenchLatencyMs ms."
        foreach ($mode in 'organization', 'sequential') {
            $null = Invoke-RestMethod -Method Post -Uri ($endpoint + '__emulator/reset')
            $result = Join-Path $outDir "$mode.json"
            Invoke-OrgChild -Endpoint $endpoint -Accounts $accounts -Regions 'us-east-1,us-west-2,eu-west-1,ap-southeast-2' -Mode $mode `
                -OutputDirectory (Join-Path $outDir $mode) -ResultPath $result -ThrottleLimit $BenchThrottleLimit -What "The $mode run"
            $run = Get-Content -Raw $result | ConvertFrom-Json
            $stats = Get-DataSyncEmulatorStats -Endpoint $endpoint
            $sts = 0; foreach ($op in 'AssumeRole', 'GetCallerIdentity') { if ($stats.Calls.$op) { $sts += ($stats.Calls.$op.PSObject.Properties | Measure-Object -Property Value -Sum).Sum } }
            $rows.Add([pscustomobject][ordered]@{
                    Mode = $mode; Seconds = [math]::Round([double]$run.Seconds, 2); Workbooks = [int]$run.Workbooks; Errors = [int]$run.Errors
                    TotalCalls = [long]$stats.TotalCalls; StsCalls = [long]$sts; PeakInFlight = [long]$stats.PeakInFlight; Throttles = [long]$stats.Throttles
                })
            Write-Host ("{0}: {1:0.00} s, {2:N0} calls ({3} STS), peak {4} in flight, {5} workbook(s), {6} error(s)" -f $mode, $run.Seconds, $stats.TotalCalls, $sts, $stats.PeakInFlight, $run.Workbooks, $run.Errors)
        }
    }
    finally { $emulator | Stop-DataSyncEmulator }

    $org, $seq = $rows[0], $rows[1]
    $machine = "$([Environment]::ProcessorCount) logical CPUs; $([Runtime.InteropServices.RuntimeInformation]::OSDescription); .NET $([Environment]::Version); pwsh $($PSVersionTable.PSVersion)"
    $markdown = @(
        "Organisation benchmark $(Get-Date -Format 'yyyy-MM-dd HH:mm'); $machine"
        ''
        "$($accounts.Count) accounts x 4 Regions, each account ``$($spec -replace 'accounts=\d+,', '')``; emulator latency $BenchLatencyMs ms$(if ($BenchRateLimit) { ", rate limit $BenchRateLimit calls/s per account and Region" }), page size 100; -ThrottleLimit $BenchThrottleLimit."
        ''
        '| run | wall time (s) | API calls | of which STS | peak calls in flight | workbooks | errors |'
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'
        "| one organisation-wide run (-AccountId x $($accounts.Count) -RoleName) | $($org.Seconds) | $('{0:N0}' -f $org.TotalCalls) | $($org.StsCalls) | $($org.PeakInFlight) | $($org.Workbooks) | $($org.Errors) |"
        "| one run per account, one after another | $($seq.Seconds) | $('{0:N0}' -f $seq.TotalCalls) | $($seq.StsCalls) | $($seq.PeakInFlight) | $($seq.Workbooks) | $($seq.Errors) |"
        ''
        "Speed-up: $([math]::Round($seq.Seconds / $org.Seconds, 1))x."
    )
    $rows | ConvertTo-Json | Set-Content (Join-Path $outDir 'summary.json')
    Set-Content -Path (Join-Path $outDir 'summary.md') -Value $markdown
    Write-Host ''
    $markdown | ForEach-Object { Write-Host $_ }
}
