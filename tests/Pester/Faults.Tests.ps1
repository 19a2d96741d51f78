# Tagged CoreOnly: it reads workbooks with ExcelDataReader and the code-pages encodings restored from NuGet for
# .NET (Core), which Windows PowerShell 5.1 cannot load.
# The fault and bad-input suite, the cmdlet's side: against the emulator's faults, each case asserts the
# exact outcome - the rows of the fault-free run, or each gap as a specific error record (ErrorId, category, target)
# and as a row of the workbook's Scan Issues; bad input as a terminating error with its ErrorId and no file; Ctrl+C
# in each phase of a scan with no workbook left; and no secret in any stream, log or workbook. The core's side is
# tests/StratusScan.DataSync.Tests/Faults/FaultSuiteTests.cs; Export.Tests.ps1 covers naming, config, -WhatIf,
# OutputNotWritable and stopping while writing, Errors.Tests.ps1 InvalidRegion, InvalidArn and SinceInFuture.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    $script:Root = New-TestRoot faults
    Push-Location -LiteralPath $script:Root

    Import-WorkbookReader

    function script:Get-Sorted {
        param([object[]] $Values)
        [string[]] $array = @($Values | ForEach-Object { [string]$_ })
        [Array]::Sort($array, [StringComparer]::Ordinal)
        $array
    }

    $script:RegionNames = @('us-east-1', 'eu-west-1')
    $spec = 'regions=us-east-1;eu-west-1,tasks=6,locations=1,agents=3,executions=2,days=20,seed=14,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $cred = Get-EmulatorCredential
    $script:Credential = $cred
    $script:Conn = @{ Region = $script:RegionNames; AccessKey = $cred.AccessKey; SecretKey = $cred.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    # The fault-free run every faulty one is compared with.
    $script:Baseline = @{
        Tasks      = @(Get-SSDataSyncTask @Conn)
        Locations  = @(Get-SSDataSyncLocation @Conn)
        Agents     = @(Get-SSDataSyncAgent @Conn)
        Executions = @(Get-SSDataSyncExecution @Conn -Days 30)
    }
}

