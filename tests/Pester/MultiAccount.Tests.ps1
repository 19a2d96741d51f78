# Tagged CoreOnly: it reads workbooks with ExcelDataReader and the code-pages encodings restored from NuGet for
# .NET (Core), which Windows PowerShell 5.1 cannot load.
# Organisation-wide scans (-AccountId with -RoleName, or -RoleArn) against an emulator of three member accounts:
# every row of every account checked against the dataset the emulator serves, the order (account as given, Region as
# given, ARN), AccountId/AccountName, the pipeline across accounts, an account whose role cannot be assumed, the
# ExternalId and role session name STS receives (/__emulator/sessions), an account whose DataSync calls are denied,
# every account failing, misused parameters (no API call), no temporary credential in any output, the organisation
# workbook, and the single-account scan left as it was (no STS call).

BeforeDiscovery {
    # One row per inventory cmdlet: the dataset member it reads, its ARN member and the list call its scan starts with.
    $script:Kinds = @(
        @{ Kind = 'Task'; Cmdlet = 'Get-SSDataSyncTask'; ArnMember = 'TaskArn'; Action = 'ListTasks' }
        @{ Kind = 'Location'; Cmdlet = 'Get-SSDataSyncLocation'; ArnMember = 'LocationArn'; Action = 'ListLocations' }
        @{ Kind = 'Agent'; Cmdlet = 'Get-SSDataSyncAgent'; ArnMember = 'AgentArn'; Action = 'ListAgents' }
        @{ Kind = 'Execution'; Cmdlet = 'Get-SSDataSyncExecution'; ArnMember = 'TaskExecutionArn'; Action = 'ListTaskExecutions' }
    )
    $script:Commands = @('Get-SSDataSyncTask', 'Get-SSDataSyncLocation', 'Get-SSDataSyncAgent', 'Get-SSDataSyncExecution', 'Export-SSDataSyncReport')
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    # Everything the tests write (workbooks, logs/, CSV files, configs) goes under one folder, the current location meanwhile.
    $script:Root = New-TestRoot multiaccount
    Push-Location -LiteralPath $script:Root

    Import-WorkbookReader
    $script:Today = (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture)

    # Three member accounts (111122223333 is the default key's own account), two Regions each. The executions span 20
    # days, so the default 30-day window holds every one of them.
    $script:Now = [DateTime]::UtcNow
    $spec = 'regions=us-east-1;eu-west-1,accounts=3,tasks=4,locations=1,agents=2,executions=2,days=20,seed=31,now={0}' -f $script:Now.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $script:Dataset = $script:Emulator.Dataset
    $script:Credential = Get-EmulatorCredential
    $script:Keys = @{ AccessKey = $script:Credential.AccessKey; SecretKey = $script:Credential.SecretKey }

    # Accounts and Regions deliberately not in sorted order: the output follows the order given.
    $script:AccountIds = @('777788889999', '111122223333', '444455556666')
    $script:RegionNames = @('eu-west-1', 'us-east-1')
    $script:Conn = @{ Region = $script:RegionNames; EndpointUrl = $script:Emulator.Endpoint } + $script:Keys
    $script:Org = @{ AccountId = $script:AccountIds; RoleName = 'StratusScanReadOnly' }
    $script:ExternalIdValue = 'stratusscan-external-id'

    # account_mappings for two of the three accounts (the third keeps its id); a comma and a non-ASCII letter for CSV.
    $script:Names = @{ '777788889999' = 'Prod Workloads'; '444455556666' = 'Shared, Services ü' }
    $script:MappedConfig = Join-Path $script:Root 'mapped-config.json'
    @{ account_mappings = $script:Names } | ConvertTo-Json | Set-Content -LiteralPath $script:MappedConfig -Encoding utf8

    $script:KindInfo = @{
        Task      = @{ Data = 'Tasks'; Arn = 'TaskArn' }
        Location  = @{ Data = 'Locations'; Arn = 'LocationArn' }
        Agent     = @{ Data = 'Agents'; Arn = 'AgentArn' }
        Execution = @{ Data = 'Executions'; Arn = 'TaskExecutionArn' }
    }

    function script:Get-AccountOfArn {
        param([string] $Arn)
        ($Arn -split ':')[4]
    }

    function script:Get-ExpectedRow {
        <# The dataset's resources of one kind in the workbook's order: account (as given), Region (as given), ARN (ordinal). The Get cmdlets give them in arrival order. #>
        param([Parameter(Mandatory)] [string] $Kind, [string[]] $Accounts = $script:AccountIds, [string[]] $Regions = $script:RegionNames)
        $info = $script:KindInfo[$Kind]
        foreach ($account in $Accounts) {
            $accountRegions = Get-DatasetRegion $script:Dataset -AccountId $account
            foreach ($region in $Regions) {
                $data = $accountRegions | Where-Object Region -eq $region
                $byArn = @{}
                foreach ($json in @($data.($info.Data))) { if ($json) { $byArn[$json.($info.Arn)] = $json } }
                [string[]] $arns = @($byArn.Keys)
                [Array]::Sort($arns, [StringComparer]::Ordinal)
                foreach ($arn in $arns) {
                    [pscustomobject]@{ AccountId = $account; Region = $region; Arn = $arn; Json = $byArn[$arn]; RegionData = $data }
                }
            }
        }
    }

    function script:New-ExpectedObject {
        <# The expected object (InventoryComparison) of a row of Get-ExpectedRow. #>
        param([Parameter(Mandatory)] $Row, [Parameter(Mandatory)] [string] $Kind)
        switch ($Kind) {
            'Task' { New-ExpectedTask -Json $Row.Json -Region $Row.Region -AccountId $Row.AccountId }
            'Location' { New-ExpectedLocation -Json $Row.Json -Region $Row.Region -AccountId $Row.AccountId }
            'Agent' { New-ExpectedAgent -Json $Row.Json -Region $Row.Region -AccountId $Row.AccountId }
            'Execution' {
                $taskArn = $Row.Arn.Substring(0, $Row.Arn.IndexOf('/execution/'))
                $taskJson = @($Row.RegionData.Tasks) | Where-Object TaskArn -eq $taskArn
                New-ExpectedExecution -Json $Row.Json -Region $Row.Region -TaskJson $taskJson -AccountId $Row.AccountId
            }
        }
    }

    function script:Get-EmulatorSession {
        <# GET /__emulator/sessions: every STS session the emulator issued, in order (a JSON array, one object per session). #>
        param($Emulator = $script:Emulator)
        @(Invoke-RestMethod -Method Get -Uri ($Emulator.Endpoint.TrimEnd('/') + '/__emulator/sessions') -NoProxy | Write-Output)
    }

    function script:Invoke-Scan {
        <#
        Runs a cmdlet with splatted parameters and -ErrorAction SilentlyContinue: its output, its non-terminating errors,
        the terminating error (if any), the emulator's stats of the run and the STS sessions issued during it.
        #>
        param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [hashtable] $Parameters, $Emulator = $script:Emulator)
        Reset-EmulatorStats $Emulator.Endpoint
        $before = @(Get-EmulatorSession $Emulator).Count
        $errors = $null
        $thrown = $null
        $output = @()
        try { $output = @(& $Command @Parameters -ErrorVariable errors -ErrorAction SilentlyContinue) }
        catch { $thrown = $_ }
        [pscustomobject]@{
            Output   = $output
            Errors   = @($errors | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
            Thrown   = $thrown
            Stats    = Get-EmulatorStats $Emulator.Endpoint
            Sessions = @(Get-EmulatorSession $Emulator | Select-Object -Skip $before)
        }
    }

    function script:Get-ErrorText {
        param($Records)
        @($Records | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join "`n"
    }

    # The cmdlets that scan (BeforeDiscovery's $Commands is gone when the tests run).
    $script:AllCommands = @('Get-SSDataSyncTask', 'Get-SSDataSyncLocation', 'Get-SSDataSyncAgent', 'Get-SSDataSyncExecution', 'Export-SSDataSyncReport')

    # The data sheets of the workbook and the ARN column that keys each.
    $script:SheetKeys = [ordered]@{
        'Tasks' = 'Task ARN'; 'Locations' = 'Location ARN'; 'Agents' = 'Agent ARN'
        'Recent Executions' = 'Task Execution ARN'; 'Active Tasks' = 'Task ARN'; 'Failed Executions' = 'Task Execution ARN'
    }
}

AfterAll {
    Pop-Location
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The test dataset' -Tag 'CoreOnly' {
    It 'has the three accounts, each with both Regions holding tasks, locations, agents and executions, and the three roles' {
        @($script:Dataset.Accounts.AccountId | Sort-Object) | Should -Be @('111122223333', '444455556666', '777788889999')
        foreach ($account in $script:Dataset.Accounts) {
            @($account.Regions.Region | Sort-Object) | Should -Be @('eu-west-1', 'us-east-1')
            foreach ($region in $account.Regions) {
                foreach ($kind in 'Tasks', 'Locations', 'Agents', 'Executions') {
                    @($region.$kind).Count | Should -BeGreaterThan 0 -Because "$($account.AccountId) $($region.Region) has $kind"
                }
            }
            $roles = @{}; foreach ($role in $account.Roles) { $roles[$role.RoleName] = $role }
            $roles['StratusScanReadOnly'].TrustedAccounts | Should -Contain '111122223333'
            $roles['StratusScanReadOnly'].ExternalId | Should -BeNullOrEmpty
            $roles['StratusScanExternal'].ExternalId | Should -Be $script:ExternalIdValue
            $roles['NoOneMayAssume'].TrustedAccounts | Should -Not -Contain '111122223333'
        }
        $starts = $script:Dataset.Accounts.Regions.Executions | ForEach-Object { ConvertFrom-DatasetTime $_.StartTime }
        ($starts | Where-Object { $_ -lt $script:Now.AddDays(-25) }) | Should -BeNullOrEmpty -Because 'the default 30-day window holds every execution'
        @($script:Dataset.Accounts.Regions.Tasks | Where-Object Status -eq 'AVAILABLE').Count | Should -BeGreaterThan 0
        @($script:Dataset.Accounts.Regions.Executions | Where-Object Status -eq 'ERROR').Count | Should -BeGreaterThan 0
        $script:Dataset.Accounts.AccountId | Should -Not -Contain '123456789012' -Because 'the tests use it as an account not in the dataset'
    }
}

Describe 'Organisation-wide inventory: -AccountId of three accounts with -RoleName StratusScanReadOnly' -Tag 'CoreOnly' {
    BeforeAll {
        $script:OrgRun = @{}
        foreach ($command in 'Task', 'Location', 'Agent', 'Execution') {
            $script:OrgRun[$command] = Invoke-Scan -Command "Get-SSDataSync$command" -Parameters ($script:Conn + $script:Org)
        }
    }

    It '<Cmdlet> returns the rows of every account once each (in arrival order, so compared as sorted sets), with no error' -ForEach $Kinds {
        $run = $script:OrgRun[$Kind]
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $expected = @(Get-ExpectedRow -Kind $Kind)
        $expected.Count | Should -BeGreaterThan 0
        Get-SortedArn $run.Output.$ArnMember | Should -Be (Get-SortedArn $expected.Arn)
        @($run.Output.AccountId | Sort-Object -Unique) | Should -Be @($script:AccountIds | Sort-Object)
        foreach ($account in $script:AccountIds) {
            @($run.Output | Where-Object AccountId -eq $account | ForEach-Object Region | Sort-Object -Unique) | Should -Be @($script:RegionNames | Sort-Object) -Because "account $account"
        }
    }

    It '<Cmdlet> gives every property of every row as its account''s dataset has it' -ForEach $Kinds {
        $run = $script:OrgRun[$Kind]
        $byArn = @{}
        foreach ($o in $run.Output) { $byArn[$o.$ArnMember] = @($byArn[$o.$ArnMember]) + $o | Where-Object { $_ } }
        $problems = foreach ($row in Get-ExpectedRow -Kind $Kind) {
            $object = $byArn[$row.Arn]
            if (@($object).Count -ne 1) { "$($row.Arn): $(@($object).Count) objects"; continue }
            Compare-InventoryObject -Object $object -Expected (New-ExpectedObject -Row $row -Kind $Kind) -Label $row.Arn
        }
        $problems | Should -BeNullOrEmpty
    }

    It '<Cmdlet> sets each row''s AccountId to the account in its ARN and AccountName to the id (no config)' -ForEach $Kinds {
        $run = $script:OrgRun[$Kind]
        foreach ($o in $run.Output) {
            $o.AccountId | Should -BeExactly (Get-AccountOfArn $o.$ArnMember) -Because $o.$ArnMember
            $o.AccountName | Should -BeExactly $o.AccountId -Because $o.$ArnMember
        }
        foreach ($account in $script:AccountIds) { @($run.Output | Where-Object AccountId -eq $account).Count | Should -BeGreaterThan 0 }
    }

    It '<Cmdlet> assumes StratusScanReadOnly once in each account, as session StratusScan.DataSync with no ExternalId' -ForEach $Kinds {
        $run = $script:OrgRun[$Kind]
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 3
        $run.Sessions.Count | Should -Be 3
        @($run.Sessions.AccountId | Sort-Object) | Should -Be @($script:AccountIds | Sort-Object)
        foreach ($session in $run.Sessions) {
            $session.RoleName | Should -Be 'StratusScanReadOnly'
            $session.RoleSessionName | Should -BeExactly 'StratusScan.DataSync'
            $session.ExternalId | Should -BeNullOrEmpty
        }
    }

    It '<Cmdlet> -ConfigPath names the accounts from account_mappings (an unmapped account keeps its id)' -ForEach $Kinds {
        $run = Invoke-Scan -Command $Cmdlet -Parameters ($script:Conn + $script:Org + @{ ConfigPath = $script:MappedConfig })
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-SortedArn $run.Output.$ArnMember | Should -Be (Get-SortedArn $script:OrgRun[$Kind].Output.$ArnMember)
        foreach ($o in $run.Output) {
            $o.AccountId | Should -BeExactly (Get-AccountOfArn $o.$ArnMember)
            $want = if ($script:Names.ContainsKey($o.AccountId)) { $script:Names[$o.AccountId] } else { $o.AccountId }
            $o.AccountName | Should -BeExactly $want -Because $o.$ArnMember
        }
        @($run.Output.AccountName | Sort-Object -Unique) | Should -Be @('111122223333', 'Prod Workloads', 'Shared, Services ü' | Sort-Object)
    }
}

Describe 'The pipeline across accounts' -Tag 'CoreOnly' {
    BeforeAll {
        $script:PipeTasks = @(Get-SSDataSyncTask @Conn @Org)
        $script:AllExecutions = @(Get-SSDataSyncExecution @Conn @Org)
        $script:NoRegion = @{ EndpointUrl = $script:Emulator.Endpoint } + $script:Keys
    }

    It 'Get-SSDataSyncTask -AccountId … -RoleName R | Get-SSDataSyncExecution -RoleName R gets the executions of those tasks in every account' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        $before = @(Get-EmulatorSession).Count
        $errors = $null
        $piped = @($script:PipeTasks | Get-SSDataSyncExecution @NoRegion -RoleName StratusScanReadOnly -ErrorVariable errors)
        $errors | Should -BeNullOrEmpty
        $script:AllExecutions.Count | Should -BeGreaterThan 0
        Get-SortedArn $piped.TaskExecutionArn | Should -Be (Get-SortedArn $script:AllExecutions.TaskExecutionArn)
        $names = @{}; foreach ($t in $script:PipeTasks) { $names[$t.TaskArn] = $t.Name }
        foreach ($e in $piped) {
            $e.AccountId | Should -BeExactly (Get-AccountOfArn $e.TaskExecutionArn)
            $e.AccountName | Should -BeExactly $e.AccountId
            $names.ContainsKey($e.TaskArn) | Should -BeTrue
            $e.TaskName | Should -Be $names[$e.TaskArn]
        }
        @($piped.AccountId | Sort-Object -Unique) | Should -Be @($script:AccountIds | Sort-Object)
        $stats = Get-EmulatorStats $script:Emulator.Endpoint
        Get-EmulatorCallCount -Stats $stats -Operation AssumeRole | Should -Be 3 -Because 'each account of the piped tasks is opened once'
        @(Get-EmulatorSession | Select-Object -Skip $before | ForEach-Object AccountId | Sort-Object) | Should -Be @($script:AccountIds | Sort-Object)
    }

    It 'tasks filtered with Where-Object get only their executions, and only their accounts are opened' {
        $some = @($script:PipeTasks | Where-Object { $_.AccountId -ne '111122223333' -and $_.Region -eq 'us-east-1' })
        $expected = @($script:AllExecutions | Where-Object { $_.TaskArn -in $some.TaskArn })
        $expected.Count | Should -BeGreaterThan 0
        Reset-EmulatorStats $script:Emulator.Endpoint
        $before = @(Get-EmulatorSession).Count
        $piped = @($some | Get-SSDataSyncExecution @NoRegion -RoleName StratusScanReadOnly)
        Get-SortedArn $piped.TaskExecutionArn | Should -Be (Get-SortedArn $expected.TaskExecutionArn)
        @($piped.AccountId | Sort-Object -Unique) | Should -Be @('444455556666', '777788889999')
        $stats = Get-EmulatorStats $script:Emulator.Endpoint
        Get-EmulatorCallCount -Stats $stats -Operation AssumeRole | Should -Be 2
        Get-EmulatorCallCount -Stats $stats -Operation ListTaskExecutions -Region 'eu-west-1' | Should -Be 0 -Because 'only us-east-1 tasks were piped'
        @(Get-EmulatorSession | Select-Object -Skip $before | ForEach-Object AccountId | Sort-Object) | Should -Be @('444455556666', '777788889999')
    }

    It 'keeps the AccountId and AccountName columns through Where-Object and Export-Csv (<Cmdlet>)' -ForEach $Kinds {
        $objects = @(& $Cmdlet @Conn @Org -ConfigPath $script:MappedConfig)
        $kept = @($objects | Where-Object AccountId -ne '111122223333')
        $kept.Count | Should -BeGreaterThan 0
        $path = Join-Path $script:Root "org-$Kind.csv"
        $objects | Where-Object AccountId -ne '111122223333' | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv -LiteralPath $path -Encoding utf8)
        $rows.Count | Should -Be $kept.Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'AccountId'
        $rows[0].PSObject.Properties.Name | Should -Contain 'AccountName'
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i].$ArnMember | Should -Be $kept[$i].$ArnMember
            $rows[$i].AccountId | Should -BeExactly (Get-AccountOfArn $rows[$i].$ArnMember)
            $rows[$i].AccountName | Should -BeExactly $script:Names[$rows[$i].AccountId]
        }
        @($rows.AccountId | Sort-Object -Unique) | Should -Be @('444455556666', '777788889999')
    }
}

