# The error cases users rely on, one by one, against the emulator's fault flags: ErrorId, category, target, and
# which streams got what (output, error, warning, information).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    $script:RegionNames = @('us-east-1', 'eu-west-1')
    $spec = 'regions=us-east-1;eu-west-1,tasks=6,locations=1,agents=3,executions=3,days=45,seed=3,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $script:DataRegions = Get-DatasetRegion $script:Emulator.Dataset
    $cred = Get-EmulatorCredential
    $script:Keys = @{ AccessKey = $cred.AccessKey; SecretKey = $cred.SecretKey }
    $script:Conn = @{ Region = $script:RegionNames; AccessKey = $cred.AccessKey; SecretKey = $cred.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    function script:Get-DatasetArns {
        param([string] $Region, [string] $Kind, [string] $Member)
        [string[]] $arns = @(($script:DataRegions | Where-Object Region -eq $Region).$Kind | ForEach-Object { $_.$Member })
        [Array]::Sort($arns, [StringComparer]::Ordinal)
        , $arns
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'No credentials' {
    It 'is a terminating AwsCredentialsNotFound error that says how to configure them' {
        $err = $null
        $out = $null
        try { $out = Get-SSDataSyncTask -Region us-east-1 -EndpointUrl $script:Emulator.Endpoint -ErrorAction SilentlyContinue }
        catch { $err = $_ }
        $out | Should -BeNullOrEmpty
        $err | Should -Not -BeNullOrEmpty -Because 'the error is terminating, whatever -ErrorAction says'
        $err.FullyQualifiedErrorId | Should -Be 'AwsCredentialsNotFound,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'AWS_ACCESS_KEY_ID'
        $err.Exception.Message | Should -Match '-ProfileName'
        $err.Exception.Message | Should -Match 'aws configure'
    }

    It 'names the missing profile as the target when -ProfileName is given' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content -Path $file -Value @('[other]', 'aws_access_key_id = AKIAOTHER0000000000', 'aws_secret_access_key = x')
        $err = $null
        try { Get-SSDataSyncAgent -Region us-east-1 -ProfileName missing -ProfileLocation $file -EndpointUrl $script:Emulator.Endpoint } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'AwsCredentialsNotFound,StratusScan.DataSync.Commands.GetSSDataSyncAgentCommand'
        $err.TargetObject | Should -Be 'missing'
        $err.Exception.Message | Should -Match "'missing'"
    }
}

Describe 'Invalid input' {
    It 'rejects an unknown Region with InvalidRegion, listing the valid ones' {
        $err = $null
        try { Get-SSDataSyncTask @Keys -Region us-east-1, mars-north-1 -EndpointUrl $script:Emulator.Endpoint } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidRegion,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'mars-north-1'
        foreach ($valid in 'us-east-1', 'eu-west-1', 'ap-southeast-2') { $err.Exception.Message | Should -Match $valid }
    }

    It 'rejects a malformed ARN with InvalidArn (<Cmdlet> -<Parameter>)' -ForEach @(
        @{ Cmdlet = 'Get-SSDataSyncTask'; Parameter = 'TaskArn'; Arn = 'arn:aws:datasync:us-east-1:111122223333:task/nope' }
        @{ Cmdlet = 'Get-SSDataSyncTask'; Parameter = 'TaskArn'; Arn = 'arn:aws:datasync:us-east-1:111122223333:location/loc-0123456789abcdef0' }
        @{ Cmdlet = 'Get-SSDataSyncLocation'; Parameter = 'LocationArn'; Arn = 'loc-0123456789abcdef0' }
        @{ Cmdlet = 'Get-SSDataSyncAgent'; Parameter = 'AgentArn'; Arn = 'arn:aws:datasync:us-east-1:1111:agent/agent-0123456789abcdef0' }
        @{ Cmdlet = 'Get-SSDataSyncExecution'; Parameter = 'TaskArn'; Arn = 'arn:aws:s3:::bucket' }
    ) {
        $err = $null
        $params = @{ $Parameter = $Arn; EndpointUrl = $script:Emulator.Endpoint } + $script:Keys
        try { & $Cmdlet @params } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be ("InvalidArn,StratusScan.DataSync.Commands.{0}Command" -f ($Cmdlet -replace '-', ''))
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $Arn
        $err.Exception.Message | Should -Match "-$Parameter"
        $err.Exception.Message | Should -Match 'arn:aws:datasync:'
    }

    It 'rejects -Since in the future with SinceInFuture, before any call' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        $err = $null
        try { Get-SSDataSyncExecution @Conn -Since ([DateTime]::UtcNow.AddHours(1)) } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'SinceInFuture,StratusScan.DataSync.Commands.GetSSDataSyncExecutionCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -BeOfType [DateTime]
        (Get-EmulatorStats $script:Emulator.Endpoint).TotalCalls | Should -Be 0
    }

    It 'warns that DataSync keeps 30 days of history when -Days is over 30, and still scans' {
        $out = Get-SSDataSyncExecution @Conn -Days 45 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match '30 days'
        $errors | Should -BeNullOrEmpty
        $all = $script:DataRegions.Executions.Count
        @($out).Count | Should -Be $all -Because 'the emulator keeps the whole generated history (45 days)'
        $null = Get-SSDataSyncExecution @Conn -Days 30 -WarningVariable none
        $none | Should -BeNullOrEmpty
    }
}

