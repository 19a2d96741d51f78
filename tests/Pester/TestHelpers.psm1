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

function Get-WorkbookColumn {
    <#
    .SYNOPSIS
        The columns of a data sheet as the module defines them: the one list the workbook writer reads
        (StratusScan.DataSync.Report.SheetColumns in the engine), as objects with Header, Kind and Value (the engine's
        function of a row object: $column.Value.Invoke($task)).
    .DESCRIPTION
        Read from the engine assembly the module under test has loaded (import it and run one of its cmdlets first).
        -Sheet: Tasks (also Active Tasks), Locations, Agents, Executions (Recent and Failed Executions). -Tags: the
        columns when tags were collected (Tasks, Locations and Agents gain a Tags column).
    #>
    param([Parameter(Mandatory)] [ValidateSet('Tasks', 'Locations', 'Agents', 'Executions')] [string] $Sheet, [switch] $Tags)
    $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'StratusScan.DataSync.Engine' })
    if ($engine.Count -eq 0) { throw 'The module''s engine is not loaded: import the module and run one of its cmdlets first.' }
    $type = $engine[0].GetType('StratusScan.DataSync.Report.SheetColumns', $true)
    $flags = [Reflection.BindingFlags]'Public, NonPublic, Static'
    $field = $type.GetField($(if ($Tags) { $Sheet + 'WithTags' } else { $Sheet }), $flags)
    if (-not $field) { throw "The engine's SheetColumns has no column list '$Sheet'." }
    foreach ($column in $field.GetValue($null)) {
        # The column type is internal to the engine: its properties are read through reflection.
        $columnType = $column.GetType()
        [pscustomobject]@{
            Header = [string]$columnType.GetProperty('Header').GetValue($column)
            Kind   = [string]$columnType.GetProperty('Kind').GetValue($column)
            Value  = $columnType.GetProperty('Value').GetValue($column)
        }
    }
}

