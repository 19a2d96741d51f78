# The Get cmdlets write each object as soon as it is described, while the scan goes on, and a stopped pipeline
# stops the scan: Select-Object -First 1 makes a small share of the calls of the full scan, the first object
# arrives before the last DescribeTaskExecution is served, and a stop (a terminating error downstream, or
# PowerShell.Stop() from another runspace) leaves no call running afterwards. Every assertion is on the
# emulator's call counts, never on time.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/InventoryComparison.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    # 2 Regions x 40 tasks x 100 executions (tasks still being created have none): thousands of executions, nearly
    # all within the last 25 days (inside the default 30-day window). A small latency per call keeps the scan going while the pipeline reads its first objects.
    $spec = 'regions=us-east-1;eu-west-1,tasks=40,locations=1,agents=1,executions=100,days=25,seed=31,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset -ArgumentList '--page-size', '100', '--latency-ms', '2'
    $cred = Get-EmulatorCredential
    $script:Conn = @{ Region = @('us-east-1', 'eu-west-1'); AccessKey = $cred.AccessKey; SecretKey = $cred.SecretKey; EndpointUrl = $script:Emulator.Endpoint }
    # The generator also puts an execution 3 minutes either side of the 30-day edge; the one outside is described, not returned.
    $executions = @((Get-DatasetRegion $script:Emulator.Dataset).Executions)
    $edge = [DateTime]::UtcNow.AddDays(-30)
    $script:InWindow = @($executions | Where-Object { (ConvertFrom-EpochSeconds $_.StartTime) -ge $edge })
    $script:ExpectedArns = @(Get-SortedArn $script:InWindow.TaskExecutionArn)
    $script:AllDescribes = $executions.Count

    function script:Get-DescribeCount {
        Get-EmulatorCallCount (Get-EmulatorStats $script:Emulator.Endpoint) -Operation DescribeTaskExecution
    }

    function script:Wait-CallsSettled {
        <# The DescribeTaskExecution count once it has stopped growing (read twice, a second apart, until equal). #>
        $last = Get-DescribeCount
        for ($i = 0; $i -lt 10; $i++) {
            Start-Sleep -Milliseconds 1000
            $now = Get-DescribeCount
            if ($now -eq $last) { return $now }
            $last = $now
        }
        $last
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Get-SSDataSyncExecution streams' {
    It 'the dataset has thousands of executions, nearly all inside the window' {
        $script:AllDescribes | Should -BeGreaterThan 5000
        $script:ExpectedArns.Count | Should -BeGreaterThan ($script:AllDescribes - 10)
    }

    It 'returns every execution exactly once, and its first object arrives before the last DescribeTaskExecution is served' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        $script:AtFirst = $null
        $all = @(Get-SSDataSyncExecution @Conn -InformationVariable info | ForEach-Object {
                if ($null -eq $script:AtFirst) { $script:AtFirst = Get-DescribeCount }
                $_
            })
        $full = Get-DescribeCount
        $full | Should -Be $script:AllDescribes -Because 'the full scan describes every execution listed, once'
        Get-SortedArn $all.TaskExecutionArn | Should -Be $script:ExpectedArns
        Get-InformationText $info | Should -Contain ('Collection complete: Executions (30 days): {0}' -f $all.Count)
        $script:AtFirst | Should -BeLessThan ($full / 2) -Because 'the first object is written while the scan goes on, not after it'
        $names = @{}; foreach ($t in (Get-DatasetRegion $script:Emulator.Dataset).Tasks) { $names[$t.TaskArn] = $t.Name }
        @($all | Where-Object { $_.AccountName -ne '111122223333' }).Count | Should -Be 0 -Because 'each object is named as it is handed on'
        @($all | Where-Object { $_.TaskName -ne $names[$_.TaskArn] }).Count | Should -Be 0 -Because 'each execution carries its task''s name'
    }

    It 'Select-Object -First 1 returns one object after a small share of the full scan''s calls, and no call follows' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        $first = @(Get-SSDataSyncExecution @Conn | Select-Object -First 1)
        $first.Count | Should -Be 1
        $first[0].TaskExecutionArn | Should -BeIn $script:ExpectedArns
        $settled = Wait-CallsSettled
        $settled | Should -BeLessThan ($script:AllDescribes / 10) -Because 'the scan stops when Select-Object has its object'
        Start-Sleep -Milliseconds 1000
        Get-DescribeCount | Should -Be $settled -Because 'no call starts after the pipeline stopped'
    }

    It 'a terminating error downstream stops the scan and reaches the caller unchanged' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        { Get-SSDataSyncExecution @Conn | ForEach-Object { throw 'downstream gave up' } } | Should -Throw 'downstream gave up'
        $settled = Wait-CallsSettled
        $settled | Should -BeLessThan ($script:AllDescribes / 10)
        Start-Sleep -Milliseconds 1000
        Get-DescribeCount | Should -Be $settled
    }

    It 'PowerShell.Stop() from another runspace after the first object stops the scan' {
        Reset-EmulatorStats $script:Emulator.Endpoint
        # The module is imported by the runspace itself (see Faults.Tests.ps1: a stopped batch must not own the import).
        $state = [initialsessionstate]::CreateDefault2()
        $state.ImportPSModule([string[]]@((Get-TestModulePath)))
        $ps = [powershell]::Create($state)
        $output = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
        try {
            $null = $ps.AddCommand('Get-SSDataSyncExecution')
            foreach ($p in $script:Conn.GetEnumerator()) { $null = $ps.AddParameter($p.Key, $p.Value) }
            $inputData = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
            $inputData.Complete()
            $async = $ps.BeginInvoke($inputData, $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ($output.Count -eq 0 -and -not $async.IsCompleted) {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'no object within 60 s' }
                Start-Sleep -Milliseconds 10
            }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $output.Count | Should -BeGreaterThan 0
            $output.Count | Should -BeLessThan $script:AllDescribes
            $settled = Wait-CallsSettled
            $settled | Should -BeLessThan $script:AllDescribes
            Start-Sleep -Milliseconds 1000
            Get-DescribeCount | Should -Be $settled -Because 'no call starts after the stop'
        }
        finally { $ps.Dispose() }
    }

    It 'piping tasks into it still costs one scan: one ListTasks per Region, whatever the number of tasks' {
        $tasks = @(Get-SSDataSyncTask @Conn | Select-Object -First 5)
        $tasks.Count | Should -Be 5
        Reset-EmulatorStats $script:Emulator.Endpoint
        $conn = $script:Conn.Clone(); $conn.Remove('Region')
        $piped = @($tasks | Get-SSDataSyncExecution @conn)
        $stats = Get-EmulatorStats $script:Emulator.Endpoint
        Get-EmulatorCallCount $stats -Operation ListTasks | Should -BeLessOrEqual 2
        $ofTasks = @((Get-DatasetRegion $script:Emulator.Dataset).Executions | Where-Object { $_.TaskExecutionArn.Substring(0, $_.TaskExecutionArn.IndexOf('/execution/')) -in $tasks.TaskArn })
        $inWindow = [Collections.Generic.HashSet[string]]::new([string[]]$script:ExpectedArns, [StringComparer]::Ordinal)
        Get-SortedArn $piped.TaskExecutionArn | Should -Be (Get-SortedArn @($ofTasks.TaskExecutionArn | Where-Object { $inWindow.Contains($_) }))
        Get-EmulatorCallCount $stats -Operation DescribeTaskExecution | Should -Be $ofTasks.Count
    }
}
