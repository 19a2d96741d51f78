# Shared helpers for the Pester tests. Import with: Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force

function Get-TestModulePath {
    <# The manifest of the module under test: the packaged folder when run by build.ps1, else the repository root. #>
    if ($env:STRATUSSCAN_TEST_MODULE) { return $env:STRATUSSCAN_TEST_MODULE }
    Join-Path (Get-RepoRoot) 'StratusScan.DataSync.psd1'
}

function Get-RepoRoot {
    if ($env:STRATUSSCAN_REPO_ROOT) { return $env:STRATUSSCAN_REPO_ROOT }
    (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh process (its own startup cache) and returns its output lines and exit code.
        Used where a test needs a clean session: assembly load order, module import from scratch.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $pwsh = if ($env:STRATUSSCAN_PWSH) { $env:STRATUSSCAN_PWSH -split [char]0x1f } else {
        $process = (Get-Process -Id $PID).Path
        if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
    }
    $file = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-child-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n`$PSStyle.OutputRendering = 'PlainText'`n" + $Script)
    $saved = @{}
    $cache = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-cache-{0}" -f [guid]::NewGuid())
    $Environment['XDG_CACHE_HOME'] = $cache
    foreach ($key in $Environment.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        Set-TestEnvironmentVariable $key $Environment[$key]
    }
    try {
        $exe = $pwsh[0]
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)
        $output = & $exe @arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($key in $saved.Keys) { Set-TestEnvironmentVariable $key $saved[$key] }
        Remove-Item $file -ErrorAction SilentlyContinue
        Remove-Item $cache -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Get-EmulatorDllPath {
    <# The emulator built by build.ps1's Build task (STRATUSSCAN_EMULATOR_DLL overrides). #>
    if ($env:STRATUSSCAN_EMULATOR_DLL) { return $env:STRATUSSCAN_EMULATOR_DLL }
    $path = Join-Path (Get-RepoRoot) 'src/StratusScan.DataSync.Emulator/bin/Release/net10.0/StratusScan.DataSync.Emulator.dll'
    if (-not (Test-Path $path)) { throw "The emulator is not built ($path). Run: dotnet pwsh ./build.ps1 Build" }
    $path
}

function Get-DotnetPath {
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return $process }
    $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw 'dotnet was not found on PATH.' }
    $command.Source
}

function Get-EmulatorCredential {
    <# The emulator's default key pair (account 111122223333). #>
    [pscustomobject]@{
        AccessKey = 'AKIAEMULATOR00000001'
        SecretKey = 'EmulatorSecretKey/StratusScan/DataSync01'
        AccountId = '111122223333'
    }
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the DataSync emulator as a child process and waits for its "listening on" line.
    .DESCRIPTION
        With -Generate and -DumpDataset the generated dataset is first written to a file (--write-dataset, same
        spec and seed) and the server then serves that file (--dataset), so a test can read exactly what is served
        (DatasetPath, and Dataset parsed with ConvertFrom-Json). -ArgumentList passes further emulator flags
        (--page-size, --latency-ms, --throttle-rate, --deny-region, ...).
    .OUTPUTS
        An object with Endpoint ('http://127.0.0.1:PORT/'), Process, DatasetPath and Dataset.
    #>
    param(
        [string] $Generate,
        [switch] $DumpDataset,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 60
    )
    $dotnet = Get-DotnetPath
    $dll = Get-EmulatorDllPath
    $serverArgs = @()
    $datasetPath = $null
    $dataset = $null
    if ($DumpDataset) {
        if (-not $Generate) { throw '-DumpDataset needs -Generate.' }
        $datasetPath = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-dataset-{0}.json" -f [guid]::NewGuid())
        $dump = & $dotnet $dll --generate $Generate --write-dataset $datasetPath 2>&1
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path $datasetPath)) {
            throw "The emulator could not write the dataset (exit $LASTEXITCODE): $($dump -join ' ')"
        }
        $dataset = Get-Content -Raw -LiteralPath $datasetPath -Encoding utf8 | ConvertFrom-Json
        $serverArgs += @('--dataset', $datasetPath)
    }
    elseif ($Generate) {
        $serverArgs += @('--generate', $Generate)
    }
    $serverArgs += $ArgumentList

    $info = [Diagnostics.ProcessStartInfo]::new($dotnet)
    $info.ArgumentList.Add($dll)
    foreach ($a in $serverArgs) { $info.ArgumentList.Add([string]$a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $info.CreateNoWindow = $true
    $process = [Diagnostics.Process]::Start($info)
    $stderr = $process.StandardError.ReadToEndAsync()
    $endpoint = $null
    $seen = [Collections.Generic.List[string]]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    try {
        while (-not $endpoint) {
            $read = $process.StandardOutput.ReadLineAsync()
            while (-not $read.Wait(100)) {
                if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not say it was listening within $TimeoutSeconds s. Output: $($seen -join ' | ')" }
            }
            $line = $read.Result
            if ($null -eq $line) {
                $process.WaitForExit(5000) | Out-Null
                throw "The emulator exited ($($process.ExitCode)) before listening. Output: $($seen -join ' | ') Errors: $(if ($stderr.IsCompleted) { $stderr.Result })"
            }
            $seen.Add($line)
            if ($line -match 'listening on (http://\S+)') { $endpoint = $Matches[1] }
            if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not say it was listening within $TimeoutSeconds s. Output: $($seen -join ' | ')" }
        }
    }
    catch {
        if (-not $process.HasExited) { $process.Kill($true) }
        if ($datasetPath) { Remove-Item -LiteralPath $datasetPath -ErrorAction SilentlyContinue }
        throw
    }
    if (-not $endpoint.EndsWith('/')) { $endpoint += '/' }
    # Keep draining the output so the pipe never fills.
    $stdout = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName  = 'StratusScan.TestEmulator'
        Endpoint    = $endpoint
        Process     = $process
        DatasetPath = $datasetPath
        Dataset     = $dataset
        Arguments   = $serverArgs
        Output      = $stdout
        Errors      = $stderr
    }
}