Describe 'Accounts scanned in parallel within -ThrottleLimit' -Tag 'CoreOnly' {
    BeforeAll {
        # Every call (STS included) waits 200 ms, so calls that run together overlap at the emulator, which
        # counts the most it served at one moment (PeakInFlight). Concurrency, not wall time, is asserted.
        $script:Slow = Start-TestEmulator -ArgumentList '--dataset', $script:Emulator.DatasetPath, '--latency-ms', 200
        $script:SlowConn = $script:Conn.Clone()
        $script:SlowConn.EndpointUrl = $script:Slow.Endpoint
        function Get-PeakInFlight { [long](Get-EmulatorStats $script:Slow.Endpoint).PeakInFlight }
    }

    AfterAll {
        $script:Slow | Stop-TestEmulator
    }

    It 'scans the accounts at the same time: three accounts keep more calls in flight than one does alone' {
        Reset-EmulatorStats $script:Slow.Endpoint
        $null = Get-SSDataSyncAgent @SlowConn -AccountId '444455556666' -RoleName StratusScanReadOnly
        $one = Get-PeakInFlight
        Reset-EmulatorStats $script:Slow.Endpoint
        $agents = @(Get-SSDataSyncAgent @SlowConn @Org)
        $three = Get-PeakInFlight
        Get-SortedArn $agents.AgentArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Agent).Arn)
        $three | Should -BeGreaterThan $one -Because "one account alone kept $one calls in flight; accounts one after another would keep no more"
        $three | Should -BeLessOrEqual 16 -Because 'the default -ThrottleLimit is 16'
    }

    It 'shows progress as one bar for the accounts, with counts, and one child for the current work' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument((Get-TestModulePath)).AddStatement()
            $null = $ps.AddCommand('Get-SSDataSyncAgent')
            foreach ($p in ($script:SlowConn + $script:Org).GetEnumerator()) { $null = $ps.AddParameter($p.Key, $p.Value) }
            $output = $ps.Invoke()
            Get-SortedArn $output.AgentArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Agent).Arn)
            $progress = @($ps.Streams.Progress | Where-Object RecordType -NE 'Completed')
            $parents = @($progress | Where-Object ParentActivityId -EQ -1)
            @($parents.ActivityId | Select-Object -Unique) | Should -HaveCount 1 -Because 'one bar for all the accounts, not one per account'
            $parents[0].Activity | Should -Be 'Get DataSync agents: 3 accounts'
            $parents[-1].StatusDescription | Should -Be '3 of 3 accounts done'
            $parents[-1].PercentComplete | Should -Be 100
            $children = @($progress | Where-Object ParentActivityId -NE -1)
            @($children.ActivityId | Select-Object -Unique) | Should -HaveCount 1 -Because 'one child for the current work'
            $children | ForEach-Object { $_.ParentActivityId | Should -Be $parents[0].ActivityId }
            $children[0].Activity | Should -Match '^Account \d{12}, (us-east-1|eu-west-1)$'
            @($ps.Streams.Progress | Where-Object RecordType -EQ 'Completed').ActivityId | Sort-Object | Should -Be @(@($progress.ActivityId | Select-Object -Unique) | Sort-Object)
        }
        finally { $ps.Dispose() }
    }

    It 'keeps every call of every account within -ThrottleLimit <Limit>, and gives the same output' -ForEach @(@{ Limit = 1 }, @{ Limit = 3 }) {
        Reset-EmulatorStats $script:Slow.Endpoint
        $limited = @(Get-SSDataSyncAgent @SlowConn @Org -ThrottleLimit $Limit)
        $stats = Get-EmulatorStats $script:Slow.Endpoint
        [long]$stats.PeakInFlight | Should -Be $Limit
        Get-EmulatorCallCount -Stats $stats -Operation AssumeRole | Should -Be 3
        $default = @(Get-SSDataSyncAgent @SlowConn @Org)
        @($limited | Sort-Object AgentArn | ForEach-Object { $_ | ConvertTo-Json -Depth 6 -Compress }) | Should -Be @($default | Sort-Object AgentArn | ForEach-Object { $_ | ConvertTo-Json -Depth 6 -Compress })
    }
}

