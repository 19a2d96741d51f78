# Dot-sourced by build/Bench.ps1: BenchOrg -BenchOrgShape shard. Its functions read Bench.ps1's parameters and
# variables ($RepoRoot, $ResultsDir, $Pwsh, $Manifest, the -Bench* parameters).

function Start-ShardChild {
    # Starts bench/Shard-Child.ps1 in its own pwsh (not waited for); its console output goes to <ResultPath>.log.
    param([string] $Mode, [string] $Endpoint, [string[]] $Accounts, [string] $Path, [string] $InventoryPath, [string] $ResultPath, [string] $RoleName = 'StratusScanReadOnly')
    $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($a in @($pwsh | Select-Object -Skip 1)) { $info.ArgumentList.Add($a) }
    $arguments = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Shard-Child.ps1'), '-Manifest', $manifest, '-Endpoint', $Endpoint,
        '-Mode', $Mode, '-Path', $Path, '-ResultPath', $ResultPath, '-RoleName', $RoleName, '-ThrottleLimit', "$BenchThrottleLimit")
    if ($Accounts) { $arguments += @('-Accounts', ($Accounts -join ',')) }
    if ($InventoryPath) { $arguments += @('-InventoryPath', $InventoryPath) }
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    # Read both streams to the end asynchronously so a chatty child never blocks on a full pipe.
    [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync(); ResultPath = $ResultPath }
}

function Wait-ShardChild {
    # Waits for children started by Start-ShardChild; returns each one's result (from its JSON) with its exit code.
    param([object[]] $Children)
    foreach ($child in $Children) {
        $child.Process.WaitForExit()
        Set-Content -Path ($child.ResultPath + '.log') -Value ($child.Out.Result + $child.Err.Result)
        if (-not (Test-Path $child.ResultPath)) { throw "A benchmark child wrote no result (exit $($child.Process.ExitCode)); see $($child.ResultPath).log." }
        $result = Get-Content -Raw $child.ResultPath | ConvertFrom-Json
        $result | Add-Member -NotePropertyName ExitCode -NotePropertyValue $child.Process.ExitCode -PassThru
    }
}

function Get-SheetHashes([string] $Workbook) {
    # Each worksheet part of a workbook and the SHA-256 of its XML (the writer writes inline strings, so equal rows are equal bytes).
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($Workbook)
    try {
        $hashes = [ordered]@{}
        foreach ($entry in $zip.Entries | Where-Object FullName -like 'xl/worksheets/*.xml' | Sort-Object FullName) {
            $stream = $entry.Open()
            try { $hashes[$entry.FullName] = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($stream)) } finally { $stream.Dispose() }
        }
        $hashes
    }
    finally { $zip.Dispose() }
}

