# Tagged CoreOnly: it reads workbooks with ExcelDataReader, which Windows PowerShell 5.1 cannot load.
# Accounts piped into the scanning cmdlets (issue 23): Get-SSOrganizationAccount's objects, Import-Csv rows and
# [pscustomobject]@{AccountId=...} (one at a time or in batches) are gathered and scanned in ONE organisation-wide scan,
# as if -AccountId had listed them; an account that is not ACTIVE is left out with a warning; the misuses stop before any
# API call; and the objects of the Get cmdlets piped on (a task's AccountId included) bind as they always did. The
# emulator makes an organisation of the dataset's three accounts (111122223333 the management account) plus a
# SUSPENDED, a PENDING_CLOSURE and a CLOSED account; every member trusts 111122223333 to assume StratusScanReadOnly.

BeforeDiscovery {
    $script:Kinds = @(
        @{ Cmdlet = 'Get-SSDataSyncTask'; ArnMember = 'TaskArn' }
        @{ Cmdlet = 'Get-SSDataSyncLocation'; ArnMember = 'LocationArn' }
        @{ Cmdlet = 'Get-SSDataSyncAgent'; ArnMember = 'AgentArn' }
        @{ Cmdlet = 'Get-SSDataSyncExecution'; ArnMember = 'TaskExecutionArn' }
    )
    $script:Commands = @('Get-SSDataSyncTask', 'Get-SSDataSyncLocation', 'Get-SSDataSyncAgent', 'Get-SSDataSyncExecution', 'Export-SSDataSyncReport')
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Root = New-TestRoot pipedaccounts
    Import-WorkbookReader
    $script:Today = (Get-Date).ToString('MM.dd.yyyy', [Globalization.CultureInfo]::InvariantCulture)

    $spec = 'regions=us-east-1;eu-west-1,accounts=3,tasks=2,locations=1,agents=1,executions=2,days=10,seed=23,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $credential = Get-EmulatorCredential
    $script:Conn = @{ EndpointUrl = $script:Emulator.Endpoint; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; Region = 'us-east-1', 'eu-west-1' }
    $script:Role = 'StratusScanReadOnly'
    $script:Organization = (Invoke-RestMethod -Method Get -Uri ($script:Emulator.Endpoint.TrimEnd('/') + '/__emulator/organization') -NoProxy).Organization
    $script:Active = @(Get-SSOrganizationAccount @Conn)
    $script:ActiveIds = @($script:Active.AccountId)
    $script:Inactive = @($script:Organization.Accounts | Where-Object State -ne 'ACTIVE')

    function script:Get-DatasetTaskArn {
        <# The task ARNs the dataset holds for some accounts, sorted. #>
        param([string[]] $AccountId)
        Get-SortedArn @($script:Emulator.Dataset.Accounts | Where-Object { $_.AccountId -in $AccountId } | ForEach-Object { $_.Regions.Tasks.TaskArn })
    }

    function script:Get-DatasetExecutionArn {
        <# The execution ARNs the dataset holds for some accounts, sorted (all in the default 30-day window: days=10). #>
        param([string[]] $AccountId)
        Get-SortedArn @($script:Emulator.Dataset.Accounts | Where-Object { $_.AccountId -in $AccountId } | ForEach-Object { $_.Regions.Executions.TaskExecutionArn })
    }

    function script:Get-EmulatorSession {
        @(Invoke-RestMethod -Method Get -Uri ($script:Emulator.Endpoint.TrimEnd('/') + '/__emulator/sessions') -NoProxy | Write-Output)
    }

    function script:Invoke-Piped {
        <#
        Pipes -InputObject (each item is one pipeline object) into a command with splatted parameters: its output, errors,
        warnings, information records, the terminating error, the emulator's stats and the STS sessions issued meanwhile.
        #>
        param([object[]] $InputObject, [Parameter(Mandatory)] [string] $Command, [hashtable] $Parameters = @{})
        Reset-EmulatorStats $script:Emulator.Endpoint
        $before = @(Get-EmulatorSession).Count
        $errors = $warnings = $information = $null
        $thrown = $null
        $output = @()
        try {
            $common = @{ ErrorVariable = 'errors'; WarningVariable = 'warnings'; InformationVariable = 'information'; ErrorAction = 'SilentlyContinue'; WarningAction = 'SilentlyContinue'; InformationAction = 'SilentlyContinue' }
            # Without -InputObject nothing is piped (piping $null would send one null object).
            $output = if ($PSBoundParameters.ContainsKey('InputObject')) { @($InputObject | & $Command @Conn @Parameters @common) } else { @(& $Command @Conn @Parameters @common) }
        }
        catch { $thrown = $_ }
        [pscustomobject]@{
            Output = $output; Errors = @($errors | Where-Object { $_ -is [Management.Automation.ErrorRecord] }); Warnings = @($warnings | ForEach-Object { "$_" })
            Information = @($information); Thrown = $thrown; Stats = Get-EmulatorStats $script:Emulator.Endpoint
            Sessions = @(Get-EmulatorSession | Select-Object -Skip $before)
        }
    }

    function script:Get-ErrorText { param($Records) @($Records | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join "`n" }

    function script:Get-ExportParameter {
        <# Export-SSDataSyncReport into a new folder (its path in .Folder), with the file's FileInfo passed through. #>
        param([string] $Name)
        $folder = New-TestFolder $Name
        @{ OutputDirectory = $folder; LogPath = (Join-Path $folder 'run.log'); PassThru = $true }
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root -and (Test-Path -LiteralPath $script:Root)) { Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue }
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The organisation the tests pipe' -Tag 'CoreOnly' {
    It 'has three ACTIVE accounts holding tasks, and three inactive ones' {
        $script:ActiveIds | Should -Be @('111122223333', '444455556666', '777788889999')
        @($script:Inactive.State | Sort-Object) | Should -Be @('CLOSED', 'PENDING_CLOSURE', 'SUSPENDED')
        @(Get-DatasetTaskArn $script:ActiveIds).Count | Should -Be 12 -Because 'two tasks in each of two Regions of three accounts'
        foreach ($account in $script:Active) { $account.Name | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Get-SSOrganizationAccount | <Cmdlet> -RoleName StratusScanReadOnly' -Tag 'CoreOnly' -ForEach $Kinds {
    BeforeAll {
        $script:Piped = Invoke-Piped -InputObject $script:Active -Command $Cmdlet -Parameters @{ RoleName = $script:Role }
        $script:Listed = Invoke-Piped -Command $Cmdlet -Parameters @{ AccountId = $script:ActiveIds; RoleName = $script:Role }
    }

    It 'returns what -AccountId with the same ids returns, from every account, with no error or warning' {
        $Piped.Thrown | Should -BeNullOrEmpty
        $Piped.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $Piped.Errors)
        $Piped.Warnings | Should -BeNullOrEmpty
        $Piped.Output.Count | Should -BeGreaterThan 0
        Get-SortedArn $Piped.Output.$ArnMember | Should -Be (Get-SortedArn $Listed.Output.$ArnMember)
        @($Piped.Output.AccountId | Sort-Object -Unique) | Should -Be $script:ActiveIds
        if ($Cmdlet -eq 'Get-SSDataSyncTask') { Get-SortedArn $Piped.Output.TaskArn | Should -Be (Get-DatasetTaskArn $script:ActiveIds) }
    }

    It 'runs one scan: each role assumed once, one closing summary' {
        Get-EmulatorCallCount -Stats $Piped.Stats -Operation AssumeRole | Should -Be 3
        @($Piped.Sessions.AccountId | Sort-Object) | Should -Be $script:ActiveIds
        @($Piped.Sessions.RoleName | Sort-Object -Unique) | Should -Be @($script:Role)
        @($Piped.Information | Where-Object { $_.Tags -contains 'Summary' }).Count | Should -Be 1
    }

    It 'names each object''s account by the piped account''s Name (no config)' {
        foreach ($o in $Piped.Output) {
            $o.AccountName | Should -BeExactly ($script:Active | Where-Object AccountId -eq $o.AccountId).Name -Because $o.$ArnMember
        }
        @($Listed.Output.AccountName | Sort-Object -Unique) | Should -Be $script:ActiveIds -Because '-AccountId carries no names'
    }
}

Describe 'Other account objects, batches, duplicates and names' -Tag 'CoreOnly' {
    It 'takes [pscustomobject]@{AccountId=...} and Import-Csv rows of an account list' {
        $custom = Invoke-Piped -InputObject ([pscustomobject]@{ AccountId = '444455556666' }) -Command Get-SSDataSyncTask -Parameters @{ RoleName = $script:Role }
        $custom.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $custom.Errors)
        Get-SortedArn $custom.Output.TaskArn | Should -Be (Get-DatasetTaskArn '444455556666')
        @($custom.Output.AccountName | Sort-Object -Unique) | Should -Be @('444455556666') -Because 'no Name, no config: the id'

        $csv = Join-Path $script:Root 'accounts.csv'
        "AccountId,Name,Owner`n777788889999,Payments Prod,ops`n111122223333,Management (CSV),ops" | Set-Content -LiteralPath $csv -Encoding utf8
        $rows = @(Import-Csv -LiteralPath $csv)
        $fromCsv = Invoke-Piped -InputObject $rows -Command Get-SSDataSyncAgent -Parameters @{ RoleName = $script:Role }
        $fromCsv.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $fromCsv.Errors)
        @($fromCsv.Sessions.AccountId | Sort-Object) | Should -Be @('111122223333', '777788889999')
        @($fromCsv.Output | ForEach-Object { "$($_.AccountId)=$($_.AccountName)" } | Sort-Object -Unique) | Should -Be @('111122223333=Management (CSV)', '777788889999=Payments Prod')
    }

    It 'scans batches (arrays piped as one object each) as their accounts' {
        $batches = @(, @($script:Active[0], $script:Active[1])) + @(, @($script:Active[2]))
        $batches.Count | Should -Be 2
        $run = Invoke-Piped -InputObject $batches -Command Get-SSDataSyncTask -Parameters @{ RoleName = $script:Role }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-SortedArn $run.Output.TaskArn | Should -Be (Get-DatasetTaskArn $script:ActiveIds)
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 3
    }

    It 'keeps an ARN given on the command line as the filter of the piped accounts'' scan' {
        $arn = @(Get-DatasetTaskArn '444455556666')[0]
        $run = Invoke-Piped -InputObject $script:Active -Command Get-SSDataSyncTask -Parameters @{ RoleName = $script:Role; TaskArn = $arn }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        @($run.Output.TaskArn) | Should -Be @($arn) -Because 'the accounts'' text never becomes an ARN'
        @($run.Output.AccountName) | Should -Be @(($script:Active | Where-Object AccountId -eq '444455556666').Name)
    }

    It 'gives an error (PipedAccountWithoutId) for a row with an empty AccountId and scans the other rows' {
        $rows = @([pscustomobject]@{ AccountId = ''; Name = 'blank' }, [pscustomobject]@{ AccountId = '777788889999'; Name = 'Security' })
        $run = Invoke-Piped -InputObject $rows -Command Get-SSDataSyncAgent -Parameters @{ RoleName = $script:Role }
        $run.Thrown | Should -BeNullOrEmpty
        @($run.Errors.FullyQualifiedErrorId) | Should -Be @('PipedAccountWithoutId,StratusScan.DataSync.Commands.GetSSDataSyncAgentCommand')
        $run.Errors[0].Exception.Message | Should -Match 'blank.*empty AccountId'
        "$($run.Errors[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
        @($run.Sessions.AccountId) | Should -Be @('777788889999')
        Get-SortedArn $run.Output.AgentArn | Should -Be (Get-SortedArn @($script:Emulator.Dataset.Accounts | Where-Object AccountId -eq '777788889999' | ForEach-Object { $_.Regions.Agents.AgentArn }))
    }

    It 'scans an account piped twice once, in arrival order, and lets the config''s account_mappings win over Name' {
        $config = Join-Path $script:Root 'mapped.json'
        @{ account_mappings = @{ '777788889999' = 'Mapped Security' } } | ConvertTo-Json | Set-Content -LiteralPath $config -Encoding utf8
        $accounts = @(
            [pscustomobject]@{ AccountId = '777788889999'; Name = 'Piped Security' }
            [pscustomobject]@{ AccountId = '444455556666'; Name = 'Piped Workloads' }
            [pscustomobject]@{ AccountId = '777788889999'; Name = 'Again' })
        $parameters = (Get-ExportParameter order) + @{ RoleName = $script:Role; ConfigPath = $config }
        $run = Invoke-Piped -InputObject $accounts -Command Export-SSDataSyncReport -Parameters $parameters
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 2
        Get-InformationText $run.Information | Should -Contain 'Accounts: 2 (777788889999, 444455556666)'
        $file = @($run.Output | Where-Object { $_ -is [IO.FileInfo] })
        $file.Count | Should -Be 1
        $file[0].Name | Should -Be "multi-account-datasync-all-export-$($script:Today).xlsx"
        $book = Read-Workbook $file[0].FullName
        $byAccount = @(Get-SummaryTable $book['Summary'] 'By Account')
        @($byAccount.'Account ID') | Should -Be @('777788889999', '444455556666')
        @($byAccount.'Account Name') | Should -Be @('Mapped Security', 'Piped Workloads')
        @($byAccount.Status | Sort-Object -Unique) | Should -Be @('Complete')
        Get-SortedArn @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be (Get-DatasetTaskArn '777788889999', '444455556666')
        @(Get-Column $book['Tasks'] 'Account Name' | Sort-Object -Unique) | Should -Be @('Mapped Security', 'Piped Workloads')
    }

    It 'Get-SSOrganizationAccount | Export-SSDataSyncReport -Path writes the organisation''s workbook; one piped account names a one-account file' {
        $path = Join-Path (New-TestFolder org) 'org.xlsx'
        $run = Invoke-Piped -InputObject $script:Active -Command Export-SSDataSyncReport -Parameters @{ RoleName = $script:Role; Path = $path; LogPath = "$path.log" }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $book = Read-Workbook $path
        $byAccount = @(Get-SummaryTable $book['Summary'] 'By Account')
        @($byAccount.'Account ID') | Should -Be $script:ActiveIds
        @($byAccount.'Account Name') | Should -Be @($script:Active.Name)
        Get-SortedArn @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be (Get-DatasetTaskArn $script:ActiveIds)

        $one = Invoke-Piped -InputObject ([pscustomobject]@{ AccountId = '444455556666'; Name = 'Payments' }) -Command Export-SSDataSyncReport -Parameters ((Get-ExportParameter one) + @{ RoleName = $script:Role })
        $one.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $one.Errors)
        $file = @($one.Output | Where-Object { $_ -is [IO.FileInfo] })[0]
        $file.Name | Should -Be "Payments-datasync-all-export-$($script:Today).xlsx"
        (Get-SummaryBlock (Read-Workbook $file.FullName)['Summary'])['Account Name'] | Should -Be 'Payments'
    }

    It 'Get-SSOrganizationAccount | Export-SSDataSyncInventory writes one file of the organisation; batches make one file each' {
        $path = Join-Path (New-TestFolder inventory) 'org.jsonl.gz'
        $run = Invoke-Piped -InputObject $script:Active -Command Export-SSDataSyncInventory -Parameters @{ RoleName = $script:Role; Path = $path }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        @($run.Sessions).Count | Should -Be $script:ActiveIds.Count -Because 'one scan: each role assumed once'
        $gzip = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($path), [IO.Compression.CompressionMode]::Decompress)
        try { $header = ([IO.StreamReader]::new($gzip)).ReadLine() | ConvertFrom-Json } finally { $gzip.Dispose() }
        @($header.Accounts.AccountId) | Should -Be $script:ActiveIds
        @($header.Accounts.AccountName) | Should -Be @($script:Active.Name)
        @($header.Accounts.Status | Select-Object -Unique) | Should -Be 'Complete'
        $tasks = @(Import-SSDataSyncInventory -Path $path -Kind Task)
        Get-SortedArn @($tasks.TaskArn) | Should -Be (Get-DatasetTaskArn $script:ActiveIds)

        # Two batches, each piped as one object (the comma): one file each, of its own accounts.
        $batches = @(, @($script:Active | Select-Object -First 2)) + @(, @($script:Active | Select-Object -Skip 2))
        $files = for ($b = 0; $b -lt 2; $b++) {
            $file = Join-Path (Split-Path $path) "batch-$b.jsonl"
            $batch = Invoke-Piped -InputObject (, $batches[$b]) -Command Export-SSDataSyncInventory -Parameters @{ RoleName = $script:Role; Path = $file }
            $batch.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $batch.Errors)
            @((Get-Content -LiteralPath $file -TotalCount 1 | ConvertFrom-Json).Accounts.AccountId) | Should -Be @($batches[$b].AccountId)
            $file
        }
        Get-SortedArn @((Import-SSDataSyncInventory -Path $files -Kind Task).TaskArn) | Should -Be (Get-DatasetTaskArn $script:ActiveIds)
    }
}