function Import-WorkbookReader {
    <#
    Loads ExcelDataReader (the independent reader Read-Workbook uses) from the NuGet cache, where
    tests/tools/TestTools.csproj restores it, and registers the code-page encodings it needs where the runtime
    does not have them built in (.NET; Windows PowerShell's .NET Framework has them).
    #>
    $path = Join-Path (Get-NuGetPackageRoot) 'exceldatareader/3.6.0/lib/netstandard2.0/ExcelDataReader.dll'
    if (-not (Test-Path $path)) { throw "$path is missing: dotnet restore tests/tools/TestTools.csproj downloads it." }
    Add-Type -Path $path
    $provider = 'System.Text.CodePagesEncodingProvider' -as [type]
    if ($provider) { [Text.Encoding]::RegisterProvider($provider::Instance) }
}

function Read-Workbook {
    <#
    Every sheet (in order) as rows of typed values read by ExcelDataReader; row 0 is the sheet's row 1.
    The caller runs Import-WorkbookReader first.
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

function Start-FaultyEmulator {
    <#
    .SYNOPSIS
        A second emulator serving the dataset file of -Source (started with Start-TestEmulator -DumpDataset) with the
        fault flags given; returns it (Emulator) and a copy of -Conn pointing at it (Conn).
    #>
    param([Parameter(Mandatory)] $Source, [Parameter(Mandatory)] [hashtable] $Conn, [string[]] $Faults = @())
    if (-not $Source.DatasetPath) { throw 'Start-FaultyEmulator needs an emulator started with -DumpDataset as its -Source.' }
    $emulator = Start-TestEmulator -ArgumentList (@('--dataset', $Source.DatasetPath) + $Faults)
    $faultyConn = $Conn.Clone()
    $faultyConn.EndpointUrl = $emulator.Endpoint
    [pscustomobject]@{ Emulator = $emulator; Conn = $faultyConn }
}

function Get-Headers {
    <# The header row (row 1) of a sheet read with Read-Workbook, without the empty cells. #>
    param($Rows)
    @($Rows[0] | Where-Object { $null -ne $_ })
}

function Get-Column {
    <# The data cells of one column (by header) of a sheet read with Read-Workbook. #>
    param($Rows, [string] $Header)
    $index = [array]::IndexOf($Rows[0], $Header)
    if ($index -lt 0) { throw "No column '$Header' (headers: $(@($Rows[0] | Where-Object { $null -ne $_ }) -join ', '))." }
    for ($r = 1; $r -lt $Rows.Count; $r++) { , $(if ($index -lt $Rows[$r].Length) { $Rows[$r][$index] } else { $null }) }
}

function Find-SummaryRow {
    <# The index of the Summary row whose column A is -Section (case-sensitive); throws when there is none. #>
    param($Rows, [string] $Section)
    for ($i = 0; $i -lt $Rows.Count; $i++) { if ($Rows[$i].Length -gt 0 -and $Rows[$i][0] -ceq $Section) { return $i } }
    throw "The Summary has no section '$Section'."
}

function Get-SummaryLabel {
    <# Column B of the Summary row labelled -Label. #>
    param($Rows, [string] $Label)
    $Rows[(Find-SummaryRow $Rows $Label)][1]
}

function Get-SummaryBlock {
    <# Label (column A) -> value (column B) of the Summary rows after a section title (none: after the title) up to a blank row. #>
    param($Rows, [string] $Section)
    $start = 2
    if ($Section) { $start = (Find-SummaryRow $Rows $Section) + 1 }
    $block = [ordered]@{}
    for ($i = $start; $i -lt $Rows.Count; $i++) {
        $row = $Rows[$i]
        if (-not ($row | Where-Object { $null -ne $_ })) { break }
        $block[[string]$row[0]] = if ($row.Length -gt 1) { $row[1] } else { $null }
    }
    $block
}

function Get-SummaryTable {
    <#
    The table under a Summary section title: objects with the table's headers as properties. Nothing when the row
    under the title is a sentence (one cell: 'None.', or the Scan Issues' "no issues" text) instead of headers.
    #>
    param($Rows, [string] $Section)
    $start = (Find-SummaryRow $Rows $Section) + 1
    $headers = @($Rows[$start] | Where-Object { $null -ne $_ })
    if ($headers.Count -lt 2) { return }
    for ($i = $start + 1; $i -lt $Rows.Count; $i++) {
        $row = $Rows[$i]
        if (-not ($row | Where-Object { $null -ne $_ })) { break }
        $record = [ordered]@{}
        for ($c = 0; $c -lt $headers.Count; $c++) { $record[$headers[$c]] = if ($c -lt $row.Length) { $row[$c] } else { $null } }
        [pscustomobject]$record
    }
}

function Get-InformationText {
    <# The message texts of the information records among -Records (other records are left out). #>
    param($Records)
    @($Records | Where-Object { $_ -is [Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" })
}

function Get-ZipText {
    <# Every part of a zip package (the workbook) as text: objects with Part (its path) and Text. #>
    param([Parameter(Mandatory)] [string] $Path)
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($Path)
    try {
        foreach ($entry in $zip.Entries) {
            $reader = New-Object IO.StreamReader -ArgumentList $entry.Open(), ([Text.Encoding]::UTF8)
            try { [pscustomobject]@{ Part = $entry.FullName; Text = $reader.ReadToEnd() } }
            finally { $reader.Dispose() }
        }
    }
    finally { $zip.Dispose() }
}

function Get-SortedArn {
    <#
    .SYNOPSIS
        Strings (ARNs) in ordinal order, duplicates kept: the Get cmdlets write objects in arrival order, so a test
        compares what they return with what it expects as sorted sets (a missing or repeated object still fails).
    #>
    param([AllowNull()] [AllowEmptyCollection()] [string[]] $Arn)
    [string[]] $sorted = @($Arn | Where-Object { $null -ne $_ })
    [Array]::Sort($sorted, [StringComparer]::Ordinal)
    $sorted
}

function Get-SheetOrder {
    <#
    The ARNs (member -Arn) of -Objects in the order the workbook's data sheets promise, written out independently
    of the module: inventory by account, Region and ARN; -NewestFirst (executions) by start time descending (none
    last), then ARN. Ordinal comparisons throughout.
    #>
    param([Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Objects, [Parameter(Mandatory)] [string] $Arn, [switch] $NewestFirst)
    $keys = [string[]]::new($Objects.Count)
    $arns = [string[]]::new($Objects.Count)
    for ($i = 0; $i -lt $Objects.Count; $i++) {
        $o = $Objects[$i]
        $arns[$i] = [string]$o.$Arn
        $keys[$i] = if ($NewestFirst) {
            $age = if ($null -eq $o.StartTime) { [long]::MaxValue } else { [DateTime]::MaxValue.Ticks - $o.StartTime.ToUniversalTime().Ticks }
            $age.ToString('D19', [Globalization.CultureInfo]::InvariantCulture) + [char]0 + $arns[$i]
        }
        else { [string]$o.AccountId + [char]0 + [string]$o.Region + [char]0 + $arns[$i] }
    }
    [Array]::Sort($keys, $arns, [StringComparer]::Ordinal)
    $arns
}

function Compare-Workbook {
    <#
    Two workbooks read by Read-Workbook, sheet by sheet and cell by cell: the sheet names in order, each sheet's
    row count, and every cell (type and value). -IgnoreSummaryLabel: Summary rows whose label (column A) differs on
    purpose between the two (the caller, the scan time). Nothing when equal, else one line per difference (at most 20).
    #>
    param([Parameter(Mandatory)] $Expected, [Parameter(Mandatory)] $Actual, [string[]] $IgnoreSummaryLabel = @())
    $problems = [Collections.Generic.List[string]]::new()
    $names = @($Expected.Keys)
    if ((@($Actual.Keys) -join '|') -cne ($names -join '|')) { $problems.Add("sheets: $(@($Actual.Keys) -join ', ') instead of $($names -join ', ')") }
    foreach ($name in $names) {
        if (-not $Actual.Contains($name)) { continue }
        $a = $Expected[$name]; $b = $Actual[$name]
        if ($a.Count -ne $b.Count) { $problems.Add("${name}: $($b.Count) rows instead of $($a.Count)"); continue }
        for ($r = 0; $r -lt $a.Count -and $problems.Count -lt 20; $r++) {
            if ($name -eq 'Summary' -and $a[$r].Length -gt 0 -and [string]$a[$r][0] -in $IgnoreSummaryLabel) { continue }
            $width = [Math]::Max($a[$r].Length, $b[$r].Length)
            for ($c = 0; $c -lt $width; $c++) {
                $x = if ($c -lt $a[$r].Length) { $a[$r][$c] } else { $null }
                $y = if ($c -lt $b[$r].Length) { $b[$r][$c] } else { $null }
                $same = if ($null -eq $x -or $null -eq $y) { $null -eq $x -and $null -eq $y } else { $x.GetType() -eq $y.GetType() -and $x.Equals($y) }
                if (-not $same) { $problems.Add("${name} row $($r + 1) column $($c + 1): '$y' instead of '$x'") }
            }
        }
    }
    $problems | Select-Object -First 20
}

Export-ModuleMember -Function Compare-Workbook, Get-SheetOrder, Get-NoProxyParameter, Get-PwshCommand, Read-Workbook, Enter-IsolatedAwsEnvironment, Exit-IsolatedAwsEnvironment, New-TestRoot, New-TestFolder, Get-TestModulePath, Get-RepoRoot, Get-NuGetPackageRoot, Invoke-ChildPwsh, Get-EmulatorDllPath, Get-EmulatorCredential,
    Start-TestEmulator, Stop-TestEmulator, Get-EmulatorStats, Reset-EmulatorStats, Get-EmulatorCallCount, Use-TestEnvironment, Set-TestEnvironmentVariable, ConvertFrom-EpochSeconds,
    Get-WorkbookColumn, Import-WorkbookReader, Start-FaultyEmulator, Get-Headers, Get-Column, Find-SummaryRow, Get-SummaryLabel, Get-SummaryBlock, Get-SummaryTable, Get-InformationText, Get-ZipText, Get-SortedArn
