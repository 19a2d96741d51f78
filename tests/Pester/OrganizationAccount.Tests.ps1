# Get-SSOrganizationAccount against an emulator whose dataset holds twelve accounts: the emulator makes an
# organisation of them (111122223333 the management account, the others placed in OUs by the seed, plus a
# SUSPENDED, a PENDING_CLOSURE and a CLOSED account) and serves its table at /__emulator/organization, which every
# expectation here is read from. Pages of two, so every listing takes several pages.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Member = @{ AccessKey = 'AKIAMEMBER0000000001'; SecretKey = 'MemberSecretKey/StratusScan/DataSync001'; AccountId = '444455556666' }
    $credentialFlag = '{0}:{1}:{2}' -f $script:Member.AccessKey, $script:Member.SecretKey, $script:Member.AccountId
    $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1,accounts=12,tasks=2,locations=1,agents=1,executions=1,seed=17' `
        -ArgumentList @('--page-size', '2', '--credential', $credentialFlag)
    $credential = Get-EmulatorCredential
    $script:Conn = @{ EndpointUrl = $script:Emulator.Endpoint; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey }
    $noProxy = Get-NoProxyParameter
    $script:Organization = (Invoke-RestMethod -Method Get -Uri ($script:Emulator.Endpoint.TrimEnd('/') + '/__emulator/organization') @noProxy).Organization

    function script:Get-Expected {
        <# The emulator's accounts in the given states (and under a path), ordered by account id as the cmdlet orders them. #>
        param([string[]] $State = @('ACTIVE'), [string] $UnderPath)
        [object[]] $accounts = @($script:Organization.Accounts | Where-Object { $_.State -in $State } |
                Where-Object { -not $UnderPath -or $_.Path -eq $UnderPath -or $_.Path.StartsWith("$UnderPath/", [StringComparison]::Ordinal) })
        [string[]] $ids = @($accounts | ForEach-Object AccountId)
        [Array]::Sort($ids, [StringComparer]::Ordinal)
        foreach ($id in $ids) { $accounts | Where-Object AccountId -eq $id }
    }

    function script:Format-Account {
        param([Parameter(ValueFromPipeline)] $Account)
        process { '{0}|{1}|{2}|{3}' -f $Account.AccountId, $Account.State, $Account.OrganizationalUnitPath, $Account.OrganizationalUnitId }
    }

    function script:Format-Expected {
        param([Parameter(ValueFromPipeline)] $Account)
        process { '{0}|{1}|{2}|{3}' -f $Account.AccountId, $Account.State, $Account.Path, $Account.ParentId }
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Get-SSOrganizationAccount' {
    It 'gives every ACTIVE account with the path and id of its OU, its name, email, ARN and UTC join time' {
        $accounts = @(Get-SSOrganizationAccount @Conn)
        $expected = @(Get-Expected)

        $expected.Count | Should -Be 12
        @($accounts | Format-Account) | Should -Be @($expected | Format-Expected)
        foreach ($account in $accounts) {
            $table = $expected | Where-Object AccountId -eq $account.AccountId
            $account.PSObject.TypeNames[0] | Should -Be 'StratusScan.DataSync.Inventory.OrganizationAccount'
            $account.Name | Should -Be $table.Name
            $account.Email | Should -Be $table.Email
            $account.JoinedMethod | Should -Be $table.JoinedMethod
            $account.Arn | Should -Be ('arn:aws:organizations::111122223333:account/{0}/{1}' -f $script:Organization.Id, $account.AccountId)
            $account.JoinedTimestamp | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds($table.JoinedTimestamp).UtcDateTime)
            $account.JoinedTimestamp.Kind | Should -Be ([DateTimeKind]::Utc)
        }
        ($accounts | Where-Object AccountId -eq '111122223333').OrganizationalUnitPath | Should -Be 'Root'
        @($accounts | Where-Object { $_.OrganizationalUnitPath -like 'Root/*/*' }).Count | Should -BeGreaterThan 0 -Because 'the seed puts accounts two OUs down'
    }

    It 'gives the accounts of one state with -State, and of every state with -State All' {
        @(Get-SSOrganizationAccount @Conn -State SUSPENDED | Format-Account) | Should -Be @(Get-Expected -State SUSPENDED | Format-Expected)
        @(Get-SSOrganizationAccount @Conn -State SUSPENDED).AccountId | Should -Be @('999900000001')
        @(Get-SSOrganizationAccount @Conn -State CLOSED, PENDING_CLOSURE).AccountId | Should -Be @('999900000002', '999900000003')
        @(Get-SSOrganizationAccount @Conn -State All | Format-Account) |
            Should -Be @(Get-Expected -State ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED | Format-Expected)
    }

    It 'gives the accounts of an OU and of every OU below it with -OrganizationalUnitId' {
        $workloads = $script:Organization.OrganizationalUnits | Where-Object Name -eq 'Workloads'
        $accounts = @(Get-SSOrganizationAccount @Conn -OrganizationalUnitId $workloads.Id -State All)
        $expected = @(Get-Expected -State ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED -UnderPath 'Root/Workloads')

        $expected.Count | Should -BeGreaterThan 1
        @($accounts | Format-Account) | Should -Be @($expected | Format-Expected)
        @($accounts | Where-Object OrganizationalUnitId -ne $workloads.Id).Count | Should -BeGreaterThan 0 -Because 'accounts of the child OUs are included'
        @($accounts | Where-Object { -not $_.OrganizationalUnitPath.StartsWith('Root/Workloads') }).Count | Should -Be 0
    }

    It 'stops with OrganizationalUnitNotFound for an OU the organisation does not have' {
        { Get-SSOrganizationAccount @Conn -OrganizationalUnitId 'ou-zzzz-zzzzzzzz' -ErrorAction Stop } |
            Should -Throw -ErrorId 'OrganizationalUnitNotFound,StratusScan.DataSync.Commands.GetSSOrganizationAccountCommand'
    }

    It 'stops with OrganizationsAccessDenied for a member account''s credentials' {
        $err = $null
        try { Get-SSOrganizationAccount -EndpointUrl $script:Emulator.Endpoint -AccessKey $Member.AccessKey -SecretKey $Member.SecretKey -ErrorAction Stop }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'OrganizationsAccessDenied,StratusScan.DataSync.Commands.GetSSOrganizationAccountCommand'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err.TargetObject | Should -Be 'us-east-1'
        $err.Exception.Message | Should -Match 'management account or a delegated administrator'
        $err.Exception.Message | Should -Match 'organizations:ListAccountsForParent'
    }

    It 'stops with OrganizationNotInUse when the account is in no organisation' {
        $single = Start-TestEmulator -Generate 'regions=us-east-1,accounts=1,tasks=0,locations=0,agents=0,executions=0'
        try {
            $err = $null
            try { Get-SSOrganizationAccount @Conn -EndpointUrl $single.Endpoint -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'OrganizationNotInUse,StratusScan.DataSync.Commands.GetSSOrganizationAccountCommand'
            $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        }
        finally { $single | Stop-TestEmulator }
    }

    It 'gives ids that -AccountId scans exactly: the tasks of those accounts and no other' {
        $workloads = $script:Organization.OrganizationalUnits | Where-Object Name -eq 'Workloads'
        $accounts = @(Get-SSOrganizationAccount @Conn -OrganizationalUnitId $workloads.Id)
        $accounts.Count | Should -BeGreaterThan 0
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint

        $tasks = @(Get-SSDataSyncTask @Conn -Region us-east-1 -AccountId $accounts.AccountId -RoleName StratusScanReadOnly)

        @($tasks.AccountId | Sort-Object -Unique) | Should -Be @($accounts.AccountId | Sort-Object)
        $tasks.Count | Should -Be (2 * $accounts.Count)
        Get-EmulatorCallCount -Stats (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint) -Operation AssumeRole | Should -Be $accounts.Count
    }
}
