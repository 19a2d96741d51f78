# Shared helpers for the Pester tests. Import with: Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
Import-Module (Join-Path $PSScriptRoot '../../build/Emulator.psm1') -Force

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
    $pwsh = Get-PwshCommand
    $file = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-child-{0}.ps1" -f [guid]::NewGuid())
    # $PSStyle exists from PowerShell 7.2 on; the child may be Windows PowerShell 5.1.
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`nif (`$PSVersionTable.PSVersion.Major -ge 7 -and (Get-Variable PSStyle -ErrorAction SilentlyContinue)) { `$PSStyle.OutputRendering = 'PlainText' }`n" + $Script)
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
    Get-EmulatorAssembly
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

    try {
        $emulator = Start-DataSyncEmulator -ArgumentList $serverArgs -TimeoutSeconds $TimeoutSeconds
    }
    catch {
        if ($datasetPath) { Remove-Item -LiteralPath $datasetPath -ErrorAction SilentlyContinue }
        throw
    }
    $emulator.PSObject.TypeNames.Insert(0, 'StratusScan.TestEmulator')
    $emulator | Add-Member -NotePropertyName DatasetPath -NotePropertyValue $datasetPath
    $emulator | Add-Member -NotePropertyName Dataset -NotePropertyValue $dataset -PassThru
}

function Stop-TestEmulator {
    <# Stops an emulator started by Start-TestEmulator (this process only) and removes its dataset file. #>
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator) { return }
        $Emulator | Stop-DataSyncEmulator
        if ($Emulator.DatasetPath) { Remove-Item -LiteralPath $Emulator.DatasetPath -ErrorAction SilentlyContinue }
    }
}

function Get-EmulatorStats {
    <# GET /__emulator/stats: TotalCalls, Throttles, ServerErrors, ErrorsServed, MalformedResponses, Calls.<Operation>.<region>, Errors.<code>. #>
    param([Parameter(Mandatory)] [string] $Endpoint)
    $noProxy = Get-NoProxyParameter
    Invoke-RestMethod -Method Get -Uri ($Endpoint.TrimEnd('/') + '/__emulator/stats') @noProxy
}

function Reset-EmulatorStats {
    <# POST /__emulator/reset: zero the statistics and refill the rate-limit buckets. #>
    param([Parameter(Mandatory)] [string] $Endpoint)
    $noProxy = Get-NoProxyParameter
    Invoke-RestMethod -Method Post -Uri ($Endpoint.TrimEnd('/') + '/__emulator/reset') @noProxy | Out-Null
}

function Get-NoProxyParameter {
    <# @{ NoProxy = $true } where Invoke-RestMethod has -NoProxy (PowerShell 6+); Windows PowerShell 5.1 skips the proxy for 127.0.0.1 anyway. #>
    if ((Get-Command Invoke-RestMethod).Parameters.ContainsKey('NoProxy')) { @{ NoProxy = $true } } else { @{} }
}

function Get-PwshCommand {
    <#
    The PowerShell that runs these tests as an executable and its leading arguments: pwsh, the dotnet tool
    (dotnet + pwsh.dll, from STRATUSSCAN_PWSH when build.ps1 started the run), or powershell.exe under 5.1.
    #>
    if ($env:STRATUSSCAN_PWSH) { return @($env:STRATUSSCAN_PWSH -split [char]0x1f) }
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    @($process)
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

function Enter-IsolatedAwsEnvironment {
    <#
    .SYNOPSIS
        Clears every AWS setting a test file must not inherit from the machine (the user's credentials and config
        files, profile, Region, keys, endpoints, instance and container credentials); returns what
        Exit-IsolatedAwsEnvironment restores. -TestDrive is Pester's $TestDrive (the files named there do not exist).
    #>
    param([Parameter(Mandatory)] [string] $TestDrive)
    $isolation = @{
        AWS_SHARED_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-credentials'); AWS_CONFIG_FILE = (Join-Path $TestDrive 'no-config')
        AWS_EC2_METADATA_DISABLED = 'true'; AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null
        AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SESSION_TOKEN = $null; AWS_ENDPOINT_URL = $null
        AWS_ENDPOINT_URL_DATASYNC = $null; AWS_ENDPOINT_URL_STS = $null; AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = $null
        AWS_CONTAINER_CREDENTIALS_FULL_URI = $null; AWS_WEB_IDENTITY_TOKEN_FILE = $null
    }
    $saved = @{}
    foreach ($key in $isolation.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        Set-TestEnvironmentVariable $key $isolation[$key]
    }
    $saved
}

function Exit-IsolatedAwsEnvironment {
    <# Restores what Enter-IsolatedAwsEnvironment saved. #>
    param([hashtable] $Saved)
    if (-not $Saved) { return }
    foreach ($key in $Saved.Keys) { Set-TestEnvironmentVariable $key $Saved[$key] }
}

function New-TestRoot {
    <# A new empty folder under the temp folder for everything a test file writes; New-TestFolder makes folders in it. #>
    param([Parameter(Mandatory)] [string] $Name)
    $script:TestRoot = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-{0}-{1}" -f $Name, [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:TestRoot | Out-Null
    $script:TestRoot
}

function New-TestFolder {
    <# A new folder in the test root (New-TestRoot), named after -Name. #>
    param([Parameter(Mandatory)] [string] $Name)
    if (-not $script:TestRoot) { throw 'New-TestRoot first.' }
    $path = Join-Path $script:TestRoot ('{0}-{1}' -f $Name, [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $path | Out-Null
    $path
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

function Read-Workbook {
    <#
    Every sheet (in order) as rows of typed values read by ExcelDataReader; row 0 is the sheet's row 1.
    The caller loads ExcelDataReader (Add-Type) and registers the code-pages encoding provider first.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $stream = [IO.File]::OpenRead($Path)
    try {
        $reader = [ExcelDataReader.ExcelReaderFactory]::CreateReader($stream)
        $book = [ordered]@{}
        do {
            $rows = [Collections.Generic.List[object]]::new()
            while ($reader.Read()) {
                $values = [object[]]::new($reader.FieldCount)
                for ($i = 0; $i -lt $values.Length; $i++) { if (-not $reader.IsDBNull($i)) { $values[$i] = $reader.GetValue($i) } }
                $rows.Add($values)
            }
            $book[$reader.Name] = $rows
        } while ($reader.NextResult())
        $reader.Dispose()
        $book
    }
    finally { $stream.Dispose() }
}

Export-ModuleMember -Function Get-NoProxyParameter, Get-PwshCommand, Read-Workbook, Enter-IsolatedAwsEnvironment, Exit-IsolatedAwsEnvironment, New-TestRoot, New-TestFolder, Get-TestModulePath, Get-RepoRoot, Get-NuGetPackageRoot, Invoke-ChildPwsh, Get-EmulatorDllPath, Get-EmulatorCredential,
    Start-TestEmulator, Stop-TestEmulator, Get-EmulatorStats, Reset-EmulatorStats, Get-EmulatorCallCount, Use-TestEnvironment, Set-TestEnvironmentVariable, ConvertFrom-EpochSeconds