Describe 'Access denied in one Region' {
    BeforeAll { $script:Denied = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--deny-region', 'eu-west-1' }
    AfterAll { $script:Denied.Emulator | Stop-TestEmulator }

    It 'writes a non-terminating PermissionDenied error naming the Region and the IAM action, and the other Region completes' {
        $conn = $script:Denied.Conn
        $out = Get-SSDataSyncTask @conn -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -InformationVariable info
        Get-SortedArn $out.TaskArn | Should -Be (Get-DatasetArns -Region us-east-1 -Kind Tasks -Member TaskArn)
        @($errors).Count | Should -Be 1
        $e = $errors[0]
        $e.FullyQualifiedErrorId | Should -Be 'DataSyncAccessDenied,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
        $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $e.TargetObject | Should -Be 'eu-west-1'
        $e.Exception.Message | Should -Match 'eu-west-1'
        $e.Exception.Message | Should -Match 'datasync:ListTasks'
        $e.ErrorDetails.RecommendedAction | Should -Match 'datasync:ListTasks'
        $warnings | Should -BeNullOrEmpty
        "$($info[-1].MessageData)" | Should -Match '^Collection complete: Tasks: \d+ \(incomplete: 1 scan issue'
    }

    It 'stops on the first error with -ErrorAction Stop' {
        $conn = $script:Denied.Conn
        { Get-SSDataSyncAgent @conn -ErrorAction Stop } | Should -Throw -ErrorId 'DataSyncAccessDenied,StratusScan.DataSync.Commands.GetSSDataSyncAgentCommand'
    }
}

Describe 'Access denied on one call' {
    BeforeAll { $script:DeniedCall = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--deny-operation', 'eu-west-1:DescribeAgent' }
    AfterAll { $script:DeniedCall.Emulator | Stop-TestEmulator }

    It 'writes one error per denied call with the ARN as target, and keeps what the listing gave' {
        $conn = $script:DeniedCall.Conn
        $out = Get-SSDataSyncAgent @conn -ErrorVariable errors -ErrorAction SilentlyContinue
        $euArns = Get-DatasetArns -Region eu-west-1 -Kind Agents -Member AgentArn
        Get-SortedArn $out.AgentArn | Should -Be (Get-SortedArn @((Get-DatasetArns -Region us-east-1 -Kind Agents -Member AgentArn) + $euArns))
        @($errors).Count | Should -Be $euArns.Count
        foreach ($e in $errors) {
            $e.FullyQualifiedErrorId | Should -Be 'DataSyncAccessDenied,StratusScan.DataSync.Commands.GetSSDataSyncAgentCommand'
            $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $e.Exception.Message | Should -Match 'datasync:DescribeAgent'
            $e.Exception.Message | Should -Match 'eu-west-1'
        }
        @($errors.TargetObject | Sort-Object) | Should -Be @($euArns)
        # The agents in us-east-1 are complete, those in eu-west-1 carry what ListAgents gave.
        ($out | Where-Object Region -eq 'us-east-1' | Where-Object { $null -eq $_.EndpointType }) | Should -BeNullOrEmpty
        ($out | Where-Object Region -eq 'eu-west-1' | Where-Object { $null -ne $_.EndpointType }) | Should -BeNullOrEmpty
    }
}

Describe 'A Region not enabled' {
    # Only an opt-in Region (eu-south-1) can be not enabled; us-east-1 always is.
    BeforeAll { $script:Disabled = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--disable-region', 'eu-south-1' }
    AfterAll { $script:Disabled.Emulator | Stop-TestEmulator }

    It 'is a warning and the scan goes on' {
        $conn = $script:Disabled.Conn.Clone()
        $conn.Region = @('us-east-1', 'eu-south-1')
        $out = Get-SSDataSyncLocation @conn -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue
        Get-SortedArn $out.LocationArn | Should -Be (Get-DatasetArns -Region us-east-1 -Kind Locations -Member LocationArn)
        $errors | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'eu-south-1'
        "$($warnings[0])" | Should -Match 'not enabled'
    }
}

Describe 'Every Region failing' {
    It 'is a terminating AllRegionsFailed error (<Name>)' -ForEach @(
        @{ Name = 'access denied'; Regions = @('us-east-1', 'eu-west-1'); Faults = @('--deny-region', 'us-east-1,eu-west-1'); Category = 'PermissionDenied' }
        # Opt-in Regions only: UnrecognizedClientException in us-east-1 means unknown credentials (see 'Credentials AWS rejects').
        @{ Name = 'not enabled'; Regions = @('eu-south-1', 'ap-east-1'); Faults = @('--disable-region', 'eu-south-1,ap-east-1'); Category = 'NotEnabled' }
    ) {
        $faulty = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults $Faults
        try {
            $conn = $faulty.Conn.Clone()
            $conn.Region = $Regions
            $err = $null
            $out = $null
            try { $out = Get-SSDataSyncTask @conn -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } catch { $err = $_ }
            $out | Should -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -Be 'AllRegionsFailed,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
            $err.CategoryInfo.Category | Should -Be $Category
            $err.TargetObject | Should -Be ($Regions -join ',')
            $err.Exception.Message | Should -Match $Regions[0]
            $err.Exception.Message | Should -Match $Regions[1]
        }
        finally { $faulty.Emulator | Stop-TestEmulator }
    }
}

Describe 'Credentials AWS rejects' {
    It 'a wrong secret key is a terminating AwsAuthenticationFailed naming the access key id, never the secret (<Cmdlet>)' -ForEach @(
        @{ Cmdlet = 'Get-SSDataSyncTask' }, @{ Cmdlet = 'Export-SSDataSyncReport' }
    ) {
        $secret = 'NotTheSecretNotTheSecretNotTheSecret1234'
        $conn = $script:Conn.Clone()
        $conn.SecretKey = $secret
        $extra = if ($Cmdlet -eq 'Export-SSDataSyncReport') { @{ OutputDirectory = (Join-Path $TestDrive 'badsecret') } } else { @{} }
        $err = $null
        $out = $null
        try { $out = & $Cmdlet @conn @extra -ErrorVariable stream -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } catch { $err = $_ }
        $out | Should -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "AwsAuthenticationFailed,StratusScan.DataSync.Commands.$($Cmdlet -replace '-', '')Command"
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match ([regex]::Escape($script:Keys.AccessKey))
        $err.Exception.Message | Should -Match 'secret access key does not match'
        $err.Exception.Message | Should -Match '(InvalidSignatureException|SignatureDoesNotMatch)'
        $err.ErrorDetails.RecommendedAction | Should -Match 'secret access key'
        ($err | Out-String) + ($stream | Out-String) | Should -Not -Match $secret
        @($stream | Where-Object { "$($_.FullyQualifiedErrorId)" -like 'DataSync*' }) | Should -BeNullOrEmpty -Because 'one error says it, not one per Region'
        if ($extra.OutputDirectory) { Test-Path $extra.OutputDirectory | Should -BeFalse }
    }

    It 'an unknown access key is a terminating AwsAuthenticationFailed, even in us-east-1 (<Cmdlet>)' -ForEach @(
        @{ Cmdlet = 'Get-SSDataSyncAgent' }, @{ Cmdlet = 'Export-SSDataSyncReport' }
    ) {
        $conn = $script:Conn.Clone()
        $conn.AccessKey = 'AKIAUNKNOWNKEY000000'
        $extra = if ($Cmdlet -eq 'Export-SSDataSyncReport') { @{ OutputDirectory = (Join-Path $TestDrive 'unknownkey') } } else { @{} }
        $err = $null
        try { & $Cmdlet @conn @extra -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'AwsAuthenticationFailed,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'does not recognise access key AKIAUNKNOWNKEY000000'
        $err.Exception.Message | Should -Not -Match 'not enabled'
        $warnings | Should -BeNullOrEmpty -Because 'us-east-1 and eu-west-1 need no opt-in'
    }

    It 'an unknown access key in opt-in Regions only is still an authentication error: sts:GetCallerIdentity rejects it too' {
        $conn = $script:Conn.Clone()
        $conn.AccessKey = 'AKIAUNKNOWNKEY000000'
        $conn.Region = @('eu-south-1', 'ap-east-1')
        $err = $null
        try { Get-SSDataSyncTask @conn -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'AwsAuthenticationFailed,StratusScan.DataSync.Commands.GetSSDataSyncTaskCommand'
        $err.Exception.Message | Should -Match 'AKIAUNKNOWNKEY000000'
    }
}

Describe 'ARNs that name nothing' {
    It '<Cmdlet> -<Parameter> returns what exists and one ObjectNotFound error per missing ARN' -ForEach @(
        @{ Cmdlet = 'Get-SSDataSyncTask'; Parameter = 'TaskArn'; Kind = 'Tasks'; Member = 'TaskArn'; Word = 'task'; Property = 'TaskArn' }
        @{ Cmdlet = 'Get-SSDataSyncLocation'; Parameter = 'LocationArn'; Kind = 'Locations'; Member = 'LocationArn'; Word = 'location'; Property = 'LocationArn' }
        @{ Cmdlet = 'Get-SSDataSyncAgent'; Parameter = 'AgentArn'; Kind = 'Agents'; Member = 'AgentArn'; Word = 'agent'; Property = 'AgentArn' }
        @{ Cmdlet = 'Get-SSDataSyncExecution'; Parameter = 'TaskArn'; Kind = 'Tasks'; Member = 'TaskArn'; Word = 'task'; Property = 'TaskArn' }
    ) {
        $existing = (Get-DatasetArns -Region us-east-1 -Kind $Kind -Member $Member)[0]
        $missing = $existing.Substring(0, $existing.Length - 4) + $(if ($existing.EndsWith('0000')) { '1111' } else { '0000' })
        $conn = $script:Conn.Clone()
        $conn.Remove('Region')
        $params = @{ $Parameter = @($existing, $missing) }
        if ($Cmdlet -eq 'Get-SSDataSyncExecution') { $params.Days = 60 }
        $out = & $Cmdlet @conn @params -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($out.$Property | Sort-Object -Unique) | Should -Be @($existing)
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "DataSyncResourceNotFound,StratusScan.DataSync.Commands.$($Cmdlet -replace '-', '')Command"
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $missing
        $errors[0].Exception.Message | Should -Be "The $Word $missing was not found in account $(([regex]':(\d{12}):').Match($missing).Groups[1].Value), Region us-east-1."
    }

    It 'warns about an ARN that -Region leaves out, and does not look it up' {
        $us = (Get-DatasetArns -Region us-east-1 -Kind Tasks -Member TaskArn)[0]
        $eu = (Get-DatasetArns -Region eu-west-1 -Kind Tasks -Member TaskArn)[0]
        $conn = $script:Conn.Clone()
        $conn.Region = 'us-east-1'
        $out = Get-SSDataSyncTask @conn -TaskArn $us, $eu -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue
        $out.TaskArn | Should -Be $us
        $errors | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match ([regex]::Escape($eu))
    }
}

Describe 'Messages are clean sentences' {
    It '-Since in the future says so once, without .NET''s "(Parameter ...)" or a double full stop' {
        $err = $null
        try { Get-SSDataSyncExecution @Conn -Since ([DateTime]::UtcNow.AddHours(1)) } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'is in the future'
        $err.Exception.Message | Should -Not -Match '\(Parameter'
        $err.Exception.Message | Should -Not -Match 'Actual value'
        $err.Exception.Message | Should -Not -Match '\.\.'
        ($err.Exception.Message -split '(?<=\.) ').Count | Should -Be 1
    }
}

Describe 'Ctrl+C (StopProcessing)' {
    BeforeAll { $script:Slow = Start-FaultyEmulator -Source $script:Emulator -Conn $script:Conn -Faults '--latency-ms', '300' }
    AfterAll { $script:Slow.Emulator | Stop-TestEmulator }

    It 'stops a scan in flight within 2 seconds (<Cmdlet>)' -ForEach @(
        @{ Cmdlet = 'Get-SSDataSyncExecution' }, @{ Cmdlet = 'Get-SSDataSyncLocation' }
    ) {
        # The module is imported by the runspace itself, not by a statement of a batch: a batch that is
        # stopped can leave a work item running against the disposed runspace, which ends the process.
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule([string[]]@((Get-TestModulePath)))
        $ps = [powershell]::Create($state)
        try {
            $null = $ps.AddCommand($Cmdlet).AddParameter('ThrottleLimit', 2)
            foreach ($p in $script:Slow.Conn.GetEnumerator()) { $null = $ps.AddParameter($p.Key, $p.Value) }
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $async.IsCompleted | Should -BeFalse -Because 'the scan takes many 300 ms calls'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}