Describe 'Accounts that are not ACTIVE' -Tag 'CoreOnly' {
    It 'are left out with a warning naming each (Get-SSOrganizationAccount -State All); the ACTIVE ones are scanned' {
        $all = @(Get-SSOrganizationAccount @Conn -State All)
        $all.Count | Should -Be 6
        $run = Invoke-Piped -InputObject $all -Command Get-SSDataSyncAgent -Parameters @{ RoleName = $script:Role }
        $run.Errors | Should -BeNullOrEmpty -Because 'no role is tried in an account that cannot be assumed'
        $run.Warnings.Count | Should -Be 3
        foreach ($account in $script:Inactive) {
            @($run.Warnings | Where-Object { $_ -match $account.AccountId -and $_ -match $account.State }).Count | Should -Be 1 -Because $account.AccountId
        }
        @($run.Sessions.AccountId | Sort-Object) | Should -Be $script:ActiveIds
        @($run.Output.AccountId | Sort-Object -Unique) | Should -Be $script:ActiveIds
    }

    It '<_>: when every account piped in is left out, nothing is scanned (not the caller''s account)' -ForEach $Commands {
        $parameters = @{ RoleName = $script:Role }
        if ($_ -eq 'Export-SSDataSyncReport') { $parameters += Get-ExportParameter inactive }
        $run = Invoke-Piped -InputObject $script:Inactive -Command $_ -Parameters $parameters
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $run.Output | Should -BeNullOrEmpty
        $run.Stats.TotalCalls | Should -Be 0
        $run.Warnings.Count | Should -BeGreaterOrEqual 3
        if ($_ -eq 'Export-SSDataSyncReport') { $run.Warnings | Should -Contain 'None of the accounts piped in can be scanned, so no workbook is written.' }
    }
}