AfterAll {
    Pop-Location
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Transient faults at once: a throttling storm, 5xx bursts, latency spikes, dropped connections, malformed and truncated bodies' -Tag 'CoreOnly', 'Slow' {
    BeforeAll {
        # One call in twenty throttled: each Region's pacer slows the scan after every throttle, so with more on top
        # of the other faults each scan takes tens of seconds; every fault still hits every file's calls.
        $script:Storm = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults @(
            '--throttle-rate', '0.05', '--error-rate', '0.03', '--error-burst', '4', '--latency-spike-ms', '300', '--latency-spike-rate', '0.05',
            '--drop-rate', '0.05', '--malformed-rate', '0.05', '--seed', '5')
    }
    AfterAll { $script:Storm.Emulator | Stop-TestEmulator }

    It 'gives every <Kind> of the fault-free run, once each, with no error' -ForEach @(
        @{ Kind = 'Tasks'; Command = 'Get-SSDataSyncTask'; Key = 'TaskArn' }
        @{ Kind = 'Locations'; Command = 'Get-SSDataSyncLocation'; Key = 'LocationArn' }
        @{ Kind = 'Agents'; Command = 'Get-SSDataSyncAgent'; Key = 'AgentArn' }
        @{ Kind = 'Executions'; Command = 'Get-SSDataSyncExecution'; Key = 'TaskExecutionArn' }
    ) {
        $conn = $script:Storm.Conn
        $extra = if ($Kind -eq 'Executions') { @{ Days = 30 } } else { @{} }
        $out = @(& $Command @conn @extra -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
        $errors | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        # Objects arrive in the order they are described: compared sorted by their key.
        Get-SortedArn $out.$Key | Should -Be (Get-SortedArn $script:Baseline[$Kind].$Key)
        ($out | Sort-Object $Key | ConvertTo-Json -Depth 4 -Compress) | Should -Be ($script:Baseline[$Kind] | Sort-Object $Key | ConvertTo-Json -Depth 4 -Compress)
    }

    It 'writes the workbook that says the data is complete' {
        $folder = New-TestFolder storm
        $conn = $script:Storm.Conn
        $file = Export-SSDataSyncReport @conn -OutputDirectory $folder -LogPath (Join-Path $folder 'run.log') -PassThru -ErrorVariable errors -InformationAction SilentlyContinue
        $errors | Should -BeNullOrEmpty
        $book = Read-Workbook $file.FullName
        Get-SummaryLabel $book['Summary'] 'Data Complete' | Should -Be 'Yes: the scan had no issues'
        @(Get-SummaryTable $book['Summary'] 'Scan Issues').Count | Should -Be 0
        $book['Tasks'].Count - 1 | Should -Be $script:Baseline.Tasks.Count
        $book['Locations'].Count - 1 | Should -Be $script:Baseline.Locations.Count
        $book['Agents'].Count - 1 | Should -Be $script:Baseline.Agents.Count
        $book['Recent Executions'].Count - 1 | Should -Be $script:Baseline.Executions.Count

        # The storm did happen, over this file's calls (random faults: checked once every run above has been made).
        $stats = Get-EmulatorStats $script:Storm.Emulator.Endpoint
        $stats.Throttles | Should -BeGreaterThan 0
        $stats.DroppedConnections | Should -BeGreaterThan 0
        $stats.ServerErrors | Should -BeGreaterThan 0
        $stats.MalformedResponses | Should -BeGreaterThan 0
    }
}

Describe 'Permanent faults: a denied Region, a denied operation, a Region not enabled, paging that never ends' -Tag 'CoreOnly' {
    BeforeAll {
        # us-east-1: DescribeAgent denied and ListLocations in a token loop; eu-west-1: every call denied;
        # ap-southeast-3 (an opt-in Region): not enabled.
        $script:Gaps = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults @(
            '--deny-operation', 'us-east-1:DescribeAgent', '--token-loop', 'us-east-1:ListLocations', '--deny-region', 'eu-west-1',
            '--disable-region', 'ap-southeast-3')
        $script:GapFolder = New-TestFolder gaps
        $conn = $script:Gaps.Conn.Clone()
        $conn.Region = @('us-east-1', 'eu-west-1', 'ap-southeast-3')
        $script:GapLog = Join-Path $script:GapFolder 'gaps.log'
        $script:GapFile = Export-SSDataSyncReport @conn -Days 30 -OutputDirectory $script:GapFolder -LogPath $script:GapLog -PassThru `
            -ErrorVariable gapErrors -ErrorAction SilentlyContinue -WarningVariable gapWarnings -WarningAction SilentlyContinue -InformationVariable gapInfo -InformationAction SilentlyContinue
        $script:GapErrors = @($gapErrors)
        $script:GapWarnings = @($gapWarnings)
        $script:GapInfo = @($gapInfo)
        $script:GapBook = Read-Workbook $script:GapFile.FullName
        $script:UsAgents = Get-Sorted ($script:Baseline.Agents | Where-Object Region -eq 'us-east-1').AgentArn
        $script:Export = 'StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
    }
    AfterAll { $script:Gaps.Emulator | Stop-TestEmulator }

    It 'writes one DataSyncAccessDenied error per denied DescribeAgent, with the agent ARN as target' {
        $denied = @($script:GapErrors | Where-Object { $_.Exception.Message -match 'datasync:DescribeAgent' })
        $denied.Count | Should -Be $script:UsAgents.Count
        foreach ($e in $denied) {
            $e.FullyQualifiedErrorId | Should -Be "DataSyncAccessDenied,$($script:Export)"
            $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $e.Exception.Message | Should -Match 'us-east-1'
        }
        Get-Sorted $denied.TargetObject | Should -Be $script:UsAgents
    }

    It 'writes one DataSyncAccessDenied error per list call of the denied Region, with the Region as target' {
        $region = @($script:GapErrors | Where-Object TargetObject -eq 'eu-west-1')
        $region.Count | Should -Be 4
        foreach ($e in $region) {
            $e.FullyQualifiedErrorId | Should -Be "DataSyncAccessDenied,$($script:Export)"
            $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        }
        $actions = foreach ($e in $region) { if ($e.Exception.Message -match 'perform (datasync:\w+)') { $Matches[1] } }
        Get-Sorted $actions | Should -Be @('datasync:ListAgents', 'datasync:ListLocations', 'datasync:ListTaskExecutions', 'datasync:ListTasks')
    }

    It 'stops the never-ending listing with a DataSyncServiceError naming the operation and keeps its first pages' {
        $loop = @($script:GapErrors | Where-Object { $_.Exception.Message -match 'datasync:ListLocations failed in us-east-1' })
        $loop.Count | Should -Be 1
        $loop[0].FullyQualifiedErrorId | Should -Be "DataSyncServiceError,$($script:Export)"
        $loop[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $loop[0].TargetObject | Should -Be 'us-east-1'
        $loop[0].Exception.Message | Should -Match 'returned a NextToken it had already returned'
        # Pages of 5: the listing stopped when the second page gave back the token it was sent.
        $arns = @(Get-Column $script:GapBook['Locations'] 'Location ARN' | Where-Object { $_ -like 'arn:aws:datasync:us-east-1:*' })
        $arns.Count | Should -Be 10
        @($arns | Select-Object -Unique).Count | Should -Be 10
    }

    It 'has no other error, and the Region not enabled is one warning' {
        $script:GapErrors.Count | Should -Be ($script:UsAgents.Count + 4 + 1)
        $notEnabled = @($script:GapWarnings | Where-Object { "$_" -match 'not enabled' })
        $notEnabled.Count | Should -Be 1
        "$($notEnabled[0])" | Should -Match 'ap-southeast-3'
        @($script:GapWarnings | Where-Object { "$_" -notmatch 'not enabled' -and "$_" -notmatch 'cell\(s\) held more than' }) | Should -BeNullOrEmpty
    }

    It 'lists every gap under the workbook''s Scan Issues and says the data is incomplete' {
        $summary = $script:GapBook['Summary']
        $count = $script:UsAgents.Count + 4 + 1 + 1
        Get-SummaryLabel $summary 'Data Complete' | Should -BeLike "No: $count scan issues*"
        Get-SummaryLabel $summary 'Scan Issues' | Should -Be $count
        $issues = @(Get-SummaryTable $summary 'Scan Issues')
        $issues.Count | Should -Be $count
        Get-Sorted ($issues | Where-Object 'IAM Action' -eq 'datasync:DescribeAgent').Target | Should -Be $script:UsAgents
        Get-Sorted ($issues | Where-Object Region -eq 'eu-west-1').'IAM Action' | Should -Be @('datasync:ListAgents', 'datasync:ListLocations', 'datasync:ListTaskExecutions', 'datasync:ListTasks')
        @($issues | Where-Object Region -eq 'eu-west-1').'Error Code' | Sort-Object -Unique | Should -Be 'AccessDeniedException'
        $loop = @($issues | Where-Object 'Error Code' -eq 'PaginationError')
        $loop.Count | Should -Be 1
        $loop[0].Region | Should -Be 'us-east-1'
        $loop[0].'IAM Action' | Should -Be 'datasync:ListLocations'
        $loop[0].'Missing Data' | Should -Match 'listing incomplete'
        $disabled = @($issues | Where-Object Region -eq 'ap-southeast-3')
        $disabled.Count | Should -Be 1
        $disabled[0].'Error Code' | Should -Be 'UnrecognizedClientException'
    }

    It 'keeps everything the faults did not touch: the tasks and executions of us-east-1, and its agents from ListAgents' {
        $us = { param($rows, $header) Get-Sorted @(Get-Column $rows $header | Where-Object { $_ -like 'arn:aws:datasync:us-east-1:*' }) }
        & $us $script:GapBook['Tasks'] 'Task ARN' | Should -Be (Get-Sorted ($script:Baseline.Tasks | Where-Object Region -eq 'us-east-1').TaskArn)
        & $us $script:GapBook['Agents'] 'Agent ARN' | Should -Be $script:UsAgents
        $script:GapBook['Recent Executions'].Count - 1 | Should -Be @($script:Baseline.Executions | Where-Object Region -eq 'us-east-1').Count
    }

    It 'says so in the closing summary and the log' {
        $count = $script:UsAgents.Count + 4 + 1 + 1
        ($script:GapInfo.MessageData | ForEach-Object { "$_" }) -join "`n" | Should -Match "Scan issues: $count \(listed on the Summary sheet; the data is incomplete\)"
        $log = Get-Content -Raw -LiteralPath $script:GapLog
        $log | Should -Match 'PaginationError'
        $log | Should -Match 'eu-west-1 datasync:ListTasks: AccessDeniedException'
    }
}

Describe 'Bad input' -Tag 'CoreOnly' {
    BeforeAll {
        Reset-EmulatorStats $script:Emulator.Endpoint
    }

    It 'rejects -Days <Days> with ParameterArgumentValidationError, before any call and writing nothing (<Command>)' -ForEach @(
        @{ Days = 0; Command = 'Export-SSDataSyncReport' }, @{ Days = -1; Command = 'Export-SSDataSyncReport' }
        @{ Days = 3651; Command = 'Export-SSDataSyncReport' }, @{ Days = [int]::MaxValue; Command = 'Export-SSDataSyncReport' }
        @{ Days = 0; Command = 'Get-SSDataSyncExecution' }, @{ Days = -30; Command = 'Get-SSDataSyncExecution' }
    ) {
        $folder = New-TestFolder days
        $conn = $script:Conn
        $extra = if ($Command -like 'Export-*') { @{ OutputDirectory = $folder; LogPath = (Join-Path $folder 'run.log') } } else { @{} }
        $err = $null
        try { & $Command @conn @extra -Days $Days } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be ("ParameterArgumentValidationError,StratusScan.DataSync.Commands.{0}Command" -f ($Command -replace '-', ''))
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force).Count | Should -Be 0
        (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls | Should -Be 0
    }

    It 'rejects a -Days too large for a number with CannotConvertArgumentNoMessage' {
        $err = $null
        $folder = New-TestFolder days
        try { Export-SSDataSyncReport @Conn -Days 99999999999 -OutputDirectory $folder } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'CannotConvertArgumentNoMessage,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force).Count | Should -Be 0
        (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls | Should -Be 0
    }

    It 'rejects an output folder with a NUL character with InvalidOutputPath, writing nothing' {
        $folder = New-TestFolder nul
        Push-Location -LiteralPath $folder
        try {
            $err = $null
            try { Export-SSDataSyncReport @Conn -OutputDirectory "out`0put" -InformationAction SilentlyContinue } catch { $err = $_ }
        }
        finally { Pop-Location }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidOutputPath,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be "out`0put"
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force -Include *.xlsx, '.~*').Count | Should -Be 0
        @(Get-ChildItem -LiteralPath $folder -Force | Where-Object Name -like 'out*').Count | Should -Be 0
    }

    It 'rejects a -Path with a NUL character with InvalidOutputPath' {
        $folder = New-TestFolder nulpath
        $err = $null
        try { Export-SSDataSyncReport @Conn -Path (Join-Path $folder "re`0port.xlsx") -InformationAction SilentlyContinue } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidOutputPath,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force).Count | Should -Be 0
    }

    It 'creates an output folder that does not exist, nested, and writes the workbook there' {
        $folder = New-TestFolder nested
        $target = Join-Path $folder 'a/b/c'
        $file = Export-SSDataSyncReport @Conn -OutputDirectory $target -LogPath (Join-Path $folder 'run.log') -PassThru -InformationAction SilentlyContinue -WarningAction SilentlyContinue -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $file.DirectoryName | Should -Be $target
        $file.Name | Should -Be ('{0}-datasync-all-export-{1}.xlsx' -f $script:Credential.AccountId, (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture))
        @(Get-ChildItem -LiteralPath $target -Force).Name | Should -Be @($file.Name)
    }

    It 'stops with OutputNotWritable when the output folder would be under a file, leaving nothing' {
        $folder = New-TestFolder underfile
        $blocker = Join-Path $folder 'blocker'
        Set-Content -LiteralPath $blocker -Value 'a file, not a folder'
        $err = $null
        try { Export-SSDataSyncReport @Conn -OutputDirectory (Join-Path $blocker 'sub') -LogPath (Join-Path $folder 'run.log') -InformationAction SilentlyContinue } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'OutputNotWritable,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $err.CategoryInfo.Category | Should -Be 'WriteError'
        @(Get-ChildItem -LiteralPath $folder -Force -Recurse -Include *.xlsx, '.~*').Count | Should -Be 0
    }

    It 'keeps an -AccountName of <Name> inside the output folder as <Expected>' -ForEach @(
        @{ Name = '../../escape'; Expected = '_.._escape' }
        @{ Name = '..'; Expected = 'unknown-account' }
        @{ Name = '/etc/passwd'; Expected = '_etc_passwd' }
        @{ Name = 'C:\Windows\x'; Expected = 'C__Windows_x' }
    ) {
        $folder = New-TestFolder account
        $out = Join-Path $folder 'out'
        $file = Export-SSDataSyncReport @Conn -OutputDirectory $out -AccountName $Name -LogPath (Join-Path $folder 'run.log') -PassThru -InformationAction SilentlyContinue -WarningAction SilentlyContinue
        $file.DirectoryName | Should -Be $out
        $file.Name | Should -Be ('{0}-datasync-all-export-{1}.xlsx' -f $Expected, (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture))
        @(Get-ChildItem -LiteralPath $folder -Recurse -Force -Include *.xlsx).FullName | Should -Be @($file.FullName)
    }
}