function Stop-TestEmulator {
    <# Stops an emulator started by Start-TestEmulator (this process only) and removes its dataset file. #>
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator) { return }
        $process = $Emulator.Process
        if ($process) {
            try {
                if (-not $process.HasExited) {
                    $process.Kill($true)
                    $process.WaitForExit(10000) | Out-Null
                }
            }
            catch { }
            $process.Dispose()
        }
        if ($Emulator.DatasetPath) { Remove-Item -LiteralPath $Emulator.DatasetPath -ErrorAction SilentlyContinue }
    }
}

function Get-EmulatorStats {
    <# GET /__emulator/stats: TotalCalls, Throttles, ServerErrors, ErrorsServed, MalformedResponses, Calls.<Operation>.<region>, Errors.<code>. #>
    param([Parameter(Mandatory)] [string] $Endpoint)
    Invoke-RestMethod -Method Get -Uri ($Endpoint.TrimEnd('/') + '/__emulator/stats') -NoProxy
}

function Reset-EmulatorStats {
    <# POST /__emulator/reset: zero the statistics and refill the rate-limit buckets. #>
    param([Parameter(Mandatory)] [string] $Endpoint)
    Invoke-RestMethod -Method Post -Uri ($Endpoint.TrimEnd('/') + '/__emulator/reset') -NoProxy | Out-Null
}

function Get-EmulatorCallCount {
    <# Calls of one operation in the stats, summed over Regions (or in one Region). #>
    param([Parameter(Mandatory)] $Stats, [Parameter(Mandatory)] [string] $Operation, [string] $Region)
    $byRegion = $Stats.Calls.$Operation
    if (-not $byRegion) { return 0 }
    if ($Region) { return [long]($byRegion.$Region) }
    [long](($byRegion.PSObject.Properties.Value | Measure-Object -Sum).Sum)
}

function Use-TestEnvironment {
    <#
    .SYNOPSIS
        Runs a script block with environment variables set (a $null value removes one), restoring them afterwards.
    #>
    param([Parameter(Mandatory)] [hashtable] $Variables, [Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $saved = @{}
    foreach ($key in $Variables.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        Set-TestEnvironmentVariable $key $Variables[$key]
    }
    try { & $ScriptBlock }
    finally {
        foreach ($key in $saved.Keys) { Set-TestEnvironmentVariable $key $saved[$key] }
    }
}

function Set-TestEnvironmentVariable {
    <# Sets a process environment variable; $null removes it (on Unix [Environment]::SetEnvironmentVariable(x, $null) may leave an empty one). #>
    param([Parameter(Mandatory)] [string] $Name, [AllowNull()] $Value)
    if ($null -eq $Value -or "$Value" -eq "") { Remove-Item -LiteralPath "Env:$Name" -ErrorAction SilentlyContinue }
    else { Set-Item -LiteralPath "Env:$Name" -Value ([string]$Value) }
}

function ConvertFrom-EpochSeconds {
    <# A dataset time (epoch seconds, maybe fractional, or an ISO 8601 string) as a UTC DateTime, to the millisecond as the emulator keeps it. #>
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return [DateTimeOffset]::Parse($Value, [Globalization.CultureInfo]::InvariantCulture).UtcDateTime }
    if ($Value -is [DateTime]) { return $Value.ToUniversalTime() }
    [DateTimeOffset]::FromUnixTimeMilliseconds([long][Math]::Round([double]$Value * 1000)).UtcDateTime
}

Export-ModuleMember -Function Get-TestModulePath, Get-RepoRoot, Get-NuGetPackageRoot, Invoke-ChildPwsh, Get-EmulatorDllPath, Get-EmulatorCredential,
    Start-TestEmulator, Stop-TestEmulator, Get-EmulatorStats, Reset-EmulatorStats, Get-EmulatorCallCount, Use-TestEnvironment, Set-TestEnvironmentVariable, ConvertFrom-EpochSeconds