Describe 'Misused piped accounts' -Tag 'CoreOnly' {
    It '<ErrorId> (<Case>): every scanning cmdlet stops before any API call' -ForEach @(
        @{ ErrorId = 'AmbiguousAccounts'; Case = 'with -AccountId'; Given = @{ AccountId = '111122223333'; RoleName = 'StratusScanReadOnly' }; Text = '-AccountId' }
        @{ ErrorId = 'AmbiguousAccounts'; Case = 'with -RoleArn'; Given = @{ RoleArn = 'arn:aws:iam::444455556666:role/StratusScanReadOnly' }; Text = '-RoleArn' }
        @{ ErrorId = 'RoleNameRequired'; Case = 'without -RoleName'; Given = @{}; Text = '-RoleName' }
    ) {
        foreach ($command in $script:Commands) {
            $parameters = $Given.Clone()
            if ($command -eq 'Export-SSDataSyncReport') { $parameters.OutputDirectory = Join-Path $script:Root 'misuse-out' }
            $run = Invoke-Piped -InputObject $script:Active -Command $command -Parameters $parameters
            $run.Thrown.FullyQualifiedErrorId | Should -Be ('{0},StratusScan.DataSync.Commands.{1}Command' -f $ErrorId, ($command -replace '-', '')) -Because $command
            $run.Thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $run.Thrown.Exception.Message | Should -Match ([regex]::Escape($Text))
            $run.Thrown.Exception.Message | Should -Match 'piped'
            $run.Output | Should -BeNullOrEmpty
            $run.Stats.TotalCalls | Should -Be 0 -Because "$command made no API call"
        }
        Test-Path -LiteralPath (Join-Path $script:Root 'misuse-out') | Should -BeFalse
    }

    It 'Export-SSDataSyncReport stops with MixedReportInput for accounts and Get-SSDataSync* objects piped together' {
        $tasks = @(Get-SSDataSyncTask @Conn)
        $run = Invoke-Piped -InputObject (@($script:Active[1]) + $tasks) -Command Export-SSDataSyncReport -Parameters ((Get-ExportParameter mixed) + @{ RoleName = $script:Role })
        $run.Thrown.FullyQualifiedErrorId | Should -Be 'MixedReportInput,StratusScan.DataSync.Commands.ExportSSDataSyncReportCommand'
        $run.Stats.TotalCalls | Should -Be 0
        $run.Output | Should -BeNullOrEmpty
    }
}

