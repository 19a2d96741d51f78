# Starts and stops the bundled DataSync/STS emulator as a child process, for build.ps1 (Demo, Bench) and the tests.

function Get-EmulatorAssembly {
    param([string] $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path, [string] $Configuration = 'Release')
    $dll = Join-Path $RepoRoot "src/StratusScan.DataSync.Emulator/bin/$Configuration/net10.0/StratusScan.DataSync.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built ($dll). Run ./build.ps1 Build first." }
    $dll
}

function Start-DataSyncEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free 127.0.0.1 port and returns { Endpoint, Process, AccessKey, SecretKey, AccountId }.
    .PARAMETER ArgumentList
        Emulator flags, e.g. '--sample' or '--generate', 'regions=us-east-1;eu-west-1,tasks=10', '--latency-ms', '25'.
    #>
    param(
        [string[]] $ArgumentList = @('--sample'),
        [string] $Configuration = 'Release',
        [int] $TimeoutSeconds = 60
    )
    $dll = Get-EmulatorAssembly -Configuration $Configuration
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add($dll)
    foreach ($argument in $ArgumentList) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $endpoint = $null
    while (-not $endpoint -and [DateTime]::UtcNow -lt $deadline) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([TimeSpan]::FromSeconds([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalSeconds)))) { break }
        $line = $read.Result
        if ($null -eq $line) { break }
        if ($line -match 'listening on (http://\S+)') { $endpoint = $Matches[1] }
    }
    if (-not $endpoint) {
        $errors = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        if (-not $process.HasExited) { $process.Kill() }
        throw "The emulator did not start within $TimeoutSeconds s. $errors"
    }
    # Keep draining its output so it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName = 'StratusScan.DataSync.EmulatorProcess'
        Endpoint   = $endpoint
        Process    = $process
        AccessKey  = 'AKIAEMULATOR00000001'
        SecretKey  = 'EmulatorSecretKey/StratusScan/DataSync01'
        AccountId  = '111122223333'
    }
}

function Stop-DataSyncEmulator {
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(10000)
        }
    }
}

function Get-DataSyncEmulatorStats {
    param([Parameter(Mandatory)] [string] $Endpoint)
    Invoke-RestMethod -Uri ($Endpoint.TrimEnd('/') + '/__emulator/stats') -Method Get
}

Export-ModuleMember -Function Get-EmulatorAssembly, Start-DataSyncEmulator, Stop-DataSyncEmulator, Get-DataSyncEmulatorStats