Describe 'An account whose role cannot be assumed' -Tag 'CoreOnly' {
    It '<Cmdlet>: an account not in the dataset is one non-terminating AssumeRoleDenied; every row of the other accounts is there' -ForEach $Kinds {
        $run = Invoke-Scan -Command $Cmdlet -Parameters ($script:Conn + @{ AccountId = '777788889999', '123456789012', '111122223333'; RoleName = 'StratusScanReadOnly' })
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1 -Because (Get-ErrorText $run.Errors)
        $e = $run.Errors[0]
        $e.FullyQualifiedErrorId | Should -Be ('AssumeRoleDenied,StratusScan.DataSync.Commands.{0}Command' -f ($Cmdlet -replace '-', ''))
        $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $e.TargetObject | Should -Be 'arn:aws:iam::123456789012:role/StratusScanReadOnly'
        $e.Exception.Message | Should -Match '123456789012'
        $e.Exception.Message | Should -Match 'sts:AssumeRole'
        Get-SortedArn $run.Output.$ArnMember | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind $Kind -Accounts '777788889999', '111122223333').Arn)
        $run.Output.AccountId | Should -Not -Contain '123456789012'
    }

    It '-RoleArn of NoOneMayAssume is one AssumeRoleDenied naming its account; the account of the other role is complete' {
        $noOne = 'arn:aws:iam::444455556666:role/NoOneMayAssume'
        $run = Invoke-Scan -Command Get-SSDataSyncAgent -Parameters ($script:Conn + @{ RoleArn = $noOne, 'arn:aws:iam::777788889999:role/StratusScanReadOnly' })
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1 -Because (Get-ErrorText $run.Errors)
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'AssumeRoleDenied,StratusScan.DataSync.Commands.GetSSDataSyncAgentCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $run.Errors[0].TargetObject | Should -Be $noOne
        $run.Errors[0].Exception.Message | Should -Match '444455556666'
        $run.Errors[0].Exception.Message | Should -Match 'sts:AssumeRole'
        Get-SortedArn $run.Output.AgentArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Agent -Accounts '777788889999').Arn)
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 2
        @($run.Sessions.AccountId) | Should -Be @('777788889999') -Because 'only the trusting role gave a session'
    }
}

