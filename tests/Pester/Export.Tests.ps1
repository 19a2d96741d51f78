# Tagged CoreOnly: it checks workbooks with the OpenXML SDK's net8.0 validator and ExcelDataReader with the
# code-pages encodings, restored from NuGet for .NET (Core), which Windows PowerShell 5.1 cannot load.
# Export-SSDataSyncReport: the workbook written from the emulator's full dataset, checked with independent
# means - the OpenXML SDK's validator, ExcelDataReader (every cell against the source objects, types included) and
# ImportExcel - plus the Summary's counts, the pipeline mode, the file-name rules, the config file, the output
# errors, -WhatIf, cancellation while writing, the log file, the banner and a denied operation.

BeforeDiscovery {
    $script:HasImportExcel = [bool](Get-Module -ListAvailable ImportExcel)
    if (-not $script:HasImportExcel) {
        Write-Warning 'ImportExcel is not on PSModulePath (build.ps1 puts it there when ../shared/modules/ImportExcel exists): the ImportExcel interop tests of Export.Tests.ps1 are skipped.'
    }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    # Everything the tests write (workbooks, logs/, output/) goes under one folder, the current location meanwhile.
    $script:Root = New-TestRoot export
    Push-Location -LiteralPath $script:Root

    # The independent readers: the OpenXML SDK (validator) and ExcelDataReader, from the NuGet cache
    # (tests/tools/TestTools.csproj downloads them). The module keeps its own OpenXml in its load context, so this
    # copy in the default context does not meet it.
    $nuget = Get-NuGetPackageRoot
    $libraries = @(
        'documentformat.openxml.framework/3.3.0/lib/net8.0/DocumentFormat.OpenXml.Framework.dll'
        'documentformat.openxml/3.3.0/lib/net8.0/DocumentFormat.OpenXml.dll'
    )
    foreach ($library in $libraries) {
        $file = Join-Path $nuget $library
        if (-not (Test-Path $file)) { throw "$file is missing: dotnet restore tests/tools/TestTools.csproj downloads it." }
        Add-Type -Path $file
    }
    Import-WorkbookReader

    $script:Marker = " [... truncated: cell text exceeded Excel's 32,767-character limit]"
    $script:Today = (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture)

    # The dataset of the inventory tests: every location type, option value and status, and the awkward strings
    # (names starting with '=', an ErrorDetail of =HYPERLINK(...), texts over 32,767 characters).
    $script:RegionNames = @('us-east-1', 'eu-west-1')
    $spec = 'regions={0},tasks=16,locations=3,agents=5,executions=8,days=45,seed=12,now={1}' -f ($script:RegionNames -join ';'), [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $script:Credential = Get-EmulatorCredential
    $script:Conn = @{ Region = $script:RegionNames; AccessKey = $script:Credential.AccessKey; SecretKey = $script:Credential.SecretKey; EndpointUrl = $script:Emulator.Endpoint }
    $script:ConnNoRegion = @{ AccessKey = $script:Credential.AccessKey; SecretKey = $script:Credential.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    # One window for the objects and the workbook, so both hold the same executions.
    $script:Since = [DateTime]::UtcNow.AddDays(-30)
    $script:Tasks = @(Get-SSDataSyncTask @Conn)
    $script:Locations = @(Get-SSDataSyncLocation @Conn)
    $script:Agents = @(Get-SSDataSyncAgent @Conn)
    $script:Executions = @(Get-SSDataSyncExecution @Conn -Since $script:Since)

    # The full export (scan mode), run once; several Describe blocks read it.
    $script:FullFolder = New-TestFolder full
    $script:FullPath = Join-Path $script:FullFolder 'full.xlsx'
    Push-Location -LiteralPath $script:FullFolder
    try {
        $script:FullInfo = $null
        $script:FullErrors = $null
        $script:FullWarnings = $null
        $script:FullResult = @(Export-SSDataSyncReport @Conn -Since $script:Since -Path $script:FullPath -PassThru `
                -InformationVariable script:FullInfo -ErrorVariable script:FullErrors -WarningVariable script:FullWarnings -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
    }
    finally { Pop-Location }

    # What each data sheet's columns hold: the module's one column list (the engine's, which the writer reads), as
    # header -> the engine's function of the source object. The spot checks below tie literal headers to the members
    # they must show, written here independently of that list: header -> the object's member, or a script block of it.
    function script:Get-ColumnMap([string] $Sheet) {
        $map = [ordered]@{}
        foreach ($column in Get-WorkbookColumn -Sheet $Sheet) { $map[$column.Header] = $column.Value }
        $map
    }
    $script:TaskColumns = Get-ColumnMap Tasks
    $script:LocationColumns = Get-ColumnMap Locations
    $script:AgentColumns = Get-ColumnMap Agents
    $script:ExecutionColumns = Get-ColumnMap Executions
    $script:SpotChecks = @{
        Tasks      = [ordered]@{
            'Task Name' = 'Name'; 'Task ARN' = 'TaskArn'; 'Status' = 'Status'; 'Creation Time (UTC)' = 'CreationTime'
            'Include Pattern Count' = { param($o) @($o.IncludePatterns).Count }; 'Exclude Filters' = { param($o) @($o.ExcludePatterns) -join '|' }
            'Error Detail' = 'ErrorDetail'; 'Account Name' = 'AccountName'
        }
        Locations  = [ordered]@{
            'Location ARN' = 'LocationArn'; 'Location URI' = 'LocationUri'; 'Server Port' = 'ServerPort'
            'Security Group ARNs' = { param($o) @($o.SecurityGroupArns) -join '; ' }; 'Agent ARNs' = { param($o) @($o.AgentArns) -join '; ' }
        }
        Agents     = [ordered]@{
            'Agent ARN' = 'AgentArn'; 'Last Heartbeat (UTC)' = 'LastConnectionTime'
            'Private Link Subnet ARN' = { param($o) @($o.SubnetArns) | Select-Object -First 1 }; 'Account ID' = 'AccountId'
        }
        Executions = [ordered]@{
            'Task Execution ARN' = 'TaskExecutionArn'; 'Task Name' = 'TaskName'; 'Start Time (UTC)' = 'StartTime'; 'Duration' = 'TotalDuration'
            'Bytes Transferred' = 'BytesTransferred'; 'Files Failed' = 'FilesFailed'
        }
    }

    function script:Test-Cell {
        <# Nothing when the cell read back equals the source value (text, double, DateTime, TimeSpan), else the problem. #>
        param($Expected, $Actual, [string] $Where)
        if ($Expected -is [string] -and $Expected.Length -eq 0) { $Expected = $null }
        if ($null -eq $Expected) {
            if ($null -ne $Actual) { "${Where}: expected empty, got '$Actual'" }
            return
        }
        if ($Expected -is [string]) {
            if ($Expected.Length -gt 32767) {
                $keep = 32767 - $script:Marker.Length
                if ([char]::IsHighSurrogate($Expected[$keep - 1])) { $keep-- }
                $Expected = $Expected.Substring(0, $keep) + $script:Marker
            }
            if ($Actual -isnot [string] -or -not $Actual.Equals($Expected)) {
                $shown = "$Actual"; if ($shown.Length -gt 80) { $shown = $shown.Substring(0, 80) + "...($($shown.Length))" }
                $want = $Expected; if ($want.Length -gt 80) { $want = $want.Substring(0, 80) + "...($($want.Length))" }
                "${Where}: '$shown' ($(if ($null -ne $Actual) { $Actual.GetType().Name })) != '$want'"
            }
            return
        }
        if ($Expected -is [DateTime]) {
            if ($Actual -isnot [DateTime] -or [Math]::Abs(($Actual - $Expected).TotalMilliseconds) -gt 1) { "${Where}: $Actual != $($Expected.ToString('o'))" }
            return
        }
        if ($Expected -is [TimeSpan]) {
            $span = if ($Actual -is [DateTime]) { $Actual - [DateTime]::FromOADate(0) } elseif ($Actual -is [double]) { [TimeSpan]::FromDays($Actual) } else { $Actual }
            if ($span -isnot [TimeSpan] -or [Math]::Abs(($span - $Expected).TotalMilliseconds) -gt 1) { "${Where}: $Actual != $Expected" }
            return
        }
        if ($Expected -is [int] -or $Expected -is [long] -or $Expected -is [double]) {
            if ($Actual -isnot [double] -or $Actual -ne [double]$Expected) { "${Where}: $Actual ($(if ($null -ne $Actual) { $Actual.GetType().Name })) != $Expected (a number)" }
            return
        }
        "${Where}: the source value's type $($Expected.GetType().FullName) is not one the test knows"
    }

    function script:Compare-Sheet {
        <#
        Every cell of a data sheet against the objects: headers, row count, and each row found by its key column.
        -Subset: the columns are some of the sheet's (spot checks), so the header row is not compared as a whole.
        #>
        param($Rows, [Collections.Specialized.OrderedDictionary] $Columns, [object[]] $Objects, [string] $KeyHeader, [string] $Sheet, [switch] $Subset)
        $headers = Get-Headers $Rows
        if ($Subset) {
            foreach ($header in $Columns.Keys) { if ($header -cnotin $headers) { "${Sheet}: no column '$header'" } }
        }
        elseif (($headers -join '|') -cne (@($Columns.Keys) -join '|')) { "${Sheet}: headers $($headers -join ', ')" }
        if ($Rows.Count - 1 -ne $Objects.Count) { "${Sheet}: $($Rows.Count - 1) rows for $($Objects.Count) objects" }
        $keyIndex = [array]::IndexOf($Rows[0], $KeyHeader)
        $byKey = @{}
        for ($r = 1; $r -lt $Rows.Count; $r++) { $byKey[[string]$Rows[$r][$keyIndex]] = $r }
        $keyMember = $Columns[$KeyHeader]
        $keyOf = { param($o) if ($keyMember -is [Delegate]) { $keyMember.Invoke($o) } else { $o.$keyMember } }
        if ($Objects.Count -gt 0) {
            $members = $Objects[0].PSObject.Properties.Name
            foreach ($header in $Columns.Keys) {
                if ($Columns[$header] -is [string] -and $Columns[$header] -notin $members) { "${Sheet}: the objects have no member $($Columns[$header]) for '$header'" }
            }
        }
        foreach ($object in $Objects) {
            $key = & $keyOf $object
            if (-not $byKey.ContainsKey($key)) { "${Sheet}: no row for $key"; continue }
            $r = $byKey[$key]
            $row = $Rows[$r]
            foreach ($header in $Columns.Keys) {
                $member = $Columns[$header]
                $expected = if ($member -is [scriptblock]) { & $member $object } elseif ($member -is [Delegate]) { $member.Invoke($object) } else { $object.$member }
                $index = [array]::IndexOf($Rows[0], $header)
                $actual = if ($index -ge 0 -and $index -lt $row.Length) { $row[$index] } else { $null }
                Test-Cell -Expected $expected -Actual $actual -Where ('{0}!{1} row {2} ({3})' -f $Sheet, $header, ($r + 1), $key)
            }
        }
    }

    $script:Book = Read-Workbook $script:FullPath
}

AfterAll {
    Pop-Location
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) {
        Get-ChildItem -LiteralPath $script:Root -Recurse -Directory | ForEach-Object { try { $_.UnixFileMode = 'UserRead, UserWrite, UserExecute' } catch { } }
        Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    }
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The full workbook' -Tag 'CoreOnly' {
    It 'was written with -PassThru giving its FileInfo, and no error' {
        $script:FullErrors | Should -BeNullOrEmpty
        $script:FullResult.Count | Should -Be 1
        $script:FullResult[0] | Should -BeOfType [IO.FileInfo]
        $script:FullResult[0].FullName | Should -Be $script:FullPath
        $script:FullResult[0].Exists | Should -BeTrue
        Get-ChildItem -LiteralPath $script:FullFolder -Filter '.~*' -Force | Should -BeNullOrEmpty -Because 'the temporary file was renamed'
    }

    It 'has no error by the OpenXML SDK validator' {
        $document = [DocumentFormat.OpenXml.Packaging.SpreadsheetDocument]::Open($script:FullPath, $false)
        try {
            $validator = [DocumentFormat.OpenXml.Validation.OpenXmlValidator]::new([DocumentFormat.OpenXml.FileFormatVersions]::Office2019)
            $problems = @($validator.Validate($document) | ForEach-Object { '{0} at {1} ({2}): {3}' -f $_.Part.Uri, $_.Path.XPath, $_.ErrorType, $_.Description })
        }
        finally { $document.Dispose() }
        $problems | Should -BeNullOrEmpty
    }

    It 'has the seven sheets in order' {
        @($script:Book.Keys) | Should -Be @('Summary', 'Tasks', 'Locations', 'Agents', 'Recent Executions', 'Active Tasks', 'Failed Executions')
    }

    It 'holds every task, cell by cell, as Get-SSDataSyncTask gives it' {
        Compare-Sheet -Rows $script:Book['Tasks'] -Columns $script:TaskColumns -Objects $script:Tasks -KeyHeader 'Task ARN' -Sheet Tasks | Should -BeNullOrEmpty
    }

    It 'holds every location, cell by cell, as Get-SSDataSyncLocation gives it' {
        Compare-Sheet -Rows $script:Book['Locations'] -Columns $script:LocationColumns -Objects $script:Locations -KeyHeader 'Location ARN' -Sheet Locations | Should -BeNullOrEmpty
    }

    It 'holds every agent, cell by cell, as Get-SSDataSyncAgent gives it' {
        Compare-Sheet -Rows $script:Book['Agents'] -Columns $script:AgentColumns -Objects $script:Agents -KeyHeader 'Agent ARN' -Sheet Agents | Should -BeNullOrEmpty
    }

    It 'holds every execution of the window, cell by cell, as Get-SSDataSyncExecution gives it' {
        $script:Executions.Count | Should -BeGreaterThan 0
        Compare-Sheet -Rows $script:Book['Recent Executions'] -Columns $script:ExecutionColumns -Objects $script:Executions -KeyHeader 'Task Execution ARN' -Sheet 'Recent Executions' | Should -BeNullOrEmpty
    }

    It 'shows on <Sheet> the task mode, end time, estimates, files listed and prepared, folders transferred and failed' -ForEach @(
        @{ Sheet = 'Recent Executions' }, @{ Sheet = 'Failed Executions' }
    ) {
        $headers = @($script:Book[$Sheet][0] | Where-Object { $null -ne $_ })
        foreach ($h in 'Task Mode', 'End Time (UTC)', 'Files Estimated', 'Bytes Estimated', 'Files Listed', 'Files Prepared', 'Folders Transferred', 'Folders Failed') {
            $headers | Should -Contain $h
        }
        $mode = [Array]::IndexOf($headers, 'Task Mode')
        $arn = [Array]::IndexOf($headers, 'Task Execution ARN')
        $enhanced = @($script:Executions | Where-Object TaskMode -eq 'ENHANCED')
        if ($Sheet -eq 'Recent Executions' -and $enhanced.Count -gt 0) {
            $row = @($script:Book[$Sheet] | Where-Object { $_[$arn] -eq $enhanced[0].TaskExecutionArn })[0]
            $row[$mode] | Should -Be 'ENHANCED'
            $row[[Array]::IndexOf($headers, 'Folders Transferred')] | Should -Be $enhanced[0].FoldersTransferred
        }
    }

    It 'shows in the spot-checked columns of <Sheet> the members named for them (independently of the module''s column list)' -ForEach @(
        @{ Sheet = 'Tasks'; Book = 'Tasks'; Objects = 'Tasks'; Key = 'Task ARN' }
        @{ Sheet = 'Locations'; Book = 'Locations'; Objects = 'Locations'; Key = 'Location ARN' }
        @{ Sheet = 'Agents'; Book = 'Agents'; Objects = 'Agents'; Key = 'Agent ARN' }
        @{ Sheet = 'Executions'; Book = 'Recent Executions'; Objects = 'Executions'; Key = 'Task Execution ARN' }
    ) {
        $objects = @((Get-Variable -Scope Script -Name $Objects).Value)
        $objects.Count | Should -BeGreaterThan 0
        Compare-Sheet -Rows $script:Book[$Book] -Columns $script:SpotChecks[$Sheet] -Objects $objects -KeyHeader $Key -Sheet $Book -Subset | Should -BeNullOrEmpty
    }

    It 'has data sheets that start and end with the columns the help documents' {
        (Get-Headers $script:Book['Tasks'])[0..2] | Should -Be @('Task Name', 'Task ARN', 'Status')
        (Get-Headers $script:Book['Locations'])[0..2] | Should -Be @('Location ARN', 'Location Type', 'Location URI')
        (Get-Headers $script:Book['Agents'])[0..1] | Should -Be @('Agent Name', 'Agent ARN')
        (Get-Headers $script:Book['Recent Executions'])[0..1] | Should -Be @('Task Execution ARN', 'Task ARN')
        foreach ($sheet in 'Tasks', 'Locations', 'Agents', 'Recent Executions', 'Active Tasks', 'Failed Executions') {
            (Get-Headers $script:Book[$sheet])[-2..-1] | Should -Be @('Account ID', 'Account Name') -Because "$sheet ends with the row's account"
        }
    }

    It 'has the AVAILABLE tasks on Active Tasks and the ERROR executions on Failed Executions' {
        $available = @($script:Tasks | Where-Object Status -eq 'AVAILABLE')
        $failed = @($script:Executions | Where-Object Status -eq 'ERROR')
        $available.Count | Should -BeGreaterThan 0
        $failed.Count | Should -BeGreaterThan 0
        Compare-Sheet -Rows $script:Book['Active Tasks'] -Columns $script:TaskColumns -Objects $available -KeyHeader 'Task ARN' -Sheet 'Active Tasks' | Should -BeNullOrEmpty
        Compare-Sheet -Rows $script:Book['Failed Executions'] -Columns $script:ExecutionColumns -Objects $failed -KeyHeader 'Task Execution ARN' -Sheet 'Failed Executions' | Should -BeNullOrEmpty
    }

    It 'writes text from AWS as text: =HYPERLINK(...) error details and names starting with = are no formulas' {
        $document = [DocumentFormat.OpenXml.Packaging.SpreadsheetDocument]::Open($script:FullPath, $false)
        try {
            $workbook = $document.WorkbookPart
            $formats = @($workbook.WorkbookStylesPart.Stylesheet.CellFormats.ChildElements)
            $formulas = 0
            $formulaLike = [Collections.Generic.List[object]]::new()
            foreach ($sheet in $workbook.Workbook.Sheets.ChildElements) {
                $part = $workbook.GetPartById($sheet.Id.Value)
                foreach ($cell in $part.Worksheet.Descendants[DocumentFormat.OpenXml.Spreadsheet.Cell]()) {
                    if ($null -ne $cell.CellFormula) { $formulas++ }
                    $text = $cell.InnerText
                    # Text cells (numbers such as -1 have no type) that Excel would take for a formula if typed.
                    if ($null -ne $cell.DataType -and $text -match '^[=+@-]') {
                        # (An OpenXmlElement enumerates its children: assign it directly, never through a pipeline or
                        # an if statement's output, and test it against $null, not as a boolean.)
                        $style = $null
                        if ($null -ne $cell.StyleIndex) { $style = $formats[[int]$cell.StyleIndex.Value] }
                        $formulaLike.Add([pscustomobject]@{
                                Sheet = $sheet.Name.Value; Cell = $cell.CellReference.Value; Text = $text
                                Type = $cell.DataType.InnerText
                                QuotePrefix = [bool]($null -ne $style -and $null -ne $style.QuotePrefix -and $style.QuotePrefix.Value)
                            })
                    }
                }
            }
        }
        finally { $document.Dispose() }
        $formulas | Should -Be 0
        @($formulaLike | Where-Object { $_.Sheet -eq 'Recent Executions' -and $_.Text -like '=HYPERLINK(*' }) | Should -Not -BeNullOrEmpty -Because 'the dataset has an ErrorDetail of =HYPERLINK(...)'
        @($formulaLike | Where-Object { $_.Sheet -eq 'Tasks' -and $_.Text -like '=*' -and $_.Cell -like 'A*' }) | Should -Not -BeNullOrEmpty -Because 'the dataset has a task name starting with ='
        $notText = @($formulaLike | Where-Object { $_.Type -notin 'inlineStr', 's' -or -not $_.QuotePrefix } | ForEach-Object { "$($_.Sheet)!$($_.Cell) type $($_.Type) quotePrefix $($_.QuotePrefix)" })
        $notText | Should -BeNullOrEmpty

        # And a reader gets the text itself.
        $details = @(Get-Column $script:Book['Recent Executions'] 'Error Detail' | Where-Object { $_ -like '=HYPERLINK(*' })
        $details | Should -Not -BeNullOrEmpty
        $details | ForEach-Object { $_ | Should -BeOfType [string] }
        $names = @(Get-Column $script:Book['Tasks'] 'Task Name' | Where-Object { $_ -like '=*' })
        $byArn = @{}; foreach ($task in $script:Tasks) { $byArn[$task.TaskArn] = $task }
        $names | Should -Be @(Get-SheetOrder -Objects $script:Tasks -Arn TaskArn | ForEach-Object { $byArn[$_].Name } | Where-Object { $_ -like '=*' }) -Because 'the Tasks sheet is sorted by account, Region and ARN'
    }

    It 'reports the cut cells as a warning' {
        @($script:FullWarnings | Where-Object { "$_" -match "cell\(s\) held more than Excel's 32,767 characters" }) | Should -HaveCount 1
    }
}

Describe 'The Summary of the full workbook' -Tag 'CoreOnly' {
    BeforeAll {
        $script:Summary = $script:Book['Summary']
    }

    It 'names the account, partition, Regions, window and says the data is complete' {
        $head = Get-SummaryBlock $script:Summary
        $head['Account ID'] | Should -Be $script:Credential.AccountId
        $head['Account Name'] | Should -Be $script:Credential.AccountId
        $head['Partition'] | Should -Be 'AWS Commercial'
        $head['Regions Scanned'] | Should -Be ($script:RegionNames -join ', ')
        $head['Scan Time (UTC)'] | Should -BeOfType [DateTime]
        [Math]::Abs(($head['Scan Time (UTC)'] - [DateTime]::UtcNow).TotalMinutes) | Should -BeLessThan 10
        $head['Execution Window'] | Should -Match ([regex]::Escape($script:Since.ToString('yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)))
        $head['Data Complete'] | Should -BeLike 'Yes*'
    }

    It 'names the caller (sts:GetCallerIdentity) and the module version in a single-account workbook' {
        $head = Get-SummaryBlock $script:Summary
        $head['Scanned As'] | Should -BeLike "arn:aws:*::$($script:Credential.AccountId):*"
        $head['Generated By'] | Should -Be "StratusScan.DataSync $((Get-Module StratusScan.DataSync).Version)"
    }

    It 'counts the tasks: total, by status, with a schedule' {
        $block = Get-SummaryBlock $script:Summary 'Tasks'
        $block['Total'] | Should -Be $script:Tasks.Count
        foreach ($group in $script:Tasks | Group-Object Status) { $block[$group.Name] | Should -Be $group.Count -Because "$($group.Name) tasks" }
        foreach ($status in 'AVAILABLE', 'CREATING', 'QUEUED', 'RUNNING', 'UNAVAILABLE') { $block[$status] | Should -Be @($script:Tasks | Where-Object Status -eq $status).Count }
        $block['With a Schedule'] | Should -Be @($script:Tasks | Where-Object { $_.ScheduleExpression }).Count
    }

    It 'counts the locations: total and by type' {
        $block = Get-SummaryBlock $script:Summary 'Locations'
        $block['Total'] | Should -Be $script:Locations.Count
        foreach ($group in $script:Locations | Group-Object LocationType) { $block[$group.Name] | Should -Be $group.Count -Because "$($group.Name) locations" }
    }

    It 'counts the agents: total, ONLINE and OFFLINE' {
        $block = Get-SummaryBlock $script:Summary 'Agents'
        $block['Total'] | Should -Be $script:Agents.Count
        $block['ONLINE'] | Should -Be @($script:Agents | Where-Object Status -eq 'ONLINE').Count
        $block['OFFLINE'] | Should -Be @($script:Agents | Where-Object Status -eq 'OFFLINE').Count
    }

    It 'counts the executions in the window: total, SUCCESS, ERROR, in progress, and the bytes' {
        $block = Get-SummaryBlock $script:Summary 'Executions in the Window'
        $e = $script:Executions
        $block['Total'] | Should -Be $e.Count
        $block['SUCCESS'] | Should -Be @($e | Where-Object Status -eq 'SUCCESS').Count
        $block['ERROR'] | Should -Be @($e | Where-Object Status -eq 'ERROR').Count
        $block['In Progress'] | Should -Be @($e | Where-Object Status -in 'QUEUED', 'LAUNCHING', 'PREPARING', 'TRANSFERRING', 'VERIFYING').Count
        $block['Bytes Transferred'] | Should -Be ([double](($e | Measure-Object BytesTransferred -Sum).Sum))
        $block['Bytes Transferred'] | Should -BeOfType [double] -Because 'bytes are numbers, not text'
    }

    It 'breaks the counts down by Region' {
        $rows = @(Get-SummaryTable $script:Summary 'By Region')
        $rows.Region | Should -Be $script:RegionNames
        foreach ($row in $rows) {
            $r = $row.Region
            $row.Tasks | Should -Be @($script:Tasks | Where-Object Region -eq $r).Count
            $row.Locations | Should -Be @($script:Locations | Where-Object Region -eq $r).Count
            $row.Agents | Should -Be @($script:Agents | Where-Object Region -eq $r).Count
            $row.Executions | Should -Be @($script:Executions | Where-Object Region -eq $r).Count
            $row.'Failed Executions' | Should -Be @($script:Executions | Where-Object { $_.Region -eq $r -and $_.Status -eq 'ERROR' }).Count
            $row.'Bytes Transferred' | Should -Be ([double](($script:Executions | Where-Object Region -eq $r | Measure-Object BytesTransferred -Sum).Sum))
        }
    }

    It 'has counts equal to the data sheets' {
        (Get-SummaryBlock $script:Summary 'Tasks')['Total'] | Should -Be ($script:Book['Tasks'].Count - 1)
        (Get-SummaryBlock $script:Summary 'Tasks')['AVAILABLE'] | Should -Be ($script:Book['Active Tasks'].Count - 1)
        (Get-SummaryBlock $script:Summary 'Locations')['Total'] | Should -Be ($script:Book['Locations'].Count - 1)
        (Get-SummaryBlock $script:Summary 'Agents')['Total'] | Should -Be ($script:Book['Agents'].Count - 1)
        (Get-SummaryBlock $script:Summary 'Executions in the Window')['Total'] | Should -Be ($script:Book['Recent Executions'].Count - 1)
        (Get-SummaryBlock $script:Summary 'Executions in the Window')['ERROR'] | Should -Be ($script:Book['Failed Executions'].Count - 1)
    }

    It 'lists no scan issue' {
        $index = Find-SummaryRow $script:Summary 'Scan Issues'
        $script:Summary[$index][1] | Should -Be 0
        $script:Summary[$index + 1][0] | Should -Be 'The scan had no issues: the data is complete.'
    }
}

Describe 'The console, the log file and secrets' -Tag 'CoreOnly' {
    It 'writes the banner and the closing lines on the information stream' {
        $lines = Get-InformationText $script:FullInfo
        $lines | Should -Contain "Account ID: $($script:Credential.AccountId)"
        $lines | Should -Contain "Account Name: $($script:Credential.AccountId)"
        $lines | Should -Contain 'Environment: AWS Commercial'
        ($lines -join "`n") | Should -Match ('Collection complete:\s+Tasks: {0}\s+Locations: {1}\s+Agents: {2}' -f $script:Tasks.Count, $script:Locations.Count, $script:Agents.Count)
        $lines | Should -Contain "AWS DataSync data exported successfully! File location: $($script:FullPath)"
    }

    It 'writes logs/logs-datasync-export-MM.DD.YYYY-HHMM.log beside the workbook, without the secret key' {
        $logs = @(Get-ChildItem -LiteralPath (Join-Path $script:FullFolder 'logs') -File)
        $logs.Count | Should -Be 1
        $logs[0].Name | Should -Match '^logs-datasync-export-\d{2}\.\d{2}\.\d{4}-\d{4}\.log$'
        $logs[0].Name.Substring(21, 10) | Should -Be $script:Today
        $text = Get-Content -Raw -LiteralPath $logs[0].FullName
        $text | Should -Match ([regex]::Escape($script:FullPath))
        $text | Should -Match "Account ID: $($script:Credential.AccountId)"
        $text.Contains($script:Credential.SecretKey) | Should -BeFalse
        Get-ChildItem -LiteralPath $script:Root -Recurse -File -Include *.log | ForEach-Object {
            (Get-Content -Raw -LiteralPath $_.FullName).Contains($script:Credential.SecretKey) | Should -BeFalse -Because "$($_.FullName) holds no secret"
        }
    }

    It 'puts no secret in the workbook' {
        $all = foreach ($sheet in $script:Book.Values) { foreach ($row in $sheet) { $row -join "`t" } }
        ($all -join "`n").Contains($script:Credential.SecretKey) | Should -BeFalse
    }
}

Describe 'Pipeline mode' -Tag 'CoreOnly' {
    BeforeAll {
        $script:PipeFolder = New-TestFolder pipe
    }

    It 'writes exactly the tasks piped in, and no location, agent or execution, without an AWS call' {
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $available = @($script:Tasks | Where-Object Status -eq 'AVAILABLE')
        $path = Join-Path $script:PipeFolder 'available.xlsx'
        $script:Tasks | Where-Object Status -eq 'AVAILABLE' | Export-SSDataSyncReport -Path $path -InformationAction Ignore
        (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint).TotalCalls | Should -Be 0
        $book = Read-Workbook $path
        Compare-Sheet -Rows $book['Tasks'] -Columns $script:TaskColumns -Objects $available -KeyHeader 'Task ARN' -Sheet Tasks | Should -BeNullOrEmpty
        Compare-Sheet -Rows $book['Active Tasks'] -Columns $script:TaskColumns -Objects $available -KeyHeader 'Task ARN' -Sheet 'Active Tasks' | Should -BeNullOrEmpty
        foreach ($sheet in 'Locations', 'Agents', 'Recent Executions', 'Failed Executions') { $book[$sheet].Count | Should -Be 1 -Because "$sheet has its header row only" }
        (Get-SummaryBlock $book['Summary'] 'Tasks')['Total'] | Should -Be $available.Count
        # Issue 21 item 5: a kind that was not piped in is "not supplied", not 0.
        (Get-SummaryBlock $book['Summary'] 'Locations')['Total'] | Should -Be 'not supplied'
        (Get-SummaryBlock $book['Summary'] 'Agents')['Total'] | Should -Be 'not supplied'
        (Get-SummaryBlock $book['Summary'] 'Executions in the Window')['Total'] | Should -Be 'not supplied'
        (Get-SummaryBlock $book['Summary'])['Account ID'] | Should -Be $script:Credential.AccountId
    }

    It 'says on Summary which kinds it was given, and makes no finding from data it was not given' {
        $path = Join-Path $script:PipeFolder 'tasks-only.xlsx'
        $script:Tasks | Export-SSDataSyncReport -Path $path -InformationAction Ignore
        $rows = (Read-Workbook $path)['Summary']
        (Get-SummaryBlock $rows)['Data Supplied'] | Should -Be 'Tasks (piped in; not supplied: Locations, Agents, Executions)'
        $rows[(Find-SummaryRow $rows 'Tasks With No Execution in the Window')][1] | Should -Be 'not supplied'
        $rows[(Find-SummaryRow $rows 'Tasks With No Execution in the Window') + 1][0] | Should -Be 'Not assessed: no executions were supplied.'
        $rows[(Find-SummaryRow $rows 'Tasks Whose Latest Execution Failed')][1] | Should -Be 'not supplied'
        $rows[(Find-SummaryRow $rows 'Agents OFFLINE')][1] | Should -Be 'not supplied'
        $rows[(Find-SummaryRow $rows 'Locations No Task Uses')][1] | Should -Be 'not supplied'
        (Get-SummaryBlock $rows 'Tasks')['Total'] | Should -Be $script:Tasks.Count
    }

    It 'writes no file for objects that are not the module''s: an error each, then NoReportInput' {
        $path = Join-Path (New-TestFolder pshome) 'pshome.xlsx'
        $err = $null
        try { Get-Item $PSHOME | Export-SSDataSyncReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue -InformationAction Ignore } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'NoReportInput,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        @($errors | Where-Object { "$($_.FullyQualifiedErrorId)" -like 'UnsupportedInputObject,*' }).Count | Should -Be 1
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath (Split-Path $path) -Force | Should -BeNullOrEmpty -Because 'no workbook and no log'
    }

    It 'writes no workbook when nothing is piped in' {
        $folder = Join-Path $script:PipeFolder 'empty'
        @() | Export-SSDataSyncReport -OutputDirectory $folder -WarningVariable warnings -WarningAction SilentlyContinue -InformationAction Ignore
        "$($warnings[0])" | Should -Match 'no workbook'
        Test-Path -LiteralPath $folder | Should -BeFalse
    }

    It 'takes objects of several kinds in one pipeline' {
        $path = Join-Path $script:PipeFolder 'mixed.xlsx'
        @($script:Tasks) + @($script:Agents) | Export-SSDataSyncReport -Path $path -InformationAction Ignore
        $book = Read-Workbook $path
        Compare-Sheet -Rows $book['Tasks'] -Columns $script:TaskColumns -Objects $script:Tasks -KeyHeader 'Task ARN' -Sheet Tasks | Should -BeNullOrEmpty
        Compare-Sheet -Rows $book['Agents'] -Columns $script:AgentColumns -Objects $script:Agents -KeyHeader 'Agent ARN' -Sheet Agents | Should -BeNullOrEmpty
        $book['Locations'].Count | Should -Be 1
        $book['Recent Executions'].Count | Should -Be 1
    }

    It 'writes the piped executions and locations cell by cell' {
        $path = Join-Path $script:PipeFolder 'executions.xlsx'
        @($script:Locations) + @($script:Executions) | Export-SSDataSyncReport -Path $path -Since $script:Since -InformationAction Ignore
        $book = Read-Workbook $path
        Compare-Sheet -Rows $book['Locations'] -Columns $script:LocationColumns -Objects $script:Locations -KeyHeader 'Location ARN' -Sheet Locations | Should -BeNullOrEmpty
        Compare-Sheet -Rows $book['Recent Executions'] -Columns $script:ExecutionColumns -Objects $script:Executions -KeyHeader 'Task Execution ARN' -Sheet 'Recent Executions' | Should -BeNullOrEmpty
        $book['Tasks'].Count | Should -Be 1
    }

    It 'leaves out, with a non-terminating error, an object of another kind' {
        $path = Join-Path $script:PipeFolder 'other.xlsx'
        $errors = $null
        @($script:Tasks[0], [pscustomobject]@{ Name = 'not a task' }) | Export-SSDataSyncReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue -InformationAction Ignore
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'UnsupportedInputObject,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        (Read-Workbook $path)['Tasks'].Count | Should -Be 2
    }
}

Describe 'The order of the rows' -Tag 'CoreOnly' {
    BeforeAll {
        $script:OrderFolder = New-TestFolder order
    }

    It 'sorts <Sheet> by account, Region and ARN' -ForEach @(
        @{ Sheet = 'Tasks'; Source = 'Tasks'; Key = 'Task ARN'; Arn = 'TaskArn' }
        @{ Sheet = 'Locations'; Source = 'Locations'; Key = 'Location ARN'; Arn = 'LocationArn' }
        @{ Sheet = 'Agents'; Source = 'Agents'; Key = 'Agent ARN'; Arn = 'AgentArn' }
        @{ Sheet = 'Active Tasks'; Source = 'Tasks'; Key = 'Task ARN'; Arn = 'TaskArn'; Status = 'AVAILABLE' }
    ) {
        $objects = @((Get-Variable -Scope Script -Name $Source -ValueOnly) | Where-Object { -not $Status -or $_.Status -eq $Status })
        $objects.Count | Should -BeGreaterThan 1
        @(Get-Column $script:Book[$Sheet] $Key) | Should -Be @(Get-SheetOrder -Objects $objects -Arn $Arn)
    }

    It 'puts the newest execution first on <Sheet>' -ForEach @(
        @{ Sheet = 'Recent Executions' }
        @{ Sheet = 'Failed Executions'; Status = 'ERROR' }
    ) {
        $objects = @($script:Executions | Where-Object { -not $Status -or $_.Status -eq $Status })
        $objects.Count | Should -BeGreaterThan 1
        @(Get-Column $script:Book[$Sheet] 'Task Execution ARN') | Should -Be @(Get-SheetOrder -Objects $objects -Arn TaskExecutionArn -NewestFirst)
        $starts = @(Get-Column $script:Book[$Sheet] 'Start Time (UTC)')
        for ($i = 1; $i -lt $starts.Count; $i++) { $starts[$i] | Should -BeLessOrEqual $starts[$i - 1] }
    }

    It 'gives the same workbook, every sheet cell by cell, for the objects piped in (in any order) as for its own scan' {
        $path = Join-Path $script:OrderFolder 'piped-all.xlsx'
        $random = [Random]::new(7)
        $objects = [Collections.Generic.List[object]]::new()
        foreach ($o in @($script:Executions) + @($script:Agents) + @($script:Locations) + @($script:Tasks) | Sort-Object { $random.Next() }) { $objects.Add($o) }
        # The Summary lists the Regions of piped objects as the tasks first bring them: one of the first Region
        # (as the scan was asked for them) comes first, the rest in any order.
        $first = $objects | Where-Object { $_.GetType().Name -eq 'DataSyncTask' -and $_.Region -eq $script:RegionNames[0] } | Select-Object -First 1
        $null = $objects.Remove($first)
        $objects.Insert(0, $first)
        $objects | Export-SSDataSyncReport -Path $path -Since $script:Since -InformationAction Ignore
        $book = Read-Workbook $path
        (Get-SummaryBlock $book['Summary'])['Scanned As'] | Should -Be 'not known: the objects were piped in'
        Compare-Workbook -Expected $script:Book -Actual $book -IgnoreSummaryLabel 'Scanned As', 'Scan Time (UTC)', 'Execution Window' | Should -BeNullOrEmpty
    }
}

Describe 'The file name' -Tag 'CoreOnly' {
    BeforeAll {
        $script:NameFolder = New-TestFolder names
    }

    It 'is {AccountName}-datasync-all-export-{MM.DD.YYYY}.xlsx in -OutputDirectory, then -v2 and -v3' {
        $out = Join-Path $script:NameFolder 'out'
        $first = Export-SSDataSyncReport @Conn -OutputDirectory $out -PassThru -InformationAction Ignore -WarningAction SilentlyContinue
        $second = $script:Tasks | Export-SSDataSyncReport -OutputDirectory $out -PassThru -InformationAction Ignore
        $third = $script:Agents | Export-SSDataSyncReport -OutputDirectory $out -PassThru -InformationAction Ignore
        $stem = "$($script:Credential.AccountId)-datasync-all-export-$($script:Today)"
        $first.Name | Should -Be "$stem.xlsx"
        $second.Name | Should -Be "$stem-v2.xlsx"
        $third.Name | Should -Be "$stem-v3.xlsx"
        # The files only: the default logs folder is beside the workbooks.
        (Get-ChildItem -LiteralPath $out -Force -File).Name | Sort-Object | Should -Be @("$stem-v2.xlsx", "$stem-v3.xlsx", "$stem.xlsx" | Sort-Object)
        (Read-Workbook $first.FullName)['Tasks'].Count | Should -Be ($script:Tasks.Count + 1) -Because 'the first file was not overwritten'
        (Read-Workbook $third.FullName)['Agents'].Count | Should -Be ($script:Agents.Count + 1)
    }

    It 'uses ./output by default' {
        $folder = New-TestFolder default-output
        Push-Location -LiteralPath $folder
        try { $file = $script:Agents | Export-SSDataSyncReport -PassThru -InformationAction Ignore }
        finally { Pop-Location }
        $file.DirectoryName | Should -Be (Join-Path $folder 'output')
        $file.Name | Should -Be "$($script:Credential.AccountId)-datasync-all-export-$($script:Today).xlsx"
    }

    It 'makes -AccountName safe for a file name and keeps it as given on Summary' {
        $out = Join-Path $script:NameFolder 'named'
        $file = $script:Tasks | Export-SSDataSyncReport -OutputDirectory $out -AccountName 'a/b\c' -PassThru -InformationAction Ignore
        $file.Name | Should -Be "a_b_c-datasync-all-export-$($script:Today).xlsx"
        $file.DirectoryName | Should -Be $out
        (Get-SummaryBlock (Read-Workbook $file.FullName)['Summary'])['Account Name'] | Should -Be 'a/b\c'
    }
}

Describe 'The StratusScan config file' -Tag 'CoreOnly' {
    It 'names the account from account_mappings and scans default_regions when -Region is absent (./config.json)' {
        $folder = New-TestFolder config
        @{ account_mappings = @{ $script:Credential.AccountId = 'Prod Account' }; default_regions = @('eu-west-1') } | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $folder 'config.json')
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $info = $null
        Push-Location -LiteralPath $folder
        try { $file = Export-SSDataSyncReport @ConnNoRegion -PassThru -InformationVariable info -InformationAction SilentlyContinue -WarningAction SilentlyContinue }
        finally { Pop-Location }
        $file.Name | Should -Be "Prod Account-datasync-all-export-$($script:Today).xlsx"
        $file.DirectoryName | Should -Be (Join-Path $folder 'output')
        $stats = Get-EmulatorStats -Endpoint $script:Emulator.Endpoint
        Get-EmulatorCallCount -Stats $stats -Operation ListTasks -Region 'eu-west-1' | Should -BeGreaterThan 0
        Get-EmulatorCallCount -Stats $stats -Operation ListTasks -Region 'us-east-1' | Should -Be 0
        $book = Read-Workbook $file.FullName
        $head = Get-SummaryBlock $book['Summary']
        $head['Account Name'] | Should -Be 'Prod Account'
        $head['Regions Scanned'] | Should -Be 'eu-west-1'
        $book['Tasks'].Count | Should -Be (@($script:Tasks | Where-Object Region -eq 'eu-west-1').Count + 1)
        Get-InformationText $info | Should -Contain 'Account Name: Prod Account'
    }

    It 'takes -ConfigPath' {
        $folder = New-TestFolder config-path
        $config = Join-Path $folder 'stratusscan.json'
        Set-Content -LiteralPath $config -Value ('{{"account_mappings": {{"{0}": "Mapped"}}, "organization_name": "x"}}' -f $script:Credential.AccountId)
        $file = $script:Tasks | Export-SSDataSyncReport -ConfigPath $config -OutputDirectory $folder -PassThru -InformationAction Ignore
        $file.Name | Should -Be "Mapped-datasync-all-export-$($script:Today).xlsx"
    }

    It 'rejects a malformed config (<Case>) with InvalidConfigFile naming the file, writing no workbook and no log' -ForEach @(
        @{ Case = 'not JSON'; Text = 'account_mappings = { nope'; Default = $false }
        @{ Case = 'account_mappings an array'; Text = '{"account_mappings": []}'; Default = $false }
        @{ Case = 'default_regions an object'; Text = '{"default_regions": {"us-east-1": true}}'; Default = $true }
        @{ Case = 'a JSON array'; Text = '[1, 2]'; Default = $true }
    ) {
        $folder = New-TestFolder bad-config
        $config = Join-Path $folder 'config.json'
        Set-Content -LiteralPath $config -Value $Text
        $err = $null
        Push-Location -LiteralPath $folder
        try {
            if ($Default) { Export-SSDataSyncReport @Conn -InformationAction Ignore }
            else { Export-SSDataSyncReport @Conn -ConfigPath $config -InformationAction Ignore }
        }
        catch { $err = $_ }
        finally { Pop-Location }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'InvalidConfigFile,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -Match ([regex]::Escape($config))
        (Get-ChildItem -LiteralPath $folder -Recurse -Force).Name | Should -Be 'config.json' -Because 'no output/ and no logs/ were made'
    }
}

Describe '-Path and -OutputDirectory' -Tag 'CoreOnly' {
    It 'rejects a -Path that does not end in .xlsx (<Name>), before any call' -ForEach @(@{ Name = 'report.csv' }, @{ Name = 'report' }) {
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $path = Join-Path (New-TestFolder extension) $Name
        $err = $null
        try { Export-SSDataSyncReport @Conn -Path $path -InformationAction Ignore } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidOutputExtension,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match '\.xlsx'
        Test-Path -LiteralPath $path | Should -BeFalse
        (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint).TotalCalls | Should -Be 0
    }

    It 'are in separate parameter sets' {
        $err = $null
        try { $script:Tasks | Export-SSDataSyncReport -Path (Join-Path $TestDrive 'both.xlsx') -OutputDirectory $TestDrive -InformationAction Ignore } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
        $sets = (Get-Command Export-SSDataSyncReport).ParameterSets
        foreach ($set in $sets) {
            $names = $set.Parameters.Name
            (($names -contains 'Path') -and ($names -contains 'OutputDirectory')) | Should -BeFalse -Because "$($set.Name) has one of them"
        }
    }

    It 'writes the default log beside the workbook, not in the current location' {
        $folder = New-TestFolder logbeside
        $elsewhere = New-TestFolder logcwd
        Push-Location -LiteralPath $elsewhere
        try { $script:Tasks | Export-SSDataSyncReport -OutputDirectory (Join-Path $folder 'reports') -InformationAction Ignore }
        finally { Pop-Location }
        @(Get-ChildItem -LiteralPath (Join-Path $folder 'reports/logs') -Filter '*.log').Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path $elsewhere 'logs') | Should -BeFalse
    }
}

Describe 'Output errors' -Tag 'CoreOnly' {
    BeforeAll {
        $script:ErrorFolder = New-TestFolder errors
    }

    It 'refuses an existing -Path without -Force (OutputFileExists) and leaves it untouched' {
        $path = Join-Path $script:ErrorFolder 'exists.xlsx'
        Set-Content -LiteralPath $path -Value 'keep me'
        $err = $null
        try { $script:Tasks | Export-SSDataSyncReport -Path $path -InformationAction Ignore } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'OutputFileExists,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content -Raw -LiteralPath $path | Should -Be "keep me$([Environment]::NewLine)"
        Get-ChildItem -LiteralPath $script:ErrorFolder -Filter '.~*' -Force | Should -BeNullOrEmpty
    }

    It 'replaces an existing -Path with -Force' {
        $path = Join-Path $script:ErrorFolder 'replace.xlsx'
        Set-Content -LiteralPath $path -Value 'replace me'
        $file = $script:Tasks | Export-SSDataSyncReport -Path $path -Force -PassThru -InformationAction Ignore
        $file.FullName | Should -Be $path
        (Read-Workbook $path)['Tasks'].Count | Should -Be ($script:Tasks.Count + 1)
        Get-ChildItem -LiteralPath $script:ErrorFolder -Filter '.~*' -Force | Should -BeNullOrEmpty
    }

    It 'stops with OutputNotWritable on a folder it cannot write to, leaving no file' -Skip:([Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT) {
        # chmod 555 stops everyone but root; as root, a sysfs folder (not writable even for root) stands in.
        $candidates = @()
        $readOnly = Join-Path $script:ErrorFolder 'read-only'
        New-Item -ItemType Directory -Path $readOnly | Out-Null
        & chmod 555 $readOnly
        $candidates += $readOnly
        if (Test-Path '/sys/kernel') { $candidates += '/sys/kernel' }
        $target = $null
        foreach ($candidate in $candidates) {
            $probe = Join-Path $candidate ('.probe-{0}' -f [guid]::NewGuid().ToString('N'))
            try { [IO.File]::WriteAllText($probe, 'x'); Remove-Item -LiteralPath $probe -Force }
            catch { $target = $candidate; break }
        }
        if (-not $target) { Set-ItResult -Skipped -Because 'no folder here is unwritable for this user'; return }
        $before = @(Get-ChildItem -LiteralPath $target -Force -ErrorAction SilentlyContinue).Name
        $err = $null
        try { $script:Tasks | Export-SSDataSyncReport -OutputDirectory $target -InformationAction Ignore } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'OutputNotWritable,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.Exception.Message | Should -Match ([regex]::Escape($target))
        @(Get-ChildItem -LiteralPath $target -Force -ErrorAction SilentlyContinue).Name | Should -Be $before
    }

    It '-WhatIf writes no file and no log and makes no DataSync call' {
        $folder = New-TestFolder whatif
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        Push-Location -LiteralPath $folder
        try { $result = Export-SSDataSyncReport @Conn -WhatIf -PassThru -InformationAction Ignore }
        finally { Pop-Location }
        $result | Should -BeNullOrEmpty
        Get-ChildItem -LiteralPath $folder -Recurse -Force | Should -BeNullOrEmpty -Because 'no output/, no logs/'
        $stats = Get-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $operations = @($stats.Calls.PSObject.Properties.Name | Where-Object { (Get-EmulatorCallCount -Stats $stats -Operation $_) -gt 0 })
        @($operations | Where-Object { $_ -ne 'GetCallerIdentity' }) | Should -BeNullOrEmpty
    }

    It '-WhatIf with piped objects writes nothing' {
        $folder = New-TestFolder whatif-pipe
        Push-Location -LiteralPath $folder
        try { $script:Tasks | Export-SSDataSyncReport -WhatIf -InformationAction Ignore }
        finally { Pop-Location }
        Get-ChildItem -LiteralPath $folder -Recurse -Force | Should -BeNullOrEmpty
    }
}

Describe 'Stopping while the workbook is written' -Tag 'CoreOnly' {
    It 'leaves no workbook and no temporary file' {
        $folder = New-TestFolder cancel
        $path = Join-Path $folder 'big.xlsx'
        # The report's spilled rows go to the temporary folder: one of the test's own, to see it emptied.
        $spill = New-TestFolder spill
        $savedTemp = @{ TMPDIR = $env:TMPDIR; TMP = $env:TMP; TEMP = $env:TEMP }
        foreach ($name in $savedTemp.Keys) { Set-TestEnvironmentVariable $name $spill }
        # Enough rows that writing takes seconds: the executions, many times over.
        $big = [Collections.Generic.List[object]]::new()
        while ($big.Count -lt 150000) { $big.AddRange([object[]]$script:Executions) }
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule([string[]]@((Get-TestModulePath)))
        $ps = [powershell]::Create($state)
        try {
            $null = $ps.AddScript('param($Items, $Path, $Log) $Items | Export-SSDataSyncReport -Path $Path -LogPath $Log -Days 3650').
                AddArgument($big).AddArgument($path).AddArgument((Join-Path $folder 'cancel.log'))
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            $temp = $null
            while (-not $temp -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
                $temp = Get-ChildItem -LiteralPath $folder -Filter '.~*.tmp' -Force
                if (-not $temp) { Start-Sleep -Milliseconds 20 }
            }
            $temp | Should -Not -BeNullOrEmpty -Because 'the test stops the export while the temporary file is being written'
            Get-ChildItem -LiteralPath $spill -Recurse -Filter '*.run' | Should -Not -BeNullOrEmpty -Because 'the rows were spilled to sorted runs'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'stopping is prompt'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            foreach ($name in $savedTemp.Keys) { Set-TestEnvironmentVariable $name $savedTemp[$name] }
        }
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath $spill -Force | Should -BeNullOrEmpty -Because 'the spilled runs and their folder are deleted'
        Get-ChildItem -LiteralPath $folder -Filter '*.tmp' -Force | Should -BeNullOrEmpty
        Get-ChildItem -LiteralPath $folder -Filter '*.xlsx' -Force | Should -BeNullOrEmpty
        # Issue 21 item 16: the log says the export was cancelled.
        Get-Content -Raw -LiteralPath (Join-Path $folder 'cancel.log') | Should -Match 'cancelled'
    }
}

Describe 'A denied operation' -Tag 'CoreOnly' {
    BeforeAll {
        $script:Denied = Start-TestEmulator -ArgumentList '--dataset', $script:Emulator.DatasetPath, '--deny-operation', 'eu-west-1:ListAgents'
        $conn = $script:Conn.Clone()
        $conn.EndpointUrl = $script:Denied.Endpoint
        $script:DeniedFolder = New-TestFolder denied
        $script:DeniedPath = Join-Path $script:DeniedFolder 'denied.xlsx'
        $script:DeniedErrors = $null
        Push-Location -LiteralPath $script:DeniedFolder
        try {
            Export-SSDataSyncReport @conn -Since $script:Since -Path $script:DeniedPath -ErrorVariable script:DeniedErrors -ErrorAction SilentlyContinue `
                -InformationAction Ignore -WarningAction SilentlyContinue
        }
        finally { Pop-Location }
    }

    AfterAll {
        $script:Denied | Stop-TestEmulator
    }

    It 'is a non-terminating DataSyncAccessDenied error naming the Region and the IAM action' {
        $errors = @($script:DeniedErrors)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DataSyncAccessDenied,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $errors[0].Exception.Message | Should -Match 'eu-west-1'
        $errors[0].Exception.Message | Should -Match 'ListAgents'
    }

    It 'still writes the workbook, with the rest of the data' {
        Test-Path -LiteralPath $script:DeniedPath | Should -BeTrue
        $book = Read-Workbook $script:DeniedPath
        $agents = @($script:Agents | Where-Object Region -eq 'us-east-1')
        Compare-Sheet -Rows $book['Agents'] -Columns $script:AgentColumns -Objects $agents -KeyHeader 'Agent ARN' -Sheet Agents | Should -BeNullOrEmpty
        Compare-Sheet -Rows $book['Tasks'] -Columns $script:TaskColumns -Objects $script:Tasks -KeyHeader 'Task ARN' -Sheet Tasks | Should -BeNullOrEmpty
    }

    It 'lists the gap under Scan Issues and says the data is incomplete' {
        $summary = (Read-Workbook $script:DeniedPath)['Summary']
        (Get-SummaryBlock $summary)['Data Complete'] | Should -BeLike 'No:*'
        $summary[(Find-SummaryRow $summary 'Scan Issues')][1] | Should -Be 1
        $issues = @(Get-SummaryTable $summary 'Scan Issues')
        $issues.Count | Should -Be 1
        $issues[0].Region | Should -Be 'eu-west-1'
        $issues[0].'IAM Action' | Should -Be 'datasync:ListAgents'
        $issues[0].'Error Code' | Should -Not -BeNullOrEmpty
        $issues[0].'Missing Data' | Should -Not -BeNullOrEmpty
    }
}

Describe 'ImportExcel interop' -Tag 'CoreOnly' -Skip:(-not $script:HasImportExcel) {
    BeforeAll {
        Import-Module ImportExcel -ErrorAction Stop -WarningAction SilentlyContinue
        $script:InteropFolder = New-TestFolder interop
    }

    It 'Import-Excel -WorksheetName Tasks gives one object per task with the headers as properties' {
        $rows = @(Import-Excel -Path $script:FullPath -WorksheetName Tasks)
        $rows.Count | Should -Be $script:Tasks.Count
        $rows[0].PSObject.Properties.Name | Should -Be @($script:TaskColumns.Keys)
        ($rows.'Task ARN' | Sort-Object) | Should -Be ($script:Tasks.TaskArn | Sort-Object)
        foreach ($row in $rows) {
            $task = $script:Tasks | Where-Object TaskArn -eq $row.'Task ARN'
            $row.Status | Should -Be $task.Status
            "$($row.'Task Name')" | Should -Be "$($task.Name)"
            "$($row.Region)" | Should -Be $task.Region
        }
    }

    It 'Import-Excel reads each data sheet back with the same rows (<Sheet>)' -ForEach @(
        @{ Sheet = 'Tasks'; Key = 'Task ARN' }
        @{ Sheet = 'Locations'; Key = 'Location ARN' }
        @{ Sheet = 'Agents'; Key = 'Agent ARN' }
        @{ Sheet = 'Recent Executions'; Key = 'Task Execution ARN' }
        @{ Sheet = 'Active Tasks'; Key = 'Task ARN' }
        @{ Sheet = 'Failed Executions'; Key = 'Task Execution ARN' }
    ) {
        $rows = @(Import-Excel -Path $script:FullPath -WorksheetName $Sheet)
        $read = $script:Book[$Sheet]
        $rows.Count | Should -Be ($read.Count - 1)
        $rows[0].PSObject.Properties.Name | Should -Be (Get-Headers $read)
        $rows.$Key | Should -Be @(Get-Column $read $Key)
        # Every text cell as ExcelDataReader read it.
        $headers = Get-Headers $read
        $problems = for ($r = 0; $r -lt $rows.Count; $r++) {
            for ($c = 0; $c -lt $headers.Count; $c++) {
                $expected = if ($c -lt $read[$r + 1].Length) { $read[$r + 1][$c] } else { $null }
                if ($expected -isnot [string]) { continue }
                $actual = $rows[$r].($headers[$c])
                if ("$actual" -cne $expected) { "${Sheet}!$($headers[$c]) row $($r + 2)" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'continues a sheet past its row limit on "<Sheet> (2)", ... with every row once, newest first (test hook STRATUSSCAN_MAX_SHEET_ROWS)' -ForEach @(
        @{ Sheet = 'Recent Executions'; Status = $null }
        @{ Sheet = 'Failed Executions'; Status = 'ERROR' }
    ) {
        $limit = 20
        $path = Join-Path $script:InteropFolder "continued-$($Sheet -replace ' ').xlsx"
        Set-TestEnvironmentVariable STRATUSSCAN_MAX_SHEET_ROWS $limit
        try { $script:Executions | Export-SSDataSyncReport -Path $path -Since $script:Since -InformationAction Ignore }
        finally { Set-TestEnvironmentVariable STRATUSSCAN_MAX_SHEET_ROWS $null }

        $objects = @($script:Executions | Where-Object { -not $Status -or $_.Status -eq $Status })
        $parts = [int][Math]::Ceiling($objects.Count / $limit)
        $parts | Should -BeGreaterThan 1 -Because 'the dataset fills more than one sheet at this limit'
        $names = @($Sheet) + @(2..$parts | ForEach-Object { "$Sheet ($_)" })
        $book = Read-Workbook $path
        $sheets = @($book.Keys)
        $at = [array]::IndexOf($sheets, $Sheet)
        $sheets[$at..($at + $parts - 1)] | Should -Be $names -Because 'the continuation sheets follow their sheet'
        if ($at + $parts -lt $sheets.Count) { $sheets[$at + $parts] | Should -Not -BeLike "$Sheet*" }
        $arns = foreach ($name in $names) {
            $rows = @(Import-Excel -Path $path -WorksheetName $name)
            $rows.Count | Should -Be ([Math]::Min($limit, $objects.Count - $limit * [array]::IndexOf($names, $name)))
            $rows[0].PSObject.Properties.Name | Should -Be @($script:ExecutionColumns.Keys)
            $rows.'Task Execution ARN'
        }
        @($arns) | Should -Be @(Get-SheetOrder -Objects $objects -Arn TaskExecutionArn -NewestFirst)
        $summary = Get-SummaryBlock $book['Summary']
        $summary["Continued: $Sheet"] | Should -Be ('{0} rows on {1} sheets: {2}' -f $objects.Count.ToString('N0', [Globalization.CultureInfo]::InvariantCulture), $parts, ($names -join ', '))
        $summary['Continuation Sheets'] | Should -Be (@($sheets | Where-Object { $_ -match ' \(\d+\)$' }).Count)
    }

    It 'Import-Excel returns every date column of <Sheet> as [DateTime], equal to the cell' -ForEach @(
        @{ Sheet = 'Tasks' }
        @{ Sheet = 'Locations' }
        @{ Sheet = 'Agents' }
        @{ Sheet = 'Recent Executions' }
    ) {
        # EPPlus 4.5 takes a cell for a date by its format id (14-22, 45-47) only; the workbook's date formats use
        # ids 22 and 14 with ISO-like codes.
        $rows = @(Import-Excel -Path $script:FullPath -WorksheetName $Sheet)
        $read = $script:Book[$Sheet]
        $dateHeaders = @(Get-Headers $read | Where-Object { $_ -like '*(UTC)*' })
        $dateHeaders | Should -Not -BeNullOrEmpty
        $checked = 0
        foreach ($header in $dateHeaders) {
            $expected = @(Get-Column $read $header)
            for ($r = 0; $r -lt $rows.Count; $r++) {
                if ($null -eq $expected[$r]) { continue }
                $actual = $rows[$r].$header
                $actual | Should -BeOfType [DateTime] -Because "${Sheet}!$header row $($r + 2)"
                [Math]::Abs(($actual - $expected[$r]).TotalSeconds) | Should -BeLessThan 1
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 0
    }

    It 'the objects of <Command> export with Export-Excel and read back with the same rows and no System.Object[] cell' -ForEach @(
        @{ Command = 'Get-SSDataSyncTask'; Variable = 'Tasks' }
        @{ Command = 'Get-SSDataSyncLocation'; Variable = 'Locations' }
        @{ Command = 'Get-SSDataSyncAgent'; Variable = 'Agents' }
        @{ Command = 'Get-SSDataSyncExecution'; Variable = 'Executions' }
    ) {
        $objects = Get-Variable -Scope Script -Name $Variable -ValueOnly
        $path = Join-Path $script:InteropFolder "$Variable.xlsx"
        $objects | Export-Excel -Path $path -WarningAction SilentlyContinue
        $rows = @(Import-Excel -Path $path)
        $rows.Count | Should -Be $objects.Count
        $bad = @($rows | ForEach-Object { $_.PSObject.Properties } | Where-Object { "$($_.Value)" -match '^System\.|\[\]$|`1\[' } |
                ForEach-Object Name | Sort-Object -Unique)
        $bad | Should -BeNullOrEmpty
        $rows[0].PSObject.Properties.Name | Should -Contain 'Region'
        $rows[0].PSObject.Properties.Name | Should -Contain 'AccountId'
    }
}
