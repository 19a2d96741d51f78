# Tagged CoreOnly: the report comparison reads workbooks with ExcelDataReader (code-pages encodings, .NET Core).
# Export-SSDataSyncInventory and Import-SSDataSyncInventory against the emulator: a file exported and imported gives
# the Get-SSDataSync* objects member by member (plain and gzip, scanned or piped), -Force, the file of a shard whose
# every Region failed, the errors of bad files (the other files are still read), and Import | Export-SSDataSyncReport.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Root = New-TestRoot inventoryfile
    Import-WorkbookReader

    $spec = 'regions=us-east-1;eu-west-1,tasks=5,locations=1,agents=2,executions=3,days=20,seed=23,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $credential = Get-EmulatorCredential
    $script:Conn = @{ Region = 'us-east-1', 'eu-west-1'; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; EndpointUrl = $script:Emulator.Endpoint }
    $script:Since = [DateTime]::UtcNow.AddDays(-30)
    $script:Expected = @(
        Get-SSDataSyncTask @Conn -IncludeTags
        Get-SSDataSyncLocation @Conn -IncludeTags
        Get-SSDataSyncAgent @Conn -IncludeTags
        Get-SSDataSyncExecution @Conn -Since $script:Since
    )

    function script:ArnOf($o) { foreach ($m in 'TaskExecutionArn', 'LocationArn', 'AgentArn', 'TaskArn') { if ($o.PSObject.Properties[$m]) { return $o.$m } } }
    function script:Get-Header([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        try {
            $magic = [byte[]]::new(2); $null = $stream.Read($magic, 0, 2); $stream.Position = 0
            $inner = if ($magic[0] -eq 0x1f -and $magic[1] -eq 0x8b) { [IO.Compression.GZipStream]::new($stream, [IO.Compression.CompressionMode]::Decompress) } else { $stream }
            [IO.StreamReader]::new($inner).ReadLine() | ConvertFrom-Json
        }
        finally { $stream.Dispose() }
    }
    # Differences between two object lists, matched by ARN: each object as ConvertTo-Json shows it (every public
    # member, nested shapes, times with their kind), plus the tags' collected state.
    function script:Compare-Objects($Expected, $Actual) {
        $byArn = @{}
        foreach ($o in $Actual) { $byArn["$($o.GetType().Name)|$(ArnOf $o)"] = $o }
        if (@($Actual).Count -ne @($Expected).Count) { "$(@($Actual).Count) objects instead of $(@($Expected).Count)" }
        foreach ($e in $Expected) {
            $key = "$($e.GetType().Name)|$(ArnOf $e)"
            $a = $byArn[$key]
            if ($null -eq $a) { "$key is missing"; continue }
            $left = $e | ConvertTo-Json -Depth 12 -Compress
            $right = $a | ConvertTo-Json -Depth 12 -Compress
            if ($left -cne $right) { "${key}: $right`n  instead of $left" }
            if (($null -eq $e.Tags) -ne ($null -eq $a.Tags) -or "$($e.Tags)" -cne "$($a.Tags)") { "${key}: tags '$($a.Tags)' instead of '$($e.Tags)'" }
        }
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-SSDataSyncInventory then Import-SSDataSyncInventory' -Tag CoreOnly {
    BeforeAll {
        $script:Folder = New-TestFolder scan
        $script:Plain = Join-Path $script:Folder 'shard.jsonl'
        $script:Info = $null
        $script:File = Export-SSDataSyncInventory @Conn -Since $script:Since -IncludeTags -Path $script:Plain -PassThru -InformationVariable script:Info -InformationAction SilentlyContinue
    }

    It 'writes the file and its closing line, and gives the FileInfo with -PassThru' {
        $script:File | Should -BeOfType System.IO.FileInfo
        $script:File.FullName | Should -Be $script:Plain
        $counts = (Get-Header $script:Plain).Counts
        "$(@($script:Info)[-1].MessageData)" | Should -Be ("Inventory written: {0} ({1} tasks, {2} locations, {3} agents, {4} executions)" -f $script:Plain, $counts.Tasks, $counts.Locations, $counts.Agents, $counts.Executions)
    }

    It 'gives back the Get-SSDataSync* objects, member by member' {
        $imported = @(Import-SSDataSyncInventory -Path $script:Plain)
        Compare-Objects $script:Expected $imported | Should -BeNullOrEmpty
        @($imported | Where-Object { $_.GetType().Name -eq 'DataSyncTask' -and $_.Tags.Count -gt 0 }).Count | Should -BeGreaterThan 0
    }

    It 'has a header that records the scan' {
        $h = Get-Header $script:Plain
        $h.Format | Should -Be 'StratusScan.DataSync.Inventory'
        $h.FormatVersion | Should -Be 1
        $h.Regions | Should -Be @('us-east-1', 'eu-west-1')
        $h.CallerArn | Should -Match '^arn:aws:(iam|sts)::111122223333:'
        $h.Accounts.AccountId | Should -Be '111122223333'
        $h.Accounts.Status | Should -Be 'Complete'
        $h.Kinds | Should -Be @('Tasks', 'Locations', 'Agents', 'Executions')
        $h.TaggedKinds | Should -Be @('Tasks', 'Locations', 'Agents')
        $h.Window.Days | Should -BeNullOrEmpty
        ([DateTime]$h.Window.SinceUtc).ToUniversalTime() | Should -Be $script:Since.ToUniversalTime()
        $h.Counts.Tasks | Should -Be @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncTask' }).Count
        $h.Counts.Executions | Should -Be @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncTaskExecution' }).Count
        $h.Issues | Should -BeNullOrEmpty
    }

    It 'writes gzip for .jsonl.gz, and -Kind filters what is imported' {
        $gz = Join-Path $script:Folder 'shard.jsonl.gz'
        Export-SSDataSyncInventory @Conn -Since $script:Since -IncludeTags -Path $gz -InformationAction SilentlyContinue
        $bytes = [IO.File]::ReadAllBytes($gz)
        $bytes[0] | Should -Be 0x1f
        $bytes[1] | Should -Be 0x8b
        Compare-Objects $script:Expected @(Import-SSDataSyncInventory -LiteralPath $gz) | Should -BeNullOrEmpty
        $agents = @(Import-SSDataSyncInventory $gz -Kind agent, Location)
        $agents.Count | Should -Be @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncAgent' -or $_.GetType().Name -eq 'DataSyncLocation' }).Count
    }

    It 'reads files piped from Get-ChildItem and named by wildcard' {
        $byInfo = @(Get-ChildItem -LiteralPath $script:Folder -Filter 'shard.jsonl*' | Import-SSDataSyncInventory -Kind Task)
        $byWildcard = @(Import-SSDataSyncInventory -Path (Join-Path $script:Folder 'shard.json*') -Kind Task)
        $tasks = @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncTask' }).Count
        $byInfo.Count | Should -Be (2 * $tasks)
        $byWildcard.Count | Should -Be (2 * $tasks)
    }

    It 'pipes on to Where-Object and Export-Csv' {
        $csv = Join-Path $script:Folder 'agents.csv'
        Import-SSDataSyncInventory $script:Plain | Where-Object { $_.GetType().Name -eq 'DataSyncAgent' } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncAgent' }).Count
        $rows[0].AgentArn | Should -Match '^arn:aws:datasync:'
    }

    It 'makes the same data sheets through Export-SSDataSyncReport as a direct export' {
        $direct = Join-Path $script:Folder 'direct.xlsx'
        $piped = Join-Path $script:Folder 'piped.xlsx'
        Export-SSDataSyncReport @Conn -Since $script:Since -IncludeTags -Path $direct -InformationAction SilentlyContinue
        Import-SSDataSyncInventory $script:Plain | Export-SSDataSyncReport -Since $script:Since -Path $piped -InformationAction SilentlyContinue
        $a = Read-Workbook $direct; $b = Read-Workbook $piped
        $a.Remove('Summary'); $b.Remove('Summary')
        @($a.Keys).Count | Should -BeGreaterThan 3
        Compare-Workbook -Expected $a -Actual $b | Should -BeNullOrEmpty
    }
}

Describe 'Export-SSDataSyncInventory from piped objects, and -Force' -Tag CoreOnly {
    It 'writes the piped objects (the window applies to executions) with their accounts and Regions' {
        $path = Join-Path (New-TestFolder piped) 'piped.jsonl'
        $tasks = @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncTask' })
        $executions = @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncTaskExecution' })
        @($tasks + $executions) | Export-SSDataSyncInventory -Path $path -Since $script:Since -InformationAction SilentlyContinue
        Compare-Objects @($tasks + $executions) @(Import-SSDataSyncInventory $path) | Should -BeNullOrEmpty
        $h = Get-Header $path
        $h.CallerArn | Should -Be ''
        $h.Accounts.Status | Should -Be 'Complete'
        $h.Kinds | Should -Be @('Tasks', 'Executions')
        $h.TaggedKinds | Should -Be @('Tasks')
        @($h.Regions | Sort-Object) | Should -Be @('eu-west-1', 'us-east-1')
    }

    It 'refuses an existing file without -Force before scanning, and replaces it with -Force' {
        $path = Join-Path (New-TestFolder force) 'f.jsonl'
        Set-Content -LiteralPath $path -Value 'keep me'
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $err = $null
        try { Export-SSDataSyncInventory @Conn -Path $path } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'FileExists,StratusScan.DataSync.Commands.ExportSSDataSyncInventoryCommand'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        $err.TargetObject | Should -Be $path
        (Get-Content -LiteralPath $path) | Should -Be 'keep me'
        (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint).TotalCalls | Should -Be 0
        Export-SSDataSyncInventory @Conn -Path $path -Force -InformationAction SilentlyContinue
        (Get-Header $path).Format | Should -Be 'StratusScan.DataSync.Inventory'
        Get-ChildItem -LiteralPath (Split-Path $path) -Force -Filter '.~*' | Should -BeNullOrEmpty
    }

    It 'refuses a path that is not .jsonl or .jsonl.gz' {
        { Export-SSDataSyncInventory @Conn -Path (Join-Path $script:Root 'x.json') } | Should -Throw -ErrorId 'InvalidOutputExtension,StratusScan.DataSync.Commands.ExportSSDataSyncInventoryCommand'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path (New-TestFolder whatif) 'w.jsonl'
        Export-SSDataSyncInventory @Conn -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
        Get-ChildItem -LiteralPath (Split-Path $path) -Force | Should -BeNullOrEmpty
    }
}

Describe 'A shard whose every Region fails' -Tag CoreOnly {
    It 'writes its file (accounts NotScanned, the issues, no objects), then throws AllRegionsFailed' {
        $faulty = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--deny-region', 'us-east-1,eu-west-1'
        try {
            $conn = $faulty.Conn
            $path = Join-Path (New-TestFolder failed) 'failed.jsonl.gz'
            $err = $null
            try { Export-SSDataSyncInventory @conn -Path $path -ErrorAction SilentlyContinue -InformationAction SilentlyContinue } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'AllRegionsFailed,StratusScan.DataSync.Commands.ExportSSDataSyncInventoryCommand'
            $h = Get-Header $path
            $h.Accounts.AccountId | Should -Be '111122223333'
            $h.Accounts.Status | Should -Be 'NotScanned'
            @($h.Issues).Count | Should -BeGreaterOrEqual 2
            @($h.Issues.Region | Sort-Object -Unique) | Should -Be @('eu-west-1', 'us-east-1')
            $h.Issues[0].Kind | Should -Be 'AccessDenied'
            $h.Counts.Tasks + $h.Counts.Locations + $h.Counts.Agents + $h.Counts.Executions | Should -Be 0
            @(Import-SSDataSyncInventory $path) | Should -BeNullOrEmpty
        }
        finally { $faulty.Emulator | Stop-TestEmulator }
    }
}

Describe 'Import-SSDataSyncInventory with bad files' -Tag CoreOnly {
    BeforeAll {
        $script:Bad = New-TestFolder bad
        $good = Join-Path $script:Bad 'a-good.jsonl'
        @($script:Expected | Where-Object { $_.GetType().Name -eq 'DataSyncAgent' }) | Export-SSDataSyncInventory -Path $good -InformationAction SilentlyContinue
        $lines = [IO.File]::ReadAllText($good).TrimEnd("`n").Split("`n")
        $script:AgentCount = $lines.Count - 1
        $utf8 = [Text.UTF8Encoding]::new($false)
        function script:Write-Lines([string] $Name, [string[]] $Content, [switch] $NoEnd) {
            $path = Join-Path $script:Bad $Name
            [IO.File]::WriteAllText($path, ($Content -join "`n") + $(if ($NoEnd) { '' } else { "`n" }), $utf8)
            $path
        }
        $script:Cases = @{
            Corrupt   = Write-Lines 'b-corrupt.jsonl' @($lines[0], $lines[1], '{"Kind":"Agent",', $lines[2..($lines.Count - 1)])
            Truncated = Write-Lines 'c-truncated.jsonl' @($lines[0..($lines.Count - 2)])
            Cut       = Write-Lines 'd-cut.jsonl' @($lines[0..($lines.Count - 2)] + $lines[-1].Substring(0, 30)) -NoEnd
            Version   = Write-Lines 'e-version.jsonl' @($lines[0].Replace('"FormatVersion":1,', '"FormatVersion":7,'), $lines[1..($lines.Count - 1)])
            NotOne    = Write-Lines 'f-other.jsonl' @('AccountId,Region', '1,us-east-1')
        }
        $script:Good = $good
    }

    It 'gives <Id> (<Category>) for the <Case> file, naming it and the line, and still reads the good file' -ForEach @(
        @{ Case = 'Corrupt'; Id = 'InventoryFileCorrupt'; Category = 'InvalidData'; Line = 3 }
        @{ Case = 'Truncated'; Id = 'InventoryFileTruncated'; Category = 'InvalidData'; Line = $null }
        @{ Case = 'Cut'; Id = 'InventoryFileTruncated'; Category = 'InvalidData'; Line = $null }
        @{ Case = 'Version'; Id = 'InventoryFormatVersionUnsupported'; Category = 'InvalidData'; Line = 1 }
        @{ Case = 'NotOne'; Id = 'NotAnInventoryFile'; Category = 'InvalidData'; Line = 1 }
    ) {
        $path = $script:Cases[$Case]
        $out = @(Import-SSDataSyncInventory -LiteralPath $path, $script:Good -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "$Id,StratusScan.DataSync.Commands.ImportSSDataSyncInventoryCommand"
        "$($errors[0].CategoryInfo.Category)" | Should -Be $Category
        $errors[0].TargetObject | Should -Be $path
        $errors[0].Exception.Message | Should -Match ([regex]::Escape($path))
        if ($Line) { $errors[0].Exception.Message | Should -Match "line $Line\b" }
        $fromGood = @($out | Where-Object { $_.AgentArn } | Select-Object -Last $script:AgentCount)
        $fromGood.Count | Should -Be $script:AgentCount
    }

    It 'gives InventoryFileNotFound (ObjectNotFound) for a missing file and reads the others' {
        $missing = Join-Path $script:Bad 'missing.jsonl'
        $out = @(Import-SSDataSyncInventory -Path $missing, $script:Good -ErrorVariable errors -ErrorAction SilentlyContinue)
        $errors[0].FullyQualifiedErrorId | Should -Be 'InventoryFileNotFound,StratusScan.DataSync.Commands.ImportSSDataSyncInventoryCommand'
        "$($errors[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $missing
        $out.Count | Should -Be $script:AgentCount
    }
}
