# Tagged CoreOnly: it reads workbooks with ExcelDataReader and the code-pages encodings restored from NuGet for
# .NET (Core), which Windows PowerShell 5.1 cannot load.
# Export-SSDataSyncReport -InventoryPath: per-account inventory files (Export-SSDataSyncInventory) merged into one
# workbook equal, row for row, to the workbook of one organisation-wide run; no AWS call and no credentials; an older
# duplicate superseded with a warning and a Summary note; different windows warned and shown; .gz files; wildcards;
# a corrupt file's error (file and line, no workbook); the parameters a merge refuses.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Root = New-TestRoot inventorymerge
    Push-Location -LiteralPath $script:Root
    Import-WorkbookReader

    $spec = 'regions=us-east-1;eu-west-1,accounts=3,tasks=3,locations=1,agents=2,executions=3,days=20,seed=41,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec
    $credential = Get-EmulatorCredential
    $script:Conn = @{ Region = @('us-east-1', 'eu-west-1'); EndpointUrl = $script:Emulator.Endpoint; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey }
    $script:AccountIds = @('111122223333', '444455556666', '777788889999')
    $script:Role = 'StratusScanReadOnly'
    $script:TimeLabels = @('Scan Time (UTC)', 'Execution Window')

    # An older scan of the first account, before the shards (it is superseded when merged with them).
    $script:Older = Join-Path $script:Root 'older-111122223333.jsonl'
    Export-SSDataSyncInventory @script:Conn -AccountId $script:AccountIds[0] -RoleName $script:Role -Path $script:Older
    Start-Sleep -Milliseconds 50

    # One file per account, the second gzipped; then the organisation-wide workbook of the same accounts.
    $script:Shards = New-TestFolder shards
    $script:ShardPaths = for ($i = 0; $i -lt 3; $i++) {
        $path = Join-Path $script:Shards ('{0}.jsonl{1}' -f $script:AccountIds[$i], $(if ($i -eq 1) { '.gz' } else { '' }))
        Export-SSDataSyncInventory @script:Conn -AccountId $script:AccountIds[$i] -RoleName $script:Role -Path $path
        $path
    }
    $script:OrgPath = Join-Path $script:Root 'organization.xlsx'
    Export-SSDataSyncReport @script:Conn -AccountId $script:AccountIds -RoleName $script:Role -Path $script:OrgPath 6>$null
    $script:Org = Read-Workbook $script:OrgPath

    function script:Invoke-Merge {
        <# Export-SSDataSyncReport -InventoryPath into a new file, no credentials anywhere: Path, Workbook, Warnings (the merge's: the dataset's long cells aside), Information, the AWS calls it made. #>
        param([string[]] $InventoryPath, [hashtable] $Extra = @{})
        $path = Join-Path (New-TestFolder merged) 'merged.xlsx'
        $before = (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls
        $file = Export-SSDataSyncReport -InventoryPath $InventoryPath -Path $path -PassThru @Extra -WarningVariable warnings -InformationVariable info -WarningAction SilentlyContinue -InformationAction SilentlyContinue
        [pscustomobject]@{
            File = $file; Workbook = Read-Workbook $path; Warnings = @($warnings | ForEach-Object { "$_" } | Where-Object { $_ -notlike '* cell(s) held more than Excel*' }); Information = Get-InformationText $info
            Calls = (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls - $before
        }
    }

    function script:Get-Notes {
        <# The Summary's Notes rows (column A), none when it has no Notes section. #>
        param($Summary)
        $index = -1
        for ($i = 0; $i -lt $Summary.Count; $i++) { if ($Summary[$i].Length -gt 0 -and $Summary[$i][0] -ceq 'Notes') { $index = $i; break } }
        if ($index -lt 0) { return }
        for ($i = $index + 1; $i -lt $Summary.Count -and $null -ne $Summary[$i][0]; $i++) { [string]$Summary[$i][0] }
    }
}

AfterAll {
    Pop-Location
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Export-SSDataSyncReport -InventoryPath' -Tag 'CoreOnly' {
    It 'merges per-account files into the workbook of one organisation-wide run, row for row, with no AWS call' {
        $merge = Invoke-Merge -InventoryPath (Join-Path $script:Shards '*')
        $merge.File.FullName | Should -Exist
        $merge.Calls | Should -Be 0
        $merge.Warnings | Should -BeNullOrEmpty
        $merge.Workbook['Tasks'].Count | Should -BeGreaterThan 10
        Compare-Workbook -Expected $script:Org -Actual $merge.Workbook -IgnoreSummaryLabel $script:TimeLabels | Should -BeNullOrEmpty
        Get-Notes $merge.Workbook['Summary'] | Should -BeNullOrEmpty
        $merge.Information | Should -Contain ('AWS DataSync data exported successfully! File location: ' + $merge.File.FullName)
        ($merge.Information -join "`n") | Should -Match 'Merge complete \(3 file\(s\)\)'
        ($merge.Information -join "`n") | Should -Match 'Organization: multi-account'
    }

    It 'reads .gz files (the second shard is gzip)' {
        $bytes = [IO.File]::ReadAllBytes($script:ShardPaths[1])
        $bytes[0..1] | Should -Be @(0x1f, 0x8b)
        $merge = Invoke-Merge -InventoryPath $script:ShardPaths[1]
        $merge.Workbook['Summary'][2][1] | Should -Be '444455556666' -Because 'one account: the Summary names it as a scan of it would'
        @(Get-Column $merge.Workbook['Tasks'] 'Account ID' | Sort-Object -Unique) | Should -Be @('444455556666')
    }

    It 'takes the newer scan of an account and Region, with a warning and a Summary note' {
        $merge = Invoke-Merge -InventoryPath (@($script:Older) + $script:ShardPaths)
        $older = (Resolve-Path $script:Older).Path
        $replaced = @($merge.Warnings | Where-Object { $_ -like 'Account 111122223333 us-east-1, eu-west-1: the scan of *' })
        $replaced.Count | Should -Be 1
        $replaced[0] | Should -BeLike "*replaces that of '$older' at *"
        $merge.Warnings | Should -Contain "'$older' adds nothing: every account and Region it covers is in a newer file."
        Get-Notes $merge.Workbook['Summary'] | Should -Be $merge.Warnings
        foreach ($sheet in @($script:Org.Keys | Where-Object { $_ -ne 'Summary' })) {
            Compare-Workbook -Expected @{ $sheet = $script:Org[$sheet] } -Actual @{ $sheet = $merge.Workbook[$sheet] } | Should -BeNullOrEmpty -Because $sheet
        }
    }

    It 'merges files of different execution windows with a warning, the Summary showing each' {
        $week = Join-Path (New-TestFolder week) '777788889999-7days.jsonl'
        Export-SSDataSyncInventory @script:Conn -AccountId $script:AccountIds[2] -RoleName $script:Role -Days 7 -Path $week
        $merge = Invoke-Merge -InventoryPath @($script:ShardPaths[0], $script:ShardPaths[1], $week)
        $merge.Warnings | Should -HaveCount 1
        $merge.Warnings[0] | Should -Be 'The files used different execution windows, so their executions cover different periods: 30 days (2 file(s)); 7 days (1 file(s)). The Summary shows each.'
        $notes = @(Get-Notes $merge.Workbook['Summary'])
        $notes | Should -HaveCount 2
        $notes[0] | Should -BeLike "Execution window 30 days (from *): '$($script:ShardPaths[0])', '$($script:ShardPaths[1])'"
        $notes[1] | Should -BeLike "Execution window 7 days (from *): '$week'"
        Get-SummaryLabel $merge.Workbook['Summary'] 'Execution Window' | Should -BeLike '30 days (the first file*see Notes): *'
    }

    It 'stops at a corrupt file with its path and line, and writes no workbook' {
        $folder = New-TestFolder corrupt
        $bad = Join-Path $folder 'bad.jsonl'
        $lines = [IO.File]::ReadAllLines($script:ShardPaths[0])
        $lines[2] = '{"Kind":"Task", this is not JSON'
        [IO.File]::WriteAllLines($bad, $lines)
        $out = Join-Path $folder 'never.xlsx'
        $err = { Export-SSDataSyncReport -InventoryPath $script:ShardPaths[2], $bad -Path $out -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'CorruptInventoryFile,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.TargetObject | Should -Be $bad
        $err.Exception.Message | Should -BeLike "*'$bad' (line 3)*leave the file out of -InventoryPath*"
        $out | Should -Not -Exist
        @(Get-ChildItem -LiteralPath $folder -Filter '*.xlsx*') | Should -BeNullOrEmpty
    }

    It 'says which path matches no file, and which file is not an inventory' {
        $err = { Export-SSDataSyncReport -InventoryPath (Join-Path $script:Shards 'nothing-*.jsonl') -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'InventoryFileNotFound,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $text = Join-Path (New-TestFolder text) 'notes.txt'
        Set-Content -LiteralPath $text -Value 'hello'
        $err = { Export-SSDataSyncReport -InventoryPath $text -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'NotAnInventoryFile,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.TargetObject | Should -Be $text
    }

    It 'refuses the scanning parameters, -Days and pipeline input, before anything is read' {
        $err = { Export-SSDataSyncReport -InventoryPath $script:ShardPaths[0] -Region us-east-1 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'InventoryPathWithScanParameter,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.Exception.Message | Should -BeLike '*(-Region)*'
        $err = { Export-SSDataSyncReport -InventoryPath $script:ShardPaths[0] -AccountId 111122223333 -RoleName R -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '*(-AccountId, -RoleName)*'
        $err = { Export-SSDataSyncReport -InventoryPath $script:ShardPaths[0] -Days 7 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
        $err = { 'x' | Export-SSDataSyncReport -InventoryPath $script:ShardPaths[0] -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*' -Because 'the -InventoryPath sets take no pipeline input'
    }

    It 'names the workbook in -OutputDirectory for the organisation given by -AccountName, and logs the merge' {
        $folder = New-TestFolder named
        $file = Export-SSDataSyncReport -InventoryPath $script:ShardPaths -OutputDirectory $folder -AccountName Contoso -PassThru 6>$null
        $file.Name | Should -Be ('Contoso-datasync-all-export-{0}.xlsx' -f (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture))
        Get-SummaryLabel (Read-Workbook $file.FullName)['Summary'] 'Organization' | Should -Be 'Contoso'
        $log = Get-ChildItem -LiteralPath (Join-Path $folder 'logs') -Filter '*.log' | Get-Content -Raw
        $log | Should -Match 'Merging 3 inventory file\(s\)'
    }
}