Describe 'ExternalId and the role session' -Tag 'CoreOnly' {
    It 'StratusScanExternal without -ExternalId is AssumeRoleDenied, and no ExternalId is sent for the other role' {
        $external = 'arn:aws:iam::444455556666:role/StratusScanExternal'
        $run = Invoke-Scan -Command Get-SSDataSyncTask -Parameters ($script:Conn + @{ RoleArn = $external, 'arn:aws:iam::777788889999:role/StratusScanReadOnly' })
        $run.Errors.Count | Should -Be 1 -Because (Get-ErrorText $run.Errors)
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'AssumeRoleDenied,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
        $run.Errors[0].TargetObject | Should -Be $external
        $run.Errors[0].Exception.Message | Should -Match '444455556666'
        Get-SortedArn $run.Output.TaskArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Task -Accounts '777788889999').Arn)
        $run.Sessions.Count | Should -Be 1
        $run.Sessions[0].RoleName | Should -Be 'StratusScanReadOnly'
        $run.Sessions[0].ExternalId | Should -BeNullOrEmpty
    }

    It 'with -ExternalId stratusscan-external-id the External roles are assumed, every row comes back, and STS received the ExternalId' {
        $roles = 'arn:aws:iam::444455556666:role/StratusScanExternal', 'arn:aws:iam::777788889999:role/StratusScanExternal'
        $run = Invoke-Scan -Command Get-SSDataSyncTask -Parameters ($script:Conn + @{ RoleArn = $roles; ExternalId = $script:ExternalIdValue })
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-SortedArn $run.Output.TaskArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Task -Accounts '444455556666', '777788889999').Arn)
        $run.Sessions.Count | Should -Be 2
        @($run.Sessions.AccountId | Sort-Object) | Should -Be @('444455556666', '777788889999')
        foreach ($session in $run.Sessions) {
            $session.RoleName | Should -Be 'StratusScanExternal'
            $session.ExternalId | Should -BeExactly $script:ExternalIdValue
            $session.RoleSessionName | Should -BeExactly 'StratusScan.DataSync'
        }
    }

    It 'sends -RoleSessionName and -DurationSeconds to STS (default: StratusScan.DataSync, one hour)' {
        $default = Invoke-Scan -Command Get-SSDataSyncAgent -Parameters ($script:Conn + @{ AccountId = '444455556666', '111122223333'; RoleName = 'StratusScanExternal'; ExternalId = $script:ExternalIdValue })
        $default.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $default.Errors)
        $default.Sessions.Count | Should -Be 2
        $issued = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        foreach ($session in $default.Sessions) {
            $session.RoleSessionName | Should -BeExactly 'StratusScan.DataSync'
            [Math]::Abs(($session.Expiration - $issued) - 3600) | Should -BeLessThan 120 -Because 'STS gives one hour when no duration is asked for'
        }

        $custom = Invoke-Scan -Command Get-SSDataSyncAgent -Parameters ($script:Conn + @{
                AccountId = '444455556666', '111122223333'; RoleName = 'StratusScanExternal'; ExternalId = $script:ExternalIdValue
                RoleSessionName = 'audit-2026.q4@ops'; DurationSeconds = 7200
            })
        $issued = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $custom.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $custom.Errors)
        Get-SortedArn $custom.Output.AgentArn | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind Agent -Accounts '444455556666', '111122223333').Arn)
        $custom.Sessions.Count | Should -Be 2
        foreach ($session in $custom.Sessions) {
            $session.RoleSessionName | Should -BeExactly 'audit-2026.q4@ops'
            $session.ExternalId | Should -BeExactly $script:ExternalIdValue
            [Math]::Abs(($session.Expiration - $issued) - 7200) | Should -BeLessThan 120
        }
    }
}

Describe 'A -DurationSeconds above the role''s maximum session duration' -Tag 'CoreOnly' {
    It 'is an AssumeRoleFailed error that advises on the role''s maximum session duration' {
        # StratusScanReadOnly allows the default one hour; 12 hours is more than its MaxSessionDuration.
        $run = Invoke-Scan -Command Get-SSDataSyncAgent -Parameters ($script:Conn + @{ AccountId = '444455556666', '777788889999'; RoleName = 'StratusScanReadOnly'; DurationSeconds = 43200 })
        $assume = @($run.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'AssumeRoleFailed,*' })
        $assume.Count | Should -Be 2 -Because (Get-ErrorText $run.Errors)
        foreach ($e in $assume) {
            $e.Exception.Message | Should -Match 'maximum session duration'
            $e.ErrorDetails.RecommendedAction | Should -Match 'DurationSeconds'
            $e.ErrorDetails.RecommendedAction | Should -Match 'MaxSessionDuration'
            $e.Exception.Message | Should -Not -Match '\.\.(?!\.)'
        }
    }
}

