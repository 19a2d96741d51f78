# Starts and stops the bundled DataSync/STS emulator as a child process: the one implementation that
# build.ps1 (Demo, Bench) and the Pester tests (tests/Pester/TestHelpers.psm1) use.

function Get-EmulatorAssembly {
    <# The emulator built by build.ps1's Build task (STRATUSSCAN_EMULATOR_DLL overrides). #>
    param([string] $Configuration = 'Release')
    if ($env:STRATUSSCAN_EMULATOR_DLL) { return $env:STRATUSSCAN_EMULATOR_DLL }
    $root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
    $dll = Join-Path $root "src/StratusScan.DataSync.Emulator/bin/$Configuration/net10.0/StratusScan.DataSync.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built ($dll). Run: dotnet pwsh ./build.ps1 Build" }
    $dll
}

function Get-DotnetPath {
    <# The dotnet host: the one running this pwsh when it is the dotnet tool, else the one on PATH. #>
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return $process }
    $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw 'dotnet was not found on PATH.' }
    $command.Source
}

function ConvertTo-CommandLine {
    <# Arguments as one command line that .NET's and the C runtime's parsing split back into the same strings. #>
    param([string[]] $Arguments)
    $quoted = foreach ($argument in $Arguments) {
        if ($argument -and $argument -notmatch '[\s"]') { $argument; continue }
        # Backslashes before a quote (or the closing quote) are doubled; a quote is escaped.
        '"' + ([regex]::Replace($argument, '(\\*)("|$)', { param($m) $m.Groups[1].Value + $m.Groups[1].Value + $(if ($m.Groups[2].Value) { '\"' } else { '' }) })) + '"'
    }
    $quoted -join ' '
}

function Stop-ProcessTree {
    <# Kills a process and its children (Kill(bool) is .NET Core 3.0+; .NET Framework kills the process alone). #>
    param([Parameter(Mandatory)] [Diagnostics.Process] $Process)
    if ($PSVersionTable.PSEdition -eq 'Core') { $Process.Kill($true) } else { $Process.Kill() }
}

function Start-DataSyncEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free 127.0.0.1 port, waits for its "listening on" line and returns
        { Endpoint, Process, AccessKey, SecretKey, AccountId, Arguments, Output, Errors }.
    .PARAMETER ArgumentList
        Emulator flags, e.g. '--sample' or '--generate', 'regions=us-east-1;eu-west-1,tasks=10', '--latency-ms', '25'.
    #>
    param(
        [string[]] $ArgumentList = @('--sample'),
        [string] $Configuration = 'Release',
        [int] $TimeoutSeconds = 60
    )
    # One command-line string (ProcessStartInfo.ArgumentList is missing from .NET Framework, Windows PowerShell 5.1).
    $info = New-Object Diagnostics.ProcessStartInfo -ArgumentList (Get-DotnetPath)
    $info.Arguments = ConvertTo-CommandLine (@(Get-EmulatorAssembly -Configuration $Configuration) + @($ArgumentList | ForEach-Object { [string]$_ }))
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
        }
    }
    catch {
        if (-not $process.HasExited) { Stop-ProcessTree $process }
        throw
    }
    if (-not $endpoint.EndsWith('/')) { $endpoint += '/' }
    # Keep draining its output so it never blocks on a full pipe.
    $stdout = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName = 'StratusScan.DataSync.EmulatorProcess'
        Endpoint   = $endpoint
        Process    = $process
        AccessKey  = 'AKIAEMULATOR00000001'
        SecretKey  = 'EmulatorSecretKey/StratusScan/DataSync01'
        AccountId  = '111122223333'
        Arguments  = $ArgumentList
        Output     = $stdout
        Errors     = $stderr
    }
}

function Stop-DataSyncEmulator {
    <# Stops an emulator started by Start-DataSyncEmulator. #>
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator -or -not $Emulator.Process) { return }
        $process = $Emulator.Process
        try {
            if (-not $process.HasExited) {
                Stop-ProcessTree $process
                $process.WaitForExit(10000) | Out-Null
            }
        }
        catch { }
        $process.Dispose()
    }
}

function Get-DataSyncEmulatorStats {
    param([Parameter(Mandatory)] [string] $Endpoint)
    Invoke-RestMethod -Uri ($Endpoint.TrimEnd('/') + '/__emulator/stats') -Method Get
}

Export-ModuleMember -Function ConvertTo-CommandLine, Get-EmulatorAssembly, Get-DotnetPath, Start-DataSyncEmulator, Stop-DataSyncEmulator, Get-DataSyncEmulatorStats