Describe 'Resource objects piped on are never accounts' -Tag 'CoreOnly' {
    BeforeAll {
        $script:OwnTasks = @(Get-SSDataSyncTask @Conn)
        $script:OrgTasks = @(Get-SSDataSyncTask @Conn -AccountId $script:ActiveIds -RoleName $script:Role)
    }

    It 'Get-SSDataSyncTask | Get-SSDataSyncExecution (no -RoleName) reads the executions of those tasks in the caller''s account: no role, no RoleNameRequired' {
        $run = Invoke-Piped -InputObject $script:OwnTasks -Command Get-SSDataSyncExecution
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        Get-SortedArn $run.Output.TaskExecutionArn | Should -Be (Get-DatasetExecutionArn '111122223333')
        @($run.Output.AccountId | Sort-Object -Unique) | Should -Be @('111122223333')
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 0
    }

    It 'tasks of one member account | Get-SSDataSyncExecution -RoleName R opens only that account (the ARN''s), not every account' {
        $some = @($script:OrgTasks | Where-Object AccountId -eq '777788889999')
        $some.Count | Should -Be 4
        $run = Invoke-Piped -InputObject $some -Command Get-SSDataSyncExecution -Parameters @{ RoleName = $script:Role }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        @($run.Sessions.AccountId) | Should -Be @('777788889999')
        Get-SortedArn $run.Output.TaskExecutionArn | Should -Be (Get-DatasetExecutionArn '777788889999')
    }

    It 'a task piped into Get-SSDataSyncTask -RoleName R re-reads that task in its account' {
        $task = $script:OrgTasks | Where-Object AccountId -eq '444455556666' | Select-Object -First 1
        $run = Invoke-Piped -InputObject $task -Command Get-SSDataSyncTask -Parameters @{ RoleName = $script:Role }
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        @($run.Output.TaskArn) | Should -Be @($task.TaskArn)
        @($run.Sessions.AccountId) | Should -Be @('444455556666')
    }

    It 'ARN strings piped into <_> are read in the caller''s account as before' -ForEach @('Get-SSDataSyncTask', 'Get-SSDataSyncExecution') {
        $run = Invoke-Piped -InputObject @($script:OwnTasks.TaskArn) -Command $_
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $expected = if ($_ -eq 'Get-SSDataSyncTask') { Get-DatasetTaskArn '111122223333' } else { Get-DatasetExecutionArn '111122223333' }
        $expected.Count | Should -BeGreaterThan 0
        Get-SortedArn @($run.Output | ForEach-Object { if ($_.TaskExecutionArn) { $_.TaskExecutionArn } else { $_.TaskArn } }) | Should -Be $expected
        Get-EmulatorCallCount -Stats $run.Stats -Operation AssumeRole | Should -Be 0
    }

    It 'Get-SSDataSync* objects of several accounts piped into Export-SSDataSyncReport make the workbook of exactly those, with no API call' {
        $some = @($script:OrgTasks | Where-Object AccountId -ne '111122223333' | Where-Object Region -eq 'us-east-1')
        $some.Count | Should -Be 4
        $run = Invoke-Piped -InputObject $some -Command Export-SSDataSyncReport -Parameters (Get-ExportParameter objects)
        $run.Errors | Should -BeNullOrEmpty -Because (Get-ErrorText $run.Errors)
        $run.Stats.TotalCalls | Should -Be 0
        $run.Sessions | Should -BeNullOrEmpty
        $book = Read-Workbook @($run.Output | Where-Object { $_ -is [IO.FileInfo] })[0].FullName
        Get-SortedArn @(Get-Column $book['Tasks'] 'Task ARN') | Should -Be (Get-SortedArn $some.TaskArn)
        @((Get-SummaryTable $book['Summary'] 'By Account').'Account ID' | Sort-Object) | Should -Be @('444455556666', '777788889999') -Because 'the accounts of the objects (listed in arrival order, compared sorted)'
    }
}