Describe 'An account whose DataSync calls are denied' -Tag 'CoreOnly' {
    BeforeAll {
        $script:Denied = Start-TestEmulator -ArgumentList '--dataset', $script:Emulator.DatasetPath, '--deny-account', '777788889999'
        $script:DeniedConn = $script:Conn.Clone()
        $script:DeniedConn.EndpointUrl = $script:Denied.Endpoint
    }

    AfterAll {
        $script:Denied | Stop-TestEmulator
    }

    It '<Cmdlet>: DataSyncAccessDenied errors name account 777788889999 and datasync:<Action> in each Region; the other accounts are complete' -ForEach $Kinds {
        $run = Invoke-Scan -Command $Cmdlet -Parameters ($script:DeniedConn + $script:Org) -Emulator $script:Denied
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors.Count | Should -BeGreaterThan 0
        # Executions also list the tasks (for their names): that call is denied too.
        $allowed = if ($Kind -eq 'Execution') { 'datasync:ListTaskExecutions', 'datasync:ListTasks' } else { "datasync:$Action" }
        foreach ($e in $run.Errors) {
            $e.FullyQualifiedErrorId | Should -Be ('DataSyncAccessDenied,StratusScan.DataSync.Commands.{0}Command' -f ($Cmdlet -replace '-', ''))
            $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $e.Exception.Message | Should -Match 'account 777788889999'
            $named = [regex]::Match($e.Exception.Message, 'datasync:List\w+').Value
            $named | Should -BeIn $allowed -Because $e.Exception.Message
        }
        foreach ($region in $script:RegionNames) {
            $here = @($run.Errors | Where-Object { $_.TargetObject -eq $region -and $_.Exception.Message -match "datasync:$Action\b" -and $_.Exception.Message -match "\b$region\b" })
            $here.Count | Should -Be 1 -Because "one error for datasync:$Action in $region"
        }
        # The role was assumed; only the DataSync calls failed.
        @($run.Sessions.AccountId | Sort-Object) | Should -Be @($script:AccountIds | Sort-Object)
        Get-SortedArn $run.Output.$ArnMember | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind $Kind -Accounts '111122223333', '444455556666').Arn)
        $run.Output.AccountId | Should -Not -Contain '777788889999'
    }
}

Describe 'Every account failing' -Tag 'CoreOnly' {
    It '<_> with only NoOneMayAssume roles stops with a terminating AllAccountsFailed and outputs nothing' -ForEach $Commands {
        $folder = New-TestFolder all-failed
        $parameters = $script:Conn + @{ AccountId = $script:AccountIds; RoleName = 'NoOneMayAssume' }
        if ($_ -eq 'Export-SSDataSyncReport') { $parameters += @{ OutputDirectory = (Join-Path $folder 'out'); LogPath = (Join-Path $folder 'run.log'); InformationAction = 'Ignore' } }
        $run = Invoke-Scan -Command $_ -Parameters $parameters
        $run.Thrown | Should -Not -BeNullOrEmpty -Because 'the error is terminating, whatever -ErrorAction says'
        $run.Thrown.FullyQualifiedErrorId | Should -Be ('AllAccountsFailed,StratusScan.DataSync.Commands.{0}Command' -f ($_ -replace '-', ''))
        $run.Thrown.CategoryInfo.Category | Should -Be 'PermissionDenied'
        foreach ($account in $script:AccountIds) { $run.Thrown.Exception.Message | Should -Match $account }
        $run.Output | Should -BeNullOrEmpty
        $run.Sessions | Should -BeNullOrEmpty
        $denied = @($run.Errors | Where-Object FullyQualifiedErrorId -like 'AssumeRoleDenied,*')
        @($denied.TargetObject | Sort-Object) | Should -Be @($script:AccountIds | Sort-Object | ForEach-Object { "arn:aws:iam::${_}:role/NoOneMayAssume" })
        Get-EmulatorCallCount -Stats $run.Stats -Operation ListTasks | Should -Be 0
        @(Get-ChildItem -LiteralPath $folder -Recurse -Filter *.xlsx -Force) | Should -BeNullOrEmpty -Because 'no workbook of nothing is written'
    }
}

Describe 'Misused account parameters' -Tag 'CoreOnly' {
    It '<ErrorId> (<Case>): every cmdlet stops with it before any API call' -ForEach @(
        @{ ErrorId = 'RoleNameRequired'; Case = '-AccountId without -RoleName'; Given = @{ AccountId = '444455556666' }; Text = '-RoleName' }
        @{ ErrorId = 'AccountIdRequired'; Case = '-RoleName without accounts'; Given = @{ RoleName = 'StratusScanReadOnly' }; Text = '-AccountId' }
        @{ ErrorId = 'AmbiguousAccountParameters'; Case = '-RoleArn with -AccountId and -RoleName'; Given = @{ RoleArn = 'arn:aws:iam::444455556666:role/StratusScanReadOnly'; AccountId = '777788889999'; RoleName = 'StratusScanReadOnly' }; Text = '-RoleArn' }
        @{ ErrorId = 'AmbiguousAccountParameters'; Case = '-RoleArn with -RoleName'; Given = @{ RoleArn = 'arn:aws:iam::444455556666:role/StratusScanReadOnly'; RoleName = 'StratusScanReadOnly' }; Text = '-RoleArn' }
        @{ ErrorId = 'AssumeRoleParameterWithoutRole'; Case = '-ExternalId alone'; Given = @{ ExternalId = 'stratusscan-external-id' }; Text = '-ExternalId' }
        @{ ErrorId = 'AssumeRoleParameterWithoutRole'; Case = '-RoleSessionName alone'; Given = @{ RoleSessionName = 'audit' }; Text = '-RoleSessionName' }
        @{ ErrorId = 'AssumeRoleParameterWithoutRole'; Case = '-DurationSeconds alone'; Given = @{ DurationSeconds = 900 }; Text = '-DurationSeconds' }
        @{ ErrorId = 'InvalidRoleArn'; Case = 'an 11-digit account in the ARN'; Given = @{ RoleArn = 'arn:aws:iam::44445555666:role/StratusScanReadOnly' }; Text = '44445555666' }
        @{ ErrorId = 'InvalidRoleArn'; Case = 'a user ARN'; Given = @{ RoleArn = 'arn:aws:iam::444455556666:role/StratusScanReadOnly', 'arn:aws:iam::777788889999:user/auditor' }; Text = 'user/auditor' }
        @{ ErrorId = 'InvalidAccountId'; Case = 'too short'; Given = @{ AccountId = '444455556666', '1234'; RoleName = 'StratusScanReadOnly' }; Text = "'1234'" }
        @{ ErrorId = 'InvalidAccountId'; Case = 'not digits'; Given = @{ AccountId = '44445555666x'; RoleName = 'StratusScanReadOnly' }; Text = '44445555666x' }
        @{ ErrorId = 'PartitionMismatch'; Case = 'a GovCloud role with a commercial Region'; Given = @{ RoleArn = 'arn:aws-us-gov:iam::444455556666:role/StratusScanReadOnly' }; Text = 'aws-us-gov' }
    ) {
        $ran = 0
        foreach ($command in $script:AllCommands) {
            $ran++
            $parameters = $script:Conn + $Given
            if ($command -eq 'Export-SSDataSyncReport') { $parameters += @{ OutputDirectory = (Join-Path $script:Root 'misuse-out'); InformationAction = 'Ignore' } }
            $run = Invoke-Scan -Command $command -Parameters $parameters
            $run.Thrown | Should -Not -BeNullOrEmpty -Because "$command stops"
            $run.Thrown.FullyQualifiedErrorId | Should -Be ('{0},StratusScan.DataSync.Commands.{1}Command' -f $ErrorId, ($command -replace '-', '')) -Because $command
            $run.Thrown.CategoryInfo.Category | Should -Be 'InvalidArgument' -Because $command
            $run.Thrown.Exception.Message | Should -Match ([regex]::Escape($Text)) -Because $command
            $run.Output | Should -BeNullOrEmpty -Because $command
            $run.Stats.TotalCalls | Should -Be 0 -Because "$command made no API call (not even STS)"
            $run.Sessions | Should -BeNullOrEmpty
        }
        $ran | Should -Be 5
        Test-Path -LiteralPath (Join-Path $script:Root 'misuse-out') | Should -BeFalse
    }
}