function Invoke-BenchOrgShard {
    # Shard and merge (docs/benchmarks.md): -BenchShardAccounts accounts x 2 Regions as -BenchShards shard processes at
    # once, each Export-SSDataSyncInventory over its batch of accounts, then Export-SSDataSyncReport -InventoryPath
    # merging their files, against one organisation-wide Export-SSDataSyncReport in one process; then the shards again
    # with one failing (a role name that does not exist: every account of the shard fails, its file records that) and
    # re-run alone, and the merge. Wall time, API calls, the peak working set of each process.
    $regions = 'us-east-1;us-west-2'
    $spec = "regions=$regions,accounts=$BenchShardAccounts,tasks=10,locations=1,agents=3,executions=5,days=20"
    Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force
    $outDir = Join-Path $ResultsDir "bench/org-shard-$BenchShardAccounts-accounts-$BenchShards-shards-$($BenchLatencyMs)ms"
    if (Test-Path $outDir) { Remove-Item -Recurse -Force $outDir }
    New-Item -ItemType Directory -Force -Path $outDir | Out-Null
    $emulator = Start-DataSyncEmulator -ArgumentList @('--generate', $spec, '--latency-ms', "$BenchLatencyMs") -Configuration Release -TimeoutSeconds 600
    $savedPath = $env:PSModulePath
    $rows = [System.Collections.Generic.List[object]]::new()
    try {
        $env:PSModulePath = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
        $endpoint = $emulator.Endpoint
        $accounts = @((Invoke-RestMethod -Uri ($endpoint + '__emulator/health')).accounts)
        $size = [math]::Ceiling($accounts.Count / $BenchShards)
        $batches = @(for ($i = 0; $i -lt $BenchShards; $i++) { , @($accounts | Select-Object -Skip ($i * $size) -First $size) })
        Write-Host "Emulator: $($accounts.Count) accounts x 2 Regions ($spec), latency $BenchLatencyMs ms; $BenchShards shards of $size accounts."

        function Measure-Step([string] $Name, [scriptblock] $Run) {
            $null = Invoke-RestMethod -Method Post -Uri ($endpoint + '__emulator/reset')
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $results = @(& $Run)
            $watch.Stop()
            $stats = Get-DataSyncEmulatorStats -Endpoint $endpoint
            $row = [pscustomobject][ordered]@{
                Step = $Name; Processes = $results.Count; Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 1); Calls = [long]$stats.TotalCalls
                PeakWorkingSetMiB = [math]::Round((($results | Measure-Object PeakWorkingSetBytes -Maximum).Maximum) / 1MB)
                Failed = @($results | Where-Object ExitCode -ne 0).Count
            }
            $rows.Add($row)
            Write-Host ("{0}: {1} process(es), {2} s, {3:N0} calls, peak working set {4} MiB (largest), {5} failed" -f $row.Step, $row.Processes, $row.Seconds, $row.Calls, $row.PeakWorkingSetMiB, $row.Failed)
        }
        function Start-Shards([string] $Folder, [int] $Failing = -1) {
            New-Item -ItemType Directory -Force -Path $Folder | Out-Null
            $children = for ($i = 0; $i -lt $batches.Count; $i++) {
                $role = if ($i -eq $Failing) { 'NoSuchRole' } else { 'StratusScanReadOnly' }
                Start-ShardChild -Mode shard -Endpoint $endpoint -Accounts $batches[$i] -Path (Join-Path $Folder ("shard-{0:D2}.jsonl.gz" -f $i)) -ResultPath (Join-Path $Folder ("shard-{0:D2}.json" -f $i)) -RoleName $role
            }
            Wait-ShardChild $children
        }
        function Invoke-Merge([string] $Folder) {
            Wait-ShardChild @(Start-ShardChild -Mode merge -Endpoint $endpoint -InventoryPath (Join-Path $Folder 'shard-*.jsonl.gz') -Path (Join-Path $Folder 'merged.xlsx') -ResultPath (Join-Path $Folder 'merge.json'))
        }

        $single = Join-Path $outDir 'organization.xlsx'
        Measure-Step 'one organisation-wide run' { Wait-ShardChild @(Start-ShardChild -Mode organization -Endpoint $endpoint -Accounts $accounts -Path $single -ResultPath (Join-Path $outDir 'organization.json')) }
        $good = Join-Path $outDir 'shards'
        Measure-Step "$BenchShards shards at once" { Start-Shards $good }
        Measure-Step 'merge' { Invoke-Merge $good }
        $failing = Join-Path $outDir 'shards-one-failing'
        $victim = [int][math]::Floor($BenchShards / 2)
        Measure-Step "$BenchShards shards, shard $victim failing" { Start-Shards $failing -Failing $victim }
        Measure-Step "shard $victim re-run" {
            Wait-ShardChild @(Start-ShardChild -Mode shard -Endpoint $endpoint -Accounts $batches[$victim] -Path (Join-Path $failing ("shard-{0:D2}.jsonl.gz" -f $victim)) -ResultPath (Join-Path $failing ("shard-{0:D2}-rerun.json" -f $victim)))
        }
        Measure-Step 'merge after the re-run' { Invoke-Merge $failing }

        # The merge of many files: the shards' objects rewritten as one file per account, then merged.
        $perAccount = Join-Path $outDir 'per-account'
        $null = Wait-ShardChild @(Start-ShardChild -Mode split -Endpoint $endpoint -InventoryPath (Join-Path $good 'shard-*.jsonl.gz') -Path $perAccount -ResultPath (Join-Path $outDir 'split.json'))
        Measure-Step "merge of $($accounts.Count) per-account files" {
            Wait-ShardChild @(Start-ShardChild -Mode merge -Endpoint $endpoint -InventoryPath (Join-Path $perAccount 'account-*.jsonl.gz') -Path (Join-Path $perAccount 'merged.xlsx') -ResultPath (Join-Path $perAccount 'merge.json'))
        }

        # The merged workbooks against the single run: every data sheet the same bytes (the Summary differs in its times).
        $expected = Get-SheetHashes $single
        $same = foreach ($merged in (Join-Path $good 'merged.xlsx'), (Join-Path $failing 'merged.xlsx'), (Join-Path $perAccount 'merged.xlsx')) {
            $actual = Get-SheetHashes $merged
            @($expected.Keys | Where-Object { $actual[$_] -eq $expected[$_] }).Count
        }
    }
    finally {
        $env:PSModulePath = $savedPath
        $emulator | Stop-DataSyncEmulator
    }

    $machine = "$([Environment]::ProcessorCount) logical CPUs; $([Runtime.InteropServices.RuntimeInformation]::OSDescription); .NET $([Environment]::Version); pwsh $($PSVersionTable.PSVersion)"
    $markdown = [System.Collections.Generic.List[string]]::new()
    $markdown.Add("Shard-and-merge benchmark $(Get-Date -Format 'yyyy-MM-dd HH:mm'); $machine")
    $markdown.Add('')
    $markdown.Add("$($accounts.Count) accounts x 2 Regions (``$($spec -replace 'accounts=\d+,', '')``), -RoleName StratusScanReadOnly; emulator latency $BenchLatencyMs ms a call; -ThrottleLimit $BenchThrottleLimit in every process; $BenchShards shards of $size accounts, each its own pwsh (wall time includes starting it and importing the module).")
    $markdown.Add('')
    $markdown.Add('| step | processes | wall time (s) | API calls | peak working set, largest process (MiB) | failed processes |')
    $markdown.Add('| --- | ---: | ---: | ---: | ---: | ---: |')
    foreach ($row in $rows) { $markdown.Add("| $($row.Step) | $($row.Processes) | $($row.Seconds) | $('{0:N0}' -f $row.Calls) | $($row.PeakWorkingSetMiB) | $($row.Failed) |") }
    $markdown.Add('')
    $markdown.Add("Worksheets byte-for-byte equal to the single run's ($($expected.Count) including Summary, whose scan time differs): merged $($same[0]), merged after the re-run $($same[1]), merged from the per-account files $($same[2]).")
    $rows | ConvertTo-Json | Set-Content (Join-Path $outDir 'summary.json')
    Set-Content -Path (Join-Path $outDir 'summary.md') -Value $markdown
    Write-Host ''
    $markdown | ForEach-Object { Write-Host $_ }
}