Describe 'Ctrl+C in each phase of the scan' -Tag 'CoreOnly' {
    BeforeAll {
        $script:Slow = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--latency-ms', '400'
    }
    AfterAll { $script:Slow.Emulator | Stop-TestEmulator }

    It 'stops Export-SSDataSyncReport while <Phase> within 2 seconds, leaving no workbook' -ForEach @(
        @{ Phase = 'listing'; WaitOperation = 'ListTasks'; AfterCalls = 1 }
        @{ Phase = 'describing'; WaitOperation = 'DescribeTask'; AfterCalls = 1 }
    ) {
        $folder = New-TestFolder "stop-$Phase"
        Reset-EmulatorStats $script:Slow.Emulator.Endpoint
        # The module is imported by the runspace itself, not by a statement of a batch: a batch that is
        # stopped can leave a work item running against the disposed runspace, which ends the process.
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule([string[]]@((Get-TestModulePath)))
        $ps = [powershell]::Create($state)
        try {
            $null = $ps.AddCommand('Export-SSDataSyncReport').AddParameter('ThrottleLimit', 2).AddParameter('OutputDirectory', $folder).AddParameter('LogPath', (Join-Path $folder 'run.log'))
            foreach ($p in $script:Slow.Conn.GetEnumerator()) { $null = $ps.AddParameter($p.Key, $p.Value) }
            $async = $ps.BeginInvoke()
            # Wait until the phase is under way: the emulator has answered (or is answering) its calls.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-EmulatorCallCount (Get-EmulatorStats $script:Slow.Emulator.Endpoint) -Operation $WaitOperation) -lt $AfterCalls) {
                if ([DateTime]::UtcNow -gt $deadline) { throw "no $WaitOperation call within 30 s" }
                Start-Sleep -Milliseconds 50
            }
            $async.IsCompleted | Should -BeFalse
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-ChildItem -LiteralPath $folder -Recurse -Force -Include *.xlsx, '.~*').Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Secrets' -Tag 'CoreOnly' {
    BeforeAll {
        # A denied call, so the error stream and the workbook's Scan Issues have something to say.
        $script:SecretEmulator = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--deny-operation', 'eu-west-1:ListAgents'

        # Temporary credentials from that emulator's STS (AssumeRole), through the module's own engine.
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'StratusScan.DataSync.Engine' } | Select-Object -First 1
        $options = [Activator]::CreateInstance($engine.GetType('StratusScan.DataSync.Aws.AwsConnectionOptions'))
        $options.AccessKey = $script:Credential.AccessKey
        $options.SecretKey = $script:Credential.SecretKey
        $options.EndpointUrl = $script:SecretEmulator.Emulator.Endpoint
        $sessionType = $engine.GetType('StratusScan.DataSync.Aws.AwsSession')
        $session = $sessionType::Create($options)
        try {
            $script:Assumed = $session.AssumeRoleAsync('us-east-1', "arn:aws:iam::$($script:Credential.AccountId):role/StratusScanReadOnly", 'faults-suite',
                $null, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        }
        finally { $session.Dispose() }
        $script:Assumed.SessionToken | Should -Not -BeNullOrEmpty

        $script:ProfileFile = Join-Path $script:Root 'secrets-credentials'
        Set-Content -LiteralPath $script:ProfileFile -Value @(
            '[scan]', "aws_access_key_id = $($script:Credential.AccessKey)", "aws_secret_access_key = $($script:Credential.SecretKey)", 'region = us-east-1')
    }
    AfterAll { $script:SecretEmulator.Emulator | Stop-TestEmulator }

    It 'writes no secret to any stream, the log or the workbook, with credentials from <Source>' -ForEach @(
        @{ Source = 'keys' }, @{ Source = 'a session token' }, @{ Source = 'a profile' }
    ) {
        $endpoint = $script:SecretEmulator.Emulator.Endpoint
        switch ($Source) {
            'keys' { $credentials = @{ AccessKey = $script:Credential.AccessKey; SecretKey = $script:Credential.SecretKey }; $secrets = @($script:Credential.SecretKey) }
            'a session token' {
                $credentials = @{ AccessKey = $script:Assumed.AccessKeyId; SecretKey = $script:Assumed.SecretAccessKey; SessionToken = $script:Assumed.SessionToken }
                $secrets = @($script:Assumed.SecretAccessKey, $script:Assumed.SessionToken)
            }
            'a profile' { $credentials = @{ ProfileName = 'scan'; ProfileLocation = $script:ProfileFile }; $secrets = @($script:Credential.SecretKey) }
        }
        $folder = New-TestFolder secrets
        $log = Join-Path $folder 'run.log'
        $streams = @(& {
                $DebugPreference = 'Continue'
                Get-SSDataSyncAgent @credentials -Region $script:RegionNames -EndpointUrl $endpoint -Verbose -ErrorAction Continue
                Export-SSDataSyncReport @credentials -Region $script:RegionNames -EndpointUrl $endpoint -OutputDirectory $folder -LogPath $log -PassThru -Verbose -ErrorAction Continue
            } *>&1)
        $file = @($streams | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $errors = @($streams | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 2 -Because 'ListAgents is denied in eu-west-1, once per cmdlet'
        @($streams | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 10
        $text = foreach ($record in $streams) {
            "$record"
            if ($record -is [Management.Automation.ErrorRecord]) { $record.Exception.ToString(); "$($record.ErrorDetails)"; "$($record.TargetObject)"; $record.ScriptStackTrace }
            if ($record -is [Management.Automation.InformationRecord]) { "$($record.MessageData)" }
            if ($record -isnot [string] -and $record -isnot [IO.FileInfo]) { $record | Format-List * -Force | Out-String }
        }
        $everything = ($text -join "`n") + (Get-Content -Raw -LiteralPath $log) + ((Get-ZipText $file[0].FullName).Text -join "`n")
        (Get-Content -Raw -LiteralPath $log) | Should -Match 'Account ID'
        foreach ($secret in $secrets) {
            $everything.Contains($secret) | Should -BeFalse -Because "no output holds the secret ($Source)"
            # Nor a recognisable piece of it.
            $everything.Contains($secret.Substring(0, 16)) | Should -BeFalse
        }
    }
}