Describe 'Export-SSDataSyncReport across accounts' -Tag 'CoreOnly' {
    BeforeAll {
        # One organisation run with an account that does not trust us, every stream captured (-Verbose, *>&1) and a log.
        $script:ExportFolder = New-TestFolder org-export
        $script:ExportLog = Join-Path $script:ExportFolder 'run.log'
        $script:ExportAccounts = @('777788889999', '123456789012', '111122223333')
        $script:Trusted = @('777788889999', '111122223333')
        $script:ExportSessionsBefore = @(Get-EmulatorSession).Count
        $script:ExportStreams = @(Export-SSDataSyncReport @Conn -AccountId $script:ExportAccounts -RoleName StratusScanReadOnly `
                -OutputDirectory (Join-Path $script:ExportFolder 'out') -LogPath $script:ExportLog -PassThru -Verbose `
                -ErrorAction Continue -WarningAction Continue -InformationAction Continue *>&1)
        $script:ExportSessions = @(Get-EmulatorSession | Select-Object -Skip $script:ExportSessionsBefore)
        $script:ExportFile = @($script:ExportStreams | Where-Object { $_ -is [IO.FileInfo] })
        $script:ExportErrors = @($script:ExportStreams | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $script:ExportBook = if ($script:ExportFile.Count -eq 1) { Read-Workbook $script:ExportFile[0].FullName }

        function script:Get-ExpectedSheetArn {
            <# The ARNs a data sheet of the organisation workbook should hold, in the sheet's order (Get-SheetOrder). #>
            param([string] $Sheet, [string[]] $Accounts)
            $executions = { param($rows) @($rows | ForEach-Object { [pscustomobject]@{ Arn = $_.Arn; StartTime = ConvertFrom-DatasetTime $_.Json.StartTime } }) }
            switch ($Sheet) {
                'Tasks' { Get-SheetOrder -Objects @(Get-ExpectedRow -Kind Task -Accounts $Accounts) -Arn Arn }
                'Locations' { Get-SheetOrder -Objects @(Get-ExpectedRow -Kind Location -Accounts $Accounts) -Arn Arn }
                'Agents' { Get-SheetOrder -Objects @(Get-ExpectedRow -Kind Agent -Accounts $Accounts) -Arn Arn }
                'Recent Executions' { Get-SheetOrder -Objects (& $executions (Get-ExpectedRow -Kind Execution -Accounts $Accounts)) -Arn Arn -NewestFirst }
                'Active Tasks' { Get-SheetOrder -Objects @(Get-ExpectedRow -Kind Task -Accounts $Accounts | Where-Object { $_.Json.Status -eq 'AVAILABLE' }) -Arn Arn }
                'Failed Executions' { Get-SheetOrder -Objects (& $executions (Get-ExpectedRow -Kind Execution -Accounts $Accounts | Where-Object { $_.Json.Status -eq 'ERROR' })) -Arn Arn -NewestFirst }
            }
        }
    }

    It 'writes multi-account-datasync-all-export-{MM.DD.YYYY}.xlsx in -OutputDirectory' {
        $script:ExportFile.Count | Should -Be 1
        $script:ExportFile[0].Name | Should -Be "multi-account-datasync-all-export-$($script:Today).xlsx"
        $script:ExportFile[0].DirectoryName | Should -Be (Join-Path $script:ExportFolder 'out')
    }

    It 'writes the organisation banner: Organization: multi-account and Accounts: 3 (ids as given)' {
        $lines = Get-InformationText $script:ExportStreams
        $lines | Should -Contain 'Organization: multi-account'
        $lines | Should -Contain 'Accounts: 3 (777788889999, 123456789012, 111122223333)'
        $lines | Should -Not -Contain 'Account ID: 777788889999'
    }

    It 'reports the untrusting account as one AssumeRoleDenied error' {
        $script:ExportErrors.Count | Should -Be 1 -Because (Get-ErrorText $script:ExportErrors)
        $script:ExportErrors[0].FullyQualifiedErrorId | Should -Be 'AssumeRoleDenied,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $script:ExportErrors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $script:ExportErrors[0].TargetObject | Should -Be 'arn:aws:iam::123456789012:role/StratusScanReadOnly'
        $script:ExportErrors[0].Exception.Message | Should -Match '123456789012'
        $script:ExportErrors[0].Exception.Message | Should -Match 'sts:AssumeRole'
    }

    It 'has on <_> exactly the rows of the trusted accounts, in order' -ForEach @('Tasks', 'Locations', 'Agents', 'Recent Executions', 'Active Tasks', 'Failed Executions') {
        $rows = $script:ExportBook[$_]
        $expected = @(Get-ExpectedSheetArn -Sheet $_ -Accounts $script:Trusted)
        $expected.Count | Should -BeGreaterThan 0 -Because "the trusted accounts have rows for $_"
        @(Get-Column $rows $script:SheetKeys[$_]) | Should -Be $expected
    }

    It 'ends every row of <_> with Account ID (the account in its ARN) and Account Name (the id, no config)' -ForEach @('Tasks', 'Locations', 'Agents', 'Recent Executions', 'Active Tasks', 'Failed Executions') {
        $rows = $script:ExportBook[$_]
        $headers = @($rows[0] | Where-Object { $null -ne $_ })
        $headers[-2..-1] | Should -Be @('Account ID', 'Account Name')
        $arns = @(Get-Column $rows $script:SheetKeys[$_])
        $ids = @(Get-Column $rows 'Account ID')
        $names = @(Get-Column $rows 'Account Name')
        $ids | Should -Be @($arns | ForEach-Object { ($_ -split ':')[4] })
        $names | Should -Be $ids
    }

    It 'has a By Account table on the Summary: counts per trusted account, and the untrusting one Not scanned' {
        $accounts = @(Get-SummaryTable $script:ExportBook['Summary'] 'By Account')
        @($accounts.'Account ID') | Should -Be $script:ExportAccounts
        @($accounts.Status) | Should -Be @('Complete', 'Not scanned', 'Complete')
        foreach ($row in $accounts) {
            $id = [string]$row.'Account ID'
            $row.'Account Name' | Should -Be $id
            $row.Tasks | Should -Be @(Get-ExpectedRow -Kind Task -Accounts $id).Count
            $row.'Active Tasks' | Should -Be @(Get-ExpectedRow -Kind Task -Accounts $id | Where-Object { $_.Json.Status -eq 'AVAILABLE' }).Count
            $row.Locations | Should -Be @(Get-ExpectedRow -Kind Location -Accounts $id).Count
            $row.Agents | Should -Be @(Get-ExpectedRow -Kind Agent -Accounts $id).Count
            $row.Executions | Should -Be @(Get-ExpectedRow -Kind Execution -Accounts $id).Count
            $row.'Failed Executions' | Should -Be @(Get-ExpectedRow -Kind Execution -Accounts $id | Where-Object { $_.Json.Status -eq 'ERROR' }).Count
            $row.'Scan Issues' | Should -Be $(if ($id -eq '123456789012') { 1 } else { 0 })
        }
        $accounts[0].Tasks | Should -BeGreaterThan 0
        (Get-SummaryBlock $script:ExportBook['Summary'])['Organization'] | Should -Be 'multi-account'
        (Get-SummaryBlock $script:ExportBook['Summary'])['Accounts'] | Should -Be '3 accounts (2 scanned, 1 not scanned)'
    }

    It 'lists the failed account''s AssumeRole issue on the Summary and says the data is incomplete' {
        $summary = $script:ExportBook['Summary']
        (Get-SummaryBlock $summary)['Data Complete'] | Should -BeLike 'No:*'
        $summary[(Find-SummaryRow $summary 'Scan Issues')][1] | Should -Be 1
        $issues = @(Get-SummaryTable $summary 'Scan Issues')
        $issues.Count | Should -Be 1
        $issues[0].'IAM Action' | Should -Be 'sts:AssumeRole'
        $issues[0].Target | Should -Be 'arn:aws:iam::123456789012:role/StratusScanReadOnly'
        $issues[0].'Error Code' | Should -Be 'AccessDenied'
        $issues[0].Account | Should -Be '123456789012'
        "$($issues[0].'Missing Data') $($issues[0].Message)" | Should -Match '123456789012'
    }

    It 'counts only the trusted accounts'' resources on the Summary' {
        $summary = $script:ExportBook['Summary']
        (Get-SummaryBlock $summary 'Tasks')['Total'] | Should -Be @(Get-ExpectedRow -Kind Task -Accounts $script:Trusted).Count
        (Get-SummaryBlock $summary 'Locations')['Total'] | Should -Be @(Get-ExpectedRow -Kind Location -Accounts $script:Trusted).Count
        (Get-SummaryBlock $summary 'Agents')['Total'] | Should -Be @(Get-ExpectedRow -Kind Agent -Accounts $script:Trusted).Count
        (Get-SummaryBlock $summary 'Executions in the Window')['Total'] | Should -Be @(Get-ExpectedRow -Kind Execution -Accounts $script:Trusted).Count
    }

    It '-AccountName names the file and the organisation' {
        $out = Join-Path (New-TestFolder named) 'out'
        $info = @(Export-SSDataSyncReport @Conn -AccountId '444455556666', '111122223333' -RoleName StratusScanReadOnly -AccountName 'Org' -OutputDirectory $out `
            -PassThru -InformationAction Continue -WarningAction SilentlyContinue 6>&1)
        $file = @($info | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $file = $file[0]
        $file.Name | Should -Be "Org-datasync-all-export-$($script:Today).xlsx"
        Get-InformationText $info | Should -Contain 'Organization: Org'
        Get-InformationText $info | Should -Contain 'Accounts: 2 (444455556666, 111122223333)'
        (Get-SummaryBlock (Read-Workbook $file.FullName)['Summary'])['Organization'] | Should -Be 'Org'
    }

    It 'takes the organisation''s name from the config''s <Key> (<How>)' -ForEach @(
        @{ Key = 'organization_name'; Value = 'Contoso Federal'; How = '-ConfigPath' }
        @{ Key = 'agency_name'; Value = 'Agency-42'; How = './config.json' }
    ) {
        $folder = New-TestFolder config-name
        $config = Join-Path $folder $(if ($How -eq '-ConfigPath') { 'stratusscan.json' } else { 'config.json' })
        @{ $Key = $Value; account_mappings = $script:Names } | ConvertTo-Json | Set-Content -LiteralPath $config -Encoding utf8
        $parameters = @{ AccountId = '777788889999', '444455556666'; RoleName = 'StratusScanReadOnly'; PassThru = $true; InformationAction = 'Ignore'; WarningAction = 'SilentlyContinue' }
        if ($How -eq '-ConfigPath') { $parameters.ConfigPath = $config }
        Push-Location -LiteralPath $folder
        try { $file = Export-SSDataSyncReport @Conn @parameters }
        finally { Pop-Location }
        $file.Name | Should -Be "$Value-datasync-all-export-$($script:Today).xlsx"
        $file.DirectoryName | Should -Be (Join-Path $folder 'output')
        (Get-SummaryBlock (Read-Workbook $file.FullName)['Summary'])['Organization'] | Should -Be $Value
    }

    It 'names a one-account run by that account (-AccountId with one id)' {
        $out = Join-Path (New-TestFolder one-account) 'out'
        $info = @(Export-SSDataSyncReport @Conn -AccountId '777788889999' -RoleName StratusScanReadOnly -ConfigPath $script:MappedConfig -OutputDirectory $out `
            -PassThru -InformationAction Continue -WarningAction SilentlyContinue 6>&1)
        $file = @($info | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $file = $file[0]
        $file.Name | Should -Be "Prod Workloads-datasync-all-export-$($script:Today).xlsx"
        Get-InformationText $info | Should -Contain 'Account ID: 777788889999'
        Get-InformationText $info | Should -Not -Contain 'Organization: multi-account'
        $book = Read-Workbook $file.FullName
        (Get-SummaryBlock $book['Summary'])['Account ID'] | Should -Be '777788889999'
        @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be @((Get-ExpectedRow -Kind Task -Accounts '777788889999').Arn)
    }

    It 'writes an organisation workbook from objects of several accounts piped in, without an AWS call' {
        # The Get cmdlets give objects in arrival order: put them in the order of the accounts given, which the
        # piped report keeps (accounts in the order their objects come, rows in the order piped).
        $accountOrder = @{ Expression = { [array]::IndexOf($script:AccountIds, $_.AccountId) } }
        $tasks = @(Get-SSDataSyncTask @Conn @Org | Sort-Object $accountOrder, TaskArn)
        $agents = @(Get-SSDataSyncAgent @Conn @Org | Sort-Object $accountOrder, AgentArn)
        $folder = New-TestFolder piped
        Reset-EmulatorStats $script:Emulator.Endpoint
        $info = @(@($tasks) + @($agents) | Export-SSDataSyncReport -OutputDirectory $folder -PassThru -InformationAction Continue 6>&1)
        (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls | Should -Be 0
        $file = @($info | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $file[0].Name | Should -Be "multi-account-datasync-all-export-$($script:Today).xlsx"
        Get-InformationText $info | Should -Contain 'Organization: multi-account'
        Get-InformationText $info | Should -Contain ('Accounts: 3 ({0})' -f ($script:AccountIds -join ', '))
        $book = Read-Workbook $file[0].FullName
        @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be @(Get-SheetOrder -Objects $tasks -Arn TaskArn)
        @(Get-Column $book['Agents'] 'Agent ARN') | Should -Be @(Get-SheetOrder -Objects $agents -Arn AgentArn)
        $book['Locations'].Count | Should -Be 1
    }

    It 'takes one account given twice as one account, not an organisation' {
        $out = Join-Path (New-TestFolder twice) 'out'
        Reset-EmulatorStats $script:Emulator.Endpoint
        $info = @(Export-SSDataSyncReport @Conn -AccountId '444455556666', '444455556666' -RoleName StratusScanReadOnly -OutputDirectory $out `
            -PassThru -InformationAction Continue -WarningAction SilentlyContinue 6>&1)
        $file = @($info | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $file = $file[0]
        Get-EmulatorCallCount -Stats (Get-EmulatorStats $script:Emulator.Endpoint) -Operation AssumeRole | Should -Be 1
        @(Get-Column (Read-Workbook $file.FullName)['Tasks'] 'Task ARN') | Should -Be @((Get-ExpectedRow -Kind Task -Accounts '444455556666').Arn)
        $file.Name | Should -Be "444455556666-datasync-all-export-$($script:Today).xlsx"
        Get-InformationText $info | Should -Contain 'Account ID: 444455556666'
        Get-InformationText $info | Should -Not -Contain 'Accounts: 2 (444455556666, 444455556666)'
    }
}

Describe 'No temporary credential in any output' -Tag 'CoreOnly' {
    BeforeAll {
        # Every session the emulator issued in this file (the organisation export's among them) and the caller's own key.
        $script:AllSessions = @(Get-EmulatorSession)
        $script:Secrets = @($script:AllSessions | ForEach-Object { $_.AccessKeyId; $_.SecretAccessKey; $_.SessionToken }) + $script:Credential.SecretKey

        function script:Find-Secret {
            <# The secrets (shortened) that occur in a text. #>
            param([string] $Text, [string] $Where)
            foreach ($secret in $script:Secrets) {
                if ($Text.Contains($secret)) { "$Where holds $($secret.Substring(0, 8))…" }
            }
        }
    }

    It 'the organisation export opened sessions for the trusted accounts, so there were secrets to leak' {
        @($script:ExportSessions.AccountId | Sort-Object) | Should -Be @('111122223333', '777788889999')
        foreach ($session in $script:AllSessions) {
            $session.AccessKeyId | Should -Match '^ASIA'
            $session.SecretAccessKey.Length | Should -BeGreaterThan 20
            $session.SessionToken.Length | Should -BeGreaterThan 20
        }
        $script:Secrets.Count | Should -BeGreaterThan 30
        # The search finds a secret when it is there.
        Find-Secret -Text ('x{0}y' -f $script:AllSessions[-1].SessionToken) -Where 'a probe' | Should -HaveCount 1
    }

    It 'is not in any captured stream of the export (output, errors, warnings, verbose, information)' {
        $verbose = @($script:ExportStreams | Where-Object { $_ -is [Management.Automation.VerboseRecord] })
        $verbose.Count | Should -BeGreaterThan 10 -Because '-Verbose tells each API call'
        $text = foreach ($record in $script:ExportStreams) {
            switch ($record) {
                { $_ -is [Management.Automation.ErrorRecord] } {
                    "$record"; $record.Exception.ToString(); "$($record.TargetObject)"; "$($record.ErrorDetails.Message)"; "$($record.ErrorDetails.RecommendedAction)"; break
                }
                { $_ -is [Management.Automation.InformationRecord] } { "$($record.MessageData)"; break }
                { $_ -is [Management.Automation.InformationalRecord] } { $record.Message; break }
                default { $record | Format-List * | Out-String }
            }
        }
        $text = $text -join "`n"
        $text | Should -Match 'DescribeTask' -Because 'the verbose lines were captured'
        $text | Should -Match 'sts:AssumeRole' -Because 'the error was captured'
        $text | Should -Match 'Organization: multi-account' -Because 'the information stream was captured'
        Find-Secret -Text $text -Where 'the streams' | Should -BeNullOrEmpty
    }

    It 'is not in the log file' {
        Test-Path -LiteralPath $script:ExportLog | Should -BeTrue
        $text = Get-Content -Raw -LiteralPath $script:ExportLog
        $text | Should -Match '777788889999'
        $text | Should -Match '123456789012'
        Find-Secret -Text $text -Where 'the log' | Should -BeNullOrEmpty
    }

    It 'is not in any part of the workbook' {
        $parts = @(Get-ZipText $script:ExportFile[0].FullName)
        $parts.Count | Should -BeGreaterThan 7
        $all = ($parts.Text -join "`n")
        $all | Should -Match ([regex]::Escape((Get-ExpectedRow -Kind Task -Accounts '777788889999')[0].Arn)) -Because 'the parts were read as text'
        $problems = foreach ($part in $parts) { Find-Secret -Text $part.Text -Where $part.Part }
        $problems | Should -BeNullOrEmpty
    }

    It 'is not in the objects exported with Export-Csv or ConvertTo-Json' {
        $csvFiles = @(Get-ChildItem -LiteralPath $script:Root -Filter 'org-*.csv')
        $csvFiles.Count | Should -Be 4 -Because 'the pipeline tests exported each kind'
        # A fresh scan of each kind too, whose sessions are added to the secrets.
        $objects = @()
        $paths = foreach ($command in 'Get-SSDataSyncTask', 'Get-SSDataSyncLocation', 'Get-SSDataSyncAgent', 'Get-SSDataSyncExecution') {
            $found = @(& $command @Conn @Org)
            $objects += $found
            $path = Join-Path $script:Root "secrets-$command.csv"
            $found | Export-Csv -LiteralPath $path -NoTypeInformation -Encoding utf8
            $path
        }
        $secrets = @(Get-EmulatorSession) | ForEach-Object { $_.AccessKeyId; $_.SecretAccessKey; $_.SessionToken }
        $script:Secrets = @(@($script:Secrets) + @($secrets) | Select-Object -Unique)
        $problems = foreach ($file in @($csvFiles.FullName) + @($paths)) {
            $text = Get-Content -Raw -LiteralPath $file
            $text | Should -Match 'arn:aws:datasync:'
            Find-Secret -Text $text -Where $file
        }
        $json = $objects | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue
        $problems += Find-Secret -Text ($json -join "`n") -Where 'ConvertTo-Json'
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'A scan of the caller''s own account (no account parameters)' -Tag 'CoreOnly' {
    It '<Cmdlet> returns the rows of 111122223333 only and makes no STS call' -ForEach $Kinds {
        $run = Invoke-Scan -Command $Cmdlet -Parameters $script:Conn
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-SortedArn $run.Output.$ArnMember | Should -Be (Get-SortedArn (Get-ExpectedRow -Kind $Kind -Accounts '111122223333').Arn)
        foreach ($o in $run.Output) {
            $o.AccountId | Should -Be '111122223333'
            $o.AccountName | Should -Be '111122223333'
        }
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 0
        Get-EmulatorCallCount -Stats $run.Stats -Operation $Action | Should -BeGreaterThan 0
        $run.Sessions | Should -BeNullOrEmpty
    }

    It 'Export-SSDataSyncReport names the workbook by the account and assumes no role' {
        $folder = New-TestFolder single
        $run = Invoke-Scan -Command Export-SSDataSyncReport -Parameters ($script:Conn + @{ OutputDirectory = $folder; PassThru = $true; InformationAction = 'Ignore'; WarningAction = 'SilentlyContinue'; LogPath = (Join-Path $folder 'run.log') })
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $run.Output[0].Name | Should -Be "111122223333-datasync-all-export-$($script:Today).xlsx"
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 0
        $run.Sessions | Should -BeNullOrEmpty
        $book = Read-Workbook $run.Output[0].FullName
        (Get-SummaryBlock $book['Summary'])['Account ID'] | Should -Be '111122223333'
        @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be @((Get-ExpectedRow -Kind Task -Accounts '111122223333').Arn)
    }
}
