# The four inventory cmdlets against the emulator: every property of every object checked against the dataset
# the emulator serves, determinism (-ThrottleLimit 1, 30% throttling), credentials from a profile file and from
# environment variables, the streams (progress, verbose, information), and Export-Csv / ConvertTo-Json.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    # Generated with "now" = the real current time: the cmdlets compute the execution window from the clock, and
    # the dataset has executions 3 minutes either side of now - 30 days.
    $script:Now = [DateTime]::UtcNow
    $script:RegionNames = @('us-east-1', 'eu-west-1')
    $spec = 'regions={0},tasks=16,locations=3,agents=5,executions=8,days=45,seed=12,now={1}' -f ($script:RegionNames -join ';'), $script:Now.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset -ArgumentList '--page-size', '3'
    $script:Dataset = $script:Emulator.Dataset
    $script:DataRegions = Get-DatasetRegion $script:Dataset
    $cred = Get-EmulatorCredential
    $script:Conn = @{ Region = $script:RegionNames; AccessKey = $cred.AccessKey; SecretKey = $cred.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    $script:Tasks = @(Get-SSDataSyncTask @Conn)
    $script:Locations = @(Get-SSDataSyncLocation @Conn)
    $script:Agents = @(Get-SSDataSyncAgent @Conn)
    $script:ExecutionsCalledAt = [DateTime]::UtcNow
    $script:Executions = @(Get-SSDataSyncExecution @Conn)
    $script:ExecutionsReturnedAt = [DateTime]::UtcNow
    $script:ByArn = @{}
    foreach ($o in $script:Tasks) { $script:ByArn[$o.TaskArn] = @($script:ByArn[$o.TaskArn]) + $o | Where-Object { $_ } }
    foreach ($o in $script:Locations) { $script:ByArn[$o.LocationArn] = @($script:ByArn[$o.LocationArn]) + $o | Where-Object { $_ } }
    foreach ($o in $script:Agents) { $script:ByArn[$o.AgentArn] = @($script:ByArn[$o.AgentArn]) + $o | Where-Object { $_ } }
    foreach ($o in $script:Executions) { $script:ByArn[$o.TaskExecutionArn] = @($script:ByArn[$o.TaskExecutionArn]) + $o | Where-Object { $_ } }

    function script:Get-DatasetArns {
        param([string] $Kind, [string] $ArnMember)
        foreach ($region in $script:RegionNames) {
            $data = $script:DataRegions | Where-Object Region -eq $region
            [string[]] $arns = @($data.$Kind | ForEach-Object { $_.$ArnMember })
            [Array]::Sort($arns, [StringComparer]::Ordinal)
            $arns
        }
    }

    function script:Get-OutputJson {
        param($Objects)
        @($Objects | ForEach-Object { $_ | ConvertTo-Json -Depth 6 -Compress })
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The test dataset' {
    It 'holds every location type, task option value, execution status, agent state and endpoint type, and the awkward strings' {
        $locations = $script:DataRegions.Locations
        $schemes = $locations | ForEach-Object { (Split-LocationUri $_.LocationUri).Scheme } | Sort-Object -Unique
        $schemes | Should -Be @('azure-blob', 'efs', 'fsxl', 'fsxn-nfs', 'fsxn-smb', 'fsxw', 'fsxz', 'hdfs', 'nfs', 'object-storage', 's3', 'smb')

        $tasks = $script:DataRegions.Tasks
        $tasks.Status | Sort-Object -Unique | Should -Be @('AVAILABLE', 'CREATING', 'QUEUED', 'RUNNING', 'UNAVAILABLE')
        $options = $tasks.Options
        ($options.VerifyMode | Sort-Object -Unique) | Should -Be @('NONE', 'ONLY_FILES_TRANSFERRED', 'POINT_IN_TIME_CONSISTENT')
        ($options.Uid | Sort-Object -Unique) | Should -Be @('BOTH', 'INT_VALUE', 'NAME', 'NONE')
        ($options.LogLevel | Sort-Object -Unique) | Should -Be @('BASIC', 'OFF', 'TRANSFER')
        ($options.SecurityDescriptorCopyFlags | Sort-Object -Unique) | Should -Be @('NONE', 'OWNER_DACL', 'OWNER_DACL_SACL')
        foreach ($member in 'OverwriteMode', 'Atime', 'Mtime', 'Gid', 'PreserveDeletedFiles', 'PreserveDevices', 'PosixPermissions', 'TaskQueueing', 'TransferMode', 'ObjectTags', 'BytesPerSecond') {
            @($options.$member | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 2 -Because "the dataset has several values of $member"
        }
        ($tasks | Where-Object { -not $_.Options.ObjectTags }) | Should -Not -BeNullOrEmpty -Because 'some tasks lack optional options'

        $executions = $script:DataRegions.Executions
        $executions.Status | Sort-Object -Unique | Should -Be @('CANCELLING', 'ERROR', 'LAUNCHING', 'PREPARING', 'QUEUED', 'SUCCESS', 'TRANSFERRING', 'VERIFYING')
        $edge = $script:Now.AddDays(-30)
        $starts = $executions | ForEach-Object { ConvertFrom-DatasetTime $_.StartTime }
        ($starts | Where-Object { $_ -lt $edge }).Count | Should -BeGreaterThan 0
        ($starts | Where-Object { $_ -ge $edge }).Count | Should -BeGreaterThan 0
        ($starts | Where-Object { [Math]::Abs(($_ - $edge).TotalMinutes) -le 5 }).Count | Should -BeGreaterOrEqual 2

        $agents = $script:DataRegions.Agents
        $agents.Status | Sort-Object -Unique | Should -Be @('OFFLINE', 'ONLINE')
        $agents.EndpointType | Sort-Object -Unique | Should -Be @('FIPS', 'FIPS_PRIVATE_LINK', 'PRIVATE_LINK', 'PUBLIC')

        $names = @($tasks.Name) + @($agents.Name)
        ($names | Where-Object { $_ -like '=*' }) | Should -Not -BeNullOrEmpty
        ($names | Where-Object { $_ -like '@*' }) | Should -Not -BeNullOrEmpty
        ($names | Where-Object { $_.Length -eq 256 }) | Should -Not -BeNullOrEmpty
        ($tasks | Where-Object { $null -eq $_.Name }) | Should -Not -BeNullOrEmpty
        $details = $executions.Result.ErrorDetail
        ($details | Where-Object { $_.Length -ge 40000 }) | Should -Not -BeNullOrEmpty
        ($details | Where-Object { $_ -like '=HYPERLINK(*' }) | Should -Not -BeNullOrEmpty
        ($tasks.Excludes.Value | Where-Object { $_.Length -ge 40000 }) | Should -Not -BeNullOrEmpty
        ($executions | Where-Object { $_.BytesTransferred -gt [uint32]::MaxValue }) | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-SSDataSyncTask' {
    It 'returns every task once (in arrival order, so compared as a sorted set)' {
        Get-SortedArn $script:Tasks.TaskArn | Should -Be (Get-SortedArn (Get-DatasetArns -Kind Tasks -ArnMember TaskArn))
    }

    It 'gives every property of every task as the dataset has it' {
        $known = Get-KnownMembers Task
        $problems = foreach ($region in $script:DataRegions) {
            foreach ($json in $region.Tasks) {
                $json.PSObject.Properties.Name | Where-Object { $_ -notin $known } | ForEach-Object { "$($json.TaskArn): member $_ is not checked" }
                $task = $script:ByArn[$json.TaskArn]
                if (@($task).Count -ne 1) { "$($json.TaskArn): $(@($task).Count) objects"; continue }
                Compare-InventoryObject -Object $task -Expected (New-ExpectedTask -Json $json -Region $region.Region) -Label $json.TaskArn
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'types the values for sorting and summing' {
        $task = $script:Tasks | Where-Object { $_.CreationTime } | Select-Object -First 1
        $task.CreationTime | Should -BeOfType [DateTime]
        $task.CreationTime.Kind | Should -Be 'Utc'
        ($script:Tasks | Where-Object { $null -ne $_.BytesPerSecond } | Select-Object -First 1).BytesPerSecond | Should -BeOfType [long]
        $script:Tasks[0].IncludeCount | Should -BeOfType [int]
    }

    It 'filters by -Status and by -TaskArn (Region taken from the ARN)' {
        $running = Get-SSDataSyncTask @Conn -Status RUNNING
        Get-SortedArn $running.TaskArn | Should -Be (Get-SortedArn @($script:Tasks | Where-Object Status -eq 'RUNNING' | ForEach-Object TaskArn))
        $pick = $script:Tasks | Where-Object Region -eq 'eu-west-1' | Select-Object -First 2
        $conn = $script:Conn.Clone(); $conn.Remove('Region')
        $got = Get-SSDataSyncTask @conn -TaskArn $pick.TaskArn
        ($got | Sort-Object TaskArn | ConvertTo-Json -Depth 6 -Compress) | Should -Be ($pick | Sort-Object TaskArn | ConvertTo-Json -Depth 6 -Compress)
    }
}

Describe 'Get-SSDataSyncLocation' {
    It 'returns every location once (in arrival order, so compared as a sorted set)' {
        Get-SortedArn $script:Locations.LocationArn | Should -Be (Get-SortedArn (Get-DatasetArns -Kind Locations -ArnMember LocationArn))
    }

    It 'gives every property of every location as the dataset has it (types and derived ARNs from the URI)' {
        $problems = foreach ($region in $script:DataRegions) {
            foreach ($json in $region.Locations) {
                $location = $script:ByArn[$json.LocationArn]
                if (@($location).Count -ne 1) { "$($json.LocationArn): $(@($location).Count) objects"; continue }
                Compare-InventoryObject -Object $location -Expected (New-ExpectedLocation -Json $json -Region $region.Region) -Label $json.LocationArn
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'names every location type' {
        $script:Locations.LocationType | Sort-Object -Unique | Should -Be @('Azure Blob', 'EFS', 'FSx-Lustre', 'FSx-ONTAP', 'FSx-OpenZFS', 'FSx-Windows', 'HDFS', 'NFS', 'Object Storage', 'S3', 'SMB')
    }

    It 'describes each location once with the operation of its type, never probing' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        $null = Get-SSDataSyncLocation @Conn
        $stats = Get-EmulatorStats $script:Emulator.Endpoint
        $describes = $stats.Calls.PSObject.Properties | Where-Object Name -like 'DescribeLocation*'
        ($describes | ForEach-Object { $_.Value.PSObject.Properties.Value } | Measure-Object -Sum).Sum | Should -Be $script:Locations.Count
        $stats.ErrorsServed | Should -Be 0
        foreach ($pair in @{ S3 = 'S3'; EFS = 'Efs'; 'FSx-Windows' = 'FsxWindows'; 'FSx-Lustre' = 'FsxLustre'; 'FSx-OpenZFS' = 'FsxOpenZfs'; 'FSx-ONTAP' = 'FsxOntap'; NFS = 'Nfs'; SMB = 'Smb'; HDFS = 'Hdfs'; 'Object Storage' = 'ObjectStorage'; 'Azure Blob' = 'AzureBlob' }.GetEnumerator()) {
            Get-EmulatorCallCount $stats "DescribeLocation$($pair.Value)" | Should -Be @($script:Locations | Where-Object LocationType -eq $pair.Key).Count
        }
    }

    It 'filters by -LocationType' {
        Get-SortedArn (Get-SSDataSyncLocation @Conn -LocationType 'FSx-ONTAP').LocationArn | Should -Be (Get-SortedArn @($script:Locations | Where-Object LocationType -eq 'FSx-ONTAP' | ForEach-Object LocationArn))
    }
}

Describe 'Get-SSDataSyncAgent' {
    It 'returns every agent once (in arrival order, so compared as a sorted set)' {
        Get-SortedArn $script:Agents.AgentArn | Should -Be (Get-SortedArn (Get-DatasetArns -Kind Agents -ArnMember AgentArn))
    }

    It 'gives every property of every agent as the dataset has it' {
        $known = Get-KnownMembers Agent
        $problems = foreach ($region in $script:DataRegions) {
            foreach ($json in $region.Agents) {
                $json.PSObject.Properties.Name | Where-Object { $_ -notin $known } | ForEach-Object { "$($json.AgentArn): member $_ is not checked" }
                $agent = $script:ByArn[$json.AgentArn]
                if (@($agent).Count -ne 1) { "$($json.AgentArn): $(@($agent).Count) objects"; continue }
                Compare-InventoryObject -Object $agent -Expected (New-ExpectedAgent -Json $json -Region $region.Region) -Label $json.AgentArn
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'filters by -Status' {
        Get-SortedArn (Get-SSDataSyncAgent @Conn -Status OFFLINE).AgentArn | Should -Be (Get-SortedArn @($script:Agents | Where-Object Status -eq 'OFFLINE' | ForEach-Object AgentArn))
    }
}

Describe 'Get-SSDataSyncExecution' {
    BeforeAll {
        # Executions that started at or after "now - 30 days" of the call; one that starts between the two edges
        # (the call's start and end) may fall on either side.
        $script:ExpectedExecutions = foreach ($region in $script:DataRegions) {
            foreach ($json in $region.Executions) {
                $start = ConvertFrom-DatasetTime $json.StartTime
                [pscustomobject]@{
                    Region = $region.Region; Json = $json; Start = $start
                    Surely = $start -ge $script:ExecutionsReturnedAt.AddDays(-30)
                    Maybe  = $start -ge $script:ExecutionsCalledAt.AddDays(-30).AddSeconds(-1)
                }
            }
        }
    }

    It 'returns the executions that started in the last 30 days, each once, and no older one' {
        $returned = $script:Executions.TaskExecutionArn
        foreach ($e in $script:ExpectedExecutions | Where-Object Surely) { $returned | Should -Contain $e.Json.TaskExecutionArn }
        $maybe = @{}; foreach ($e in $script:ExpectedExecutions) { $maybe[$e.Json.TaskExecutionArn] = $e.Maybe }
        foreach ($arn in $returned) { $maybe[$arn] | Should -BeTrue -Because "$arn started within the window" }
        @($returned | Select-Object -Unique).Count | Should -Be @($returned).Count -Because 'no execution is returned twice'
        @($script:Executions.Region | Sort-Object -Unique) | Should -Be @($script:RegionNames | Sort-Object)
    }

    It 'includes the execution 3 minutes inside the 30-day edge and leaves out the one 3 minutes outside' {
        $edge = $script:Now.AddDays(-30)
        $near = $script:ExpectedExecutions | Where-Object { [Math]::Abs(($_.Start - $edge).TotalMinutes) -lt 4 }
        $inside = @($near | Where-Object { $_.Start -gt $edge })
        $outside = @($near | Where-Object { $_.Start -lt $edge })
        $inside.Count | Should -BeGreaterThan 0
        $outside.Count | Should -BeGreaterThan 0
        foreach ($e in $inside) { $script:Executions.TaskExecutionArn | Should -Contain $e.Json.TaskExecutionArn }
        foreach ($e in $outside) { $script:Executions.TaskExecutionArn | Should -Not -Contain $e.Json.TaskExecutionArn }
    }

    It 'gives every property of every execution as the dataset has it' {
        $known = Get-KnownMembers Execution
        $taskJson = @{}
        foreach ($region in $script:DataRegions) { foreach ($t in $region.Tasks) { $taskJson[$t.TaskArn] = $t } }
        $problems = foreach ($e in $script:ExpectedExecutions) {
            $json = $e.Json
            $json.PSObject.Properties.Name | Where-Object { $_ -notin $known } | ForEach-Object { "$($json.TaskExecutionArn): member $_ is not checked" }
            $execution = $script:ByArn[$json.TaskExecutionArn]
            if (-not $e.Maybe) { if ($execution) { "$($json.TaskExecutionArn): outside the window but returned" }; continue }
            if (-not $execution) { if ($e.Surely) { "$($json.TaskExecutionArn): missing" }; continue }
            $taskArn = $json.TaskExecutionArn.Substring(0, $json.TaskExecutionArn.IndexOf('/execution/'))
            Compare-InventoryObject -Object $execution -Expected (New-ExpectedExecution -Json $json -Region $e.Region -TaskJson $taskJson[$taskArn]) -Label $json.TaskExecutionArn
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'covers every execution status, and FilesFailed only for Enhanced mode' {
        $script:Executions.Status | Sort-Object -Unique | Should -Be @('CANCELLING', 'ERROR', 'LAUNCHING', 'PREPARING', 'QUEUED', 'SUCCESS', 'TRANSFERRING', 'VERIFYING')
        $script:Executions | Where-Object TaskMode -eq 'BASIC' | ForEach-Object { $_.FilesFailed | Should -BeNullOrEmpty }
        $script:Executions | Where-Object TaskMode -eq 'ENHANCED' | ForEach-Object { $_.FilesFailed | Should -BeOfType [long] }
        ($script:Executions | Where-Object { $_.Status -eq 'ERROR' -and $_.TaskMode -eq 'ENHANCED' } | Select-Object -First 1).FilesFailed | Should -BeGreaterThan 0
    }

    It 'takes TaskArn by property name from Get-SSDataSyncTask' {
        $tasks = $script:Tasks | Where-Object { $_.Region -eq 'us-east-1' -and $_.Status -ne 'CREATING' } | Select-Object -First 3
        $conn = $script:Conn.Clone(); $conn.Remove('Region')
        $piped = @($tasks | Get-SSDataSyncExecution @conn)
        $expected = @($script:Executions | Where-Object { $_.TaskArn -in $tasks.TaskArn })
        $expected.Count | Should -BeGreaterThan 0
        Get-SortedArn $piped.TaskExecutionArn | Should -Be (Get-SortedArn $expected.TaskExecutionArn)
        ($piped.TaskArn | Select-Object -Unique | Sort-Object) | Should -Be ($tasks.TaskArn | Sort-Object)
        $piped | ForEach-Object { $_.TaskName | Should -Be ($tasks | Where-Object TaskArn -eq $_.TaskArn).Name }
    }

    It 'keeps executions since -Since (a UTC instant) and filters by -Status' {
        $since = $script:Now.AddDays(-10)
        $got = Get-SSDataSyncExecution @Conn -Since $since -Status ERROR, SUCCESS
        $want = $script:ExpectedExecutions | Where-Object { $_.Start -ge $since -and $_.Json.Status -in 'ERROR', 'SUCCESS' }
        @($got.TaskExecutionArn | Sort-Object) | Should -Be @($want.Json.TaskExecutionArn | Sort-Object)
    }
}

Describe 'Determinism' {
    It 'gives the same output with -ThrottleLimit 1 as with the default' {
        # Objects arrive in the order they are described; sorted, both runs give the same objects.
        Get-OutputJson (Get-SSDataSyncTask @Conn -ThrottleLimit 1 | Sort-Object TaskArn) | Should -Be (Get-OutputJson ($script:Tasks | Sort-Object TaskArn))
        Get-OutputJson (Get-SSDataSyncLocation @Conn -ThrottleLimit 1 | Sort-Object LocationArn) | Should -Be (Get-OutputJson ($script:Locations | Sort-Object LocationArn))
        Get-OutputJson (Get-SSDataSyncAgent @Conn -ThrottleLimit 1 | Sort-Object AgentArn) | Should -Be (Get-OutputJson ($script:Agents | Sort-Object AgentArn))
        $one = Get-SSDataSyncExecution @Conn -ThrottleLimit 1 -Days 29
        $default = Get-SSDataSyncExecution @Conn -Days 29
        Get-OutputJson ($one | Sort-Object TaskExecutionArn) | Should -Be (Get-OutputJson ($default | Sort-Object TaskExecutionArn))
        $one.Count | Should -BeGreaterThan 0
    }

    Context 'under 20% throttling' -Tag Slow {
        BeforeAll {
            # A smaller dataset (the SDK backs off after each throttle): the same file served with and without faults.
            # One call in five throttled: each Region's pacer slows its calls after every throttle, and at a higher
            # rate it sinks to one call every two seconds, a minute for these four scans.
            $spec = 'regions=us-east-1;eu-west-1,tasks=4,locations=1,agents=2,executions=3,days=45,seed=21,now={0}' -f [DateTime]::UtcNow.ToString('o')
            $script:Calm = Start-TestEmulator -Generate $spec -DumpDataset -ArgumentList '--page-size', '3'
            $script:Throttled = Start-TestEmulator -ArgumentList '--dataset', $script:Calm.DatasetPath, '--page-size', '3', '--throttle-rate', '0.2', '--seed', '5'
            $script:CalmConn = $script:Conn.Clone(); $script:CalmConn.EndpointUrl = $script:Calm.Endpoint
            $script:ThrottledConn = $script:Conn.Clone(); $script:ThrottledConn.EndpointUrl = $script:Throttled.Endpoint
        }
        AfterAll {
            $script:Throttled | Stop-TestEmulator
            $script:Calm | Stop-TestEmulator
        }

        It 'gives output identical to output without throttling, with no error' {
            $tasks = Get-SSDataSyncTask @ThrottledConn -ErrorVariable e1
            $locations = Get-SSDataSyncLocation @ThrottledConn -ErrorVariable e2
            $agents = Get-SSDataSyncAgent @ThrottledConn -ErrorVariable e3
            $executions = Get-SSDataSyncExecution @ThrottledConn -Days 29 -ErrorVariable e4
            @($e1) + @($e2) + @($e3) + @($e4) | Should -BeNullOrEmpty
            $stats = Get-EmulatorStats $script:Throttled.Endpoint
            $stats.Throttles | Should -BeGreaterThan 10
            $tasks.Count | Should -BeGreaterThan 0
            $executions.Count | Should -BeGreaterThan 0
            Get-OutputJson ($tasks | Sort-Object TaskArn) | Should -Be (Get-OutputJson (Get-SSDataSyncTask @CalmConn | Sort-Object TaskArn))
            Get-OutputJson ($locations | Sort-Object LocationArn) | Should -Be (Get-OutputJson (Get-SSDataSyncLocation @CalmConn | Sort-Object LocationArn))
            Get-OutputJson ($agents | Sort-Object AgentArn) | Should -Be (Get-OutputJson (Get-SSDataSyncAgent @CalmConn | Sort-Object AgentArn))
            Get-OutputJson ($executions | Sort-Object TaskExecutionArn) | Should -Be (Get-OutputJson (Get-SSDataSyncExecution @CalmConn -Days 29 | Sort-Object TaskExecutionArn))
        }
    }
}

Describe 'Credentials' {
    It 'reads them from environment variables (and the Region and endpoint too)' {
        $cred = Get-EmulatorCredential
        $tasks = Use-TestEnvironment @{ AWS_ACCESS_KEY_ID = $cred.AccessKey; AWS_SECRET_ACCESS_KEY = $cred.SecretKey; AWS_REGION = 'eu-west-1'; AWS_ENDPOINT_URL = $script:Emulator.Endpoint } {
            Get-SSDataSyncTask
        }
        Get-SortedArn $tasks.TaskArn | Should -Be (Get-SortedArn @($script:Tasks | Where-Object Region -eq 'eu-west-1' | ForEach-Object TaskArn))
    }

    It 'reads them from a profile of a credentials file (-ProfileName, -ProfileLocation)' {
        $cred = Get-EmulatorCredential
        $file = Join-Path $TestDrive 'credentials'
        Set-Content -Path $file -Value @("[other]", "aws_access_key_id = AKIAOTHER0000000000", "aws_secret_access_key = wrong", "", "[emulator]", "aws_access_key_id = $($cred.AccessKey)", "aws_secret_access_key = $($cred.SecretKey)", "region = us-east-1")
        $agents = Get-SSDataSyncAgent -ProfileName emulator -ProfileLocation $file -EndpointUrl $script:Emulator.Endpoint -InformationVariable info -Verbose 4>&1 |
            Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }
        Get-SortedArn $agents.AgentArn | Should -Be (Get-SortedArn @($script:Agents | Where-Object Region -eq 'us-east-1' | ForEach-Object AgentArn))
    }

    It 'reads them from AWS_PROFILE and AWS_SHARED_CREDENTIALS_FILE (a fresh session, as a runbook starts)' {
        $cred = Get-EmulatorCredential
        $file = Join-Path $TestDrive 'credentials-env'
        Set-Content -Path $file -Value @("[default]", "aws_access_key_id = AKIANOTTHEONE0000000", "aws_secret_access_key = wrong", "", "[scan]", "aws_access_key_id = $($cred.AccessKey)", "aws_secret_access_key = $($cred.SecretKey)", "region = eu-west-1")
        $script = "Import-Module '$(Get-TestModulePath)'`n(Get-SSDataSyncAgent -EndpointUrl '$($script:Emulator.Endpoint)').AgentArn"
        $result = Invoke-ChildPwsh -Script $script -Environment @{ AWS_PROFILE = 'scan'; AWS_SHARED_CREDENTIALS_FILE = $file; AWS_CONFIG_FILE = (Join-Path $TestDrive 'no-config'); AWS_EC2_METADATA_DISABLED = 'true' }
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        Get-SortedArn $result.Output | Should -Be (Get-SortedArn @($script:Agents | Where-Object Region -eq 'eu-west-1' | ForEach-Object AgentArn))
    }

    It 'takes a PSCredential (access key id as user name, secret key as password)' {
        $cred = Get-EmulatorCredential
        $ps = [pscredential]::new($cred.AccessKey, (ConvertTo-SecureString $cred.SecretKey -AsPlainText -Force))
        (Get-SSDataSyncAgent -Region us-east-1 -Credential $ps -EndpointUrl $script:Emulator.Endpoint).Count | Should -Be @($script:Agents | Where-Object Region -eq 'us-east-1').Count
    }
}

Describe 'Streams' {
    It 'writes progress with a parent record per Region and a child per kind' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument((Get-TestModulePath)).AddStatement()
            $null = $ps.AddCommand('Get-SSDataSyncLocation')
            foreach ($p in $script:Conn.GetEnumerator()) { $null = $ps.AddParameter($p.Key, $p.Value) }
            $output = $ps.Invoke()
            $output.Count | Should -Be $script:Locations.Count
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 0
            $parents = $progress | Where-Object { $_.ParentActivityId -eq -1 -and $_.RecordType -ne 'Completed' }
            ($parents.Activity | Select-Object -Unique) | Should -Be @('Get DataSync locations: us-east-1', 'Get DataSync locations: eu-west-1')
            $children = $progress | Where-Object { $_.ParentActivityId -ne -1 -and $_.RecordType -ne 'Completed' }
            ($children.ParentActivityId | Select-Object -Unique | Sort-Object) | Should -Be (($parents.ActivityId | Select-Object -Unique | Sort-Object))
            $children.Activity | Should -Contain 'Locations in us-east-1'
            ($children | Where-Object PercentComplete -eq 100) | Should -Not -BeNullOrEmpty
            ($progress | Where-Object RecordType -eq 'Completed') | Should -Not -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }

    It 'tells each API call on the verbose stream' {
        $verbose = Get-SSDataSyncAgent @Conn -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        $lines = $verbose.Message
        ($lines | Where-Object { $_ -match 'DescribeAgent' }).Count | Should -Be $script:Agents.Count
        ($lines | Where-Object { $_ -match 'ListAgents' }).Count | Should -BeGreaterOrEqual 2
        ($lines | Where-Object { $_ -match 'us-east-1' }) | Should -Not -BeNullOrEmpty
        ($lines -join "`n") | Should -Not -Match ([regex]::Escape((Get-EmulatorCredential).SecretKey))
    }

    It 'ends with a summary on the information stream' {
        $null = Get-SSDataSyncTask @Conn -InformationVariable info
        $null = Get-SSDataSyncExecution @Conn -InformationVariable infoExec
        @($info).Count | Should -Be 1
        "$($info[0].MessageData)" | Should -Be "Collection complete: Tasks: $($script:Tasks.Count)"
        $info[0].Tags | Should -Contain 'Summary'
        "$($infoExec[-1].MessageData)" | Should -BeLike 'Collection complete: Executions (30 days): *'
    }
}

Describe 'Export-Csv and ConvertTo-Json' {
    It 'gives one CSV row per object with no System.Object[] cell (<Kind>)' -ForEach @(
        @{ Kind = 'Tasks' }, @{ Kind = 'Locations' }, @{ Kind = 'Agents' }, @{ Kind = 'Executions' }
    ) {
        $objects = Get-Variable -Scope Script -Name $Kind -ValueOnly
        $path = Join-Path $TestDrive "$Kind.csv"
        $objects | Export-Csv -Path $path -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv -Path $path -Encoding utf8)
        $rows.Count | Should -Be $objects.Count
        $bad = foreach ($row in $rows) { foreach ($p in $row.PSObject.Properties) { if ($p.Value -match '^System\.[\w.`]+(\[\])?$|System\.Object\[\]|System\.Collections') { "$($p.Name)=$($p.Value)" } } }
        $bad | Should -BeNullOrEmpty
        $rows[0].PSObject.Properties.Name | Should -Contain 'Region'
        $rows[0].PSObject.Properties.Name | Should -Contain 'AccountId'
        $rows | ForEach-Object { $_.AccountId | Should -Be '111122223333' }
    }

    It 'keeps the awkward strings intact through CSV (40,000 characters, unicode, formulas, line breaks)' {
        $path = Join-Path $TestDrive 'executions-awkward.csv'
        $script:Executions | Export-Csv -Path $path -NoTypeInformation -Encoding utf8
        $rows = Import-Csv -Path $path -Encoding utf8
        for ($i = 0; $i -lt $script:Executions.Count; $i++) {
            [string]$rows[$i].ErrorDetail | Should -BeExactly ([string]$script:Executions[$i].ErrorDetail)
            $rows[$i].TaskExecutionArn | Should -Be $script:Executions[$i].TaskExecutionArn
        }
        ($rows.ErrorDetail | Where-Object Length -ge 40000) | Should -Not -BeNullOrEmpty
        $taskRows = Import-Csv -Path (Join-Path $TestDrive 'Tasks.csv') -Encoding utf8
        if (-not $taskRows) { $script:Tasks | Export-Csv -Path (Join-Path $TestDrive 'Tasks.csv') -NoTypeInformation; $taskRows = Import-Csv (Join-Path $TestDrive 'Tasks.csv') }
        for ($i = 0; $i -lt $script:Tasks.Count; $i++) {
            [string]$taskRows[$i].Name | Should -BeExactly ([string]$script:Tasks[$i].Name)
            [int]$taskRows[$i].ExcludeCount | Should -Be $script:Tasks[$i].ExcludeCount
        }
    }

    It 'serialises with ConvertTo-Json -Depth 5 and reads back with the same values (<Kind>)' -ForEach @(
        @{ Kind = 'Tasks'; Key = 'TaskArn' }, @{ Kind = 'Locations'; Key = 'LocationArn' }, @{ Kind = 'Agents'; Key = 'AgentArn' }, @{ Kind = 'Executions'; Key = 'TaskExecutionArn' }
    ) {
        $objects = Get-Variable -Scope Script -Name $Kind -ValueOnly
        $json = $objects | ConvertTo-Json -Depth 5 -WarningVariable warnings 3>$null
        $warnings | Should -BeNullOrEmpty -Because 'depth 5 holds every nested shape'
        $back = @($json | ConvertFrom-Json -DateKind Utc)
        $back.Count | Should -Be $objects.Count
        $back.$Key | Should -Be $objects.$Key
        for ($i = 0; $i -lt $objects.Count; $i++) {
            $back[$i].Region | Should -Be $objects[$i].Region
            $back[$i].AccountId | Should -Be '111122223333'
            foreach ($p in $objects[$i].PSObject.Properties) {
                if ($p.Value -is [string] -or $p.Value -is [long] -or $p.Value -is [int]) { $back[$i].($p.Name) | Should -Be $p.Value -Because "$($objects[$i]).$($p.Name)" }
                if ($p.Value -is [DateTime]) { ([DateTime]$back[$i].($p.Name)).ToUniversalTime() | Should -Be $p.Value -Because "$($objects[$i]).$($p.Name)" }
            }
        }
    }
}
