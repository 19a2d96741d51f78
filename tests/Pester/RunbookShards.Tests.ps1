# The sharded runbooks of docs/runbooks run here as the engines would run them: every shard, merge, container mode
# and Azure job is its own PowerShell process, the shards at the same time, against an emulator of three member
# accounts, with the storage a local folder (-LocalFolder, or the S3 and blob stubs of RunbookStubs/ on a folder).
# The merged workbook must equal, row for row on every data sheet, one Export-SSDataSyncReport -AccountId ...
# -RoleName ... over the same accounts. Tagged CoreOnly: it reads workbooks with ExcelDataReader.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Root = New-TestRoot runbookshards
    $script:Runbooks = Join-Path (Get-RepoRoot) 'docs/runbooks'
    Import-Module (Get-TestModulePath) -Force
    Import-WorkbookReader

    # The module by name in the child processes (the packaged folder), the stubs before it.
    $manifest = Get-TestModulePath
    $base = Split-Path $manifest
    $modules = if ((Split-Path -Leaf $base) -as [version]) { Split-Path (Split-Path $base) } else { Split-Path $base }
    $script:ModulePath = (@((Join-Path $PSScriptRoot 'RunbookStubs'), $modules, (Join-Path $PSHOME 'Modules'))) -join [IO.Path]::PathSeparator

    $spec = 'regions=us-east-1;eu-west-1,accounts=3,tasks=3,locations=1,agents=2,executions=2,days=20,seed=43,now={0}' -f [DateTime]::UtcNow.ToString('o')
    $script:Emulator = Start-TestEmulator -Generate $spec -DumpDataset
    $script:Credential = Get-EmulatorCredential
    $script:Accounts = @('111122223333', '444455556666', '777788889999')
    $script:Regions = 'us-east-1,eu-west-1'
    $script:RoleName = 'StratusScanReadOnly'
    $script:ChildEnvironment = @{
        PSModulePath = $ModulePath; AWS_ENDPOINT_URL = $Emulator.Endpoint; AWS_REGION = 'us-east-1'
        AWS_ACCESS_KEY_ID = $Credential.AccessKey; AWS_SECRET_ACCESS_KEY = $Credential.SecretKey
    }

    function script:Get-DataSheet([string] $Path) {
        # Every sheet of a workbook but the Summary (its scan times and sources differ by design).
        $book = Read-Workbook $Path
        $data = [ordered]@{}
        foreach ($name in $book.Keys) { if ($name -ne 'Summary') { $data[$name] = $book[$name] } }
        $data
    }

    # The single run the merged workbooks must equal.
    $reference = Export-SSDataSyncReport -AccountId $Accounts -RoleName $RoleName -Region ($Regions -split ',') -EndpointUrl $Emulator.Endpoint `
        -AccessKey $Credential.AccessKey -SecretKey $Credential.SecretKey -OutputDirectory (New-TestFolder reference) -PassThru -ErrorAction Stop
    $script:Expected = Get-DataSheet $reference.FullName

    function script:Start-Pwsh {
        <# Starts one PowerShell process (not waited for) with the base environment plus -Environment ($null removes). #>
        param([string[]] $Arguments, [hashtable] $Environment = @{})
        $pwsh = @(Get-PwshCommand)
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $Arguments) { $info.ArgumentList.Add($argument) }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $variables = $script:ChildEnvironment.Clone()
        $variables.XDG_CACHE_HOME = New-TestFolder cache
        foreach ($key in $Environment.Keys) { $variables[$key] = $Environment[$key] }
        foreach ($key in $variables.Keys) { if ($null -eq $variables[$key]) { [void]$info.Environment.Remove($key) } else { $info.Environment[$key] = [string]$variables[$key] } }
        $process = [Diagnostics.Process]::Start($info)
        [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
    }

    function script:Wait-Pwsh {
        <# Waits for processes of Start-Pwsh (5 minutes each at most): their exit codes and output. #>
        param([Parameter(ValueFromPipeline)] $Started)
        process {
            if (-not $Started.Process.WaitForExit(300000)) { $Started.Process.Kill($true); throw 'A runbook process ran for more than 5 minutes.' }
            $Started.Process.WaitForExit()
            [pscustomobject]@{ ExitCode = $Started.Process.ExitCode; Text = $Started.Out.Result + $Started.Err.Result }
        }
    }

    function script:Start-Shard([string] $Folder, [string] $RunId, [string] $AccountId, [hashtable] $Environment = @{}) {
        Start-Pwsh -Environment $Environment -Arguments @('-File', (Join-Path $Runbooks 'Invoke-DataSyncInventoryShard.ps1'), '-LocalFolder', $Folder,
            '-RunId', $RunId, '-AccountId', $AccountId, '-RoleName', $RoleName, '-Region', $Regions)
    }

    function script:Invoke-Merge([string] $Folder, [string] $RunId) {
        Start-Pwsh -Arguments @('-File', (Join-Path $Runbooks 'Merge-DataSyncInventory.ps1'), '-LocalFolder', $Folder, '-RunId', $RunId,
            '-AccountName', 'Org', '-ExpectedAccountId', ($Accounts -join ',')) | Wait-Pwsh
    }

    function script:Assert-SameData([string] $Workbook) {
        $problems = Compare-Workbook -Expected $Expected -Actual (Get-DataSheet $Workbook)
        $problems | Should -BeNullOrEmpty -Because 'the merged workbook holds the single run''s rows, in its order'
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root) { Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Invoke-DataSyncInventoryShard.ps1 and Merge-DataSyncInventory.ps1 with a local folder' -Tag 'CoreOnly' {
    It 'one process per account at once, then the merge process: the workbook equals the single run' {
        $folder = New-TestFolder shared
        $runs = @($Accounts | ForEach-Object { Start-Shard $folder 'run-1' $_ }) | Wait-Pwsh
        for ($i = 0; $i -lt $Accounts.Count; $i++) {
            $runs[$i].ExitCode | Should -Be 0 -Because $runs[$i].Text
            $runs[$i].Text | Should -Match ('SHARD {0} COMPLETE run=run-1 accounts={0} exit=0' -f $Accounts[$i])
        }
        @(Get-ChildItem (Join-Path $folder 'run-1') -Filter '*.jsonl.gz').Name | Sort-Object |
            Should -Be @($Accounts | ForEach-Object { "inventory-$_.jsonl.gz" })

        $merge = Invoke-Merge $folder 'run-1'
        $merge.ExitCode | Should -Be 0 -Because $merge.Text
        $merge.Text | Should -Match 'MERGE COMPLETE run=run-1 files=3 accounts=3 problems=0'
        $workbook = @(Get-ChildItem (Join-Path $folder 'run-1') -Filter '*.xlsx')
        $workbook.Count | Should -Be 1
        $workbook[0].Name | Should -Match '^Org-datasync-'
        Assert-SameData $workbook[0].FullName
    }

    It 'batches of accounts (two and one) in two processes give the same workbook' {
        $folder = New-TestFolder batches
        $runs = @((Start-Shard $folder 'run-2' ($Accounts[0..1] -join ',')), (Start-Shard $folder 'run-2' $Accounts[2])) | Wait-Pwsh
        $runs.ExitCode | Should -Be @(0, 0) -Because ($runs.Text -join "`n")
        @(Get-ChildItem (Join-Path $folder 'run-2') -Filter '*.jsonl.gz').Name | Sort-Object |
            Should -Be @("inventory-$($Accounts[0])-x2.jsonl.gz", "inventory-$($Accounts[2]).jsonl.gz")
        $merge = Invoke-Merge $folder 'run-2'
        $merge.ExitCode | Should -Be 0 -Because $merge.Text
        Assert-SameData (Get-ChildItem (Join-Path $folder 'run-2') -Filter '*.xlsx').FullName
    }

    It 'a failed shard exits 1 with its file stored, the merge exits 2 naming the account, and after re-running that shard alone the merge is complete' {
        $folder = New-TestFolder rerun
        $denied = Start-FaultyEmulator -Source $Emulator -Conn @{} -Faults '--deny-account', $Accounts[1]
        try {
            $runs = @($Accounts | ForEach-Object {
                    $environment = if ($_ -eq $Accounts[1]) { @{ AWS_ENDPOINT_URL = $denied.Emulator.Endpoint } } else { @{} }
                    Start-Shard $folder 'run-3' $_ $environment
                }) | Wait-Pwsh
        }
        finally { $denied.Emulator | Stop-TestEmulator }
        $runs.ExitCode | Should -Be @(0, 1, 0) -Because ($runs.Text -join "`n")
        $runs[1].Text | Should -Match "SHARD $($Accounts[1]) FAILED run=run-3"
        Test-Path (Join-Path $folder "run-3/inventory-$($Accounts[1]).jsonl.gz") | Should -BeTrue -Because 'a batch whose every account failed still stores its file'

        $first = Invoke-Merge $folder 'run-3'
        $first.ExitCode | Should -Be 2 -Because $first.Text
        $first.Text | Should -Match "ACCOUNT $($Accounts[1]) NotScanned inventory-$($Accounts[1])\.jsonl\.gz"
        $first.Text | Should -Match 'MERGE INCOMPLETE run=run-3 files=3'
        $partial = Get-DataSheet (Get-ChildItem (Join-Path $folder 'run-3') -Filter '*.xlsx').FullName
        Compare-Workbook -Expected $Expected -Actual $partial | Should -Not -BeNullOrEmpty -Because 'that workbook lacks the failed account''s rows'

        # The engine re-runs the failed shard alone (same run, same batch: same file, replaced), then the merge.
        $again = Start-Shard $folder 'run-3' $Accounts[1] | Wait-Pwsh
        $again.ExitCode | Should -Be 0 -Because $again.Text
        @(Get-ChildItem (Join-Path $folder 'run-3') -Filter '*.jsonl.gz').Count | Should -Be 3
        $second = Invoke-Merge $folder 'run-3'
        $second.ExitCode | Should -Be 0 -Because $second.Text
        $workbook = @(Get-ChildItem (Join-Path $folder 'run-3') -Filter '*.xlsx')
        $workbook.Count | Should -Be 1 -Because 'the second merge replaced the first workbook'
        Assert-SameData $workbook[0].FullName
    }

    It 'an incomplete shard exits 2, or 0 with -AllowIncomplete; a merge of a run without files exits 1' {
        $folder = New-TestFolder incomplete
        $partial = Start-FaultyEmulator -Source $Emulator -Conn @{} -Faults '--deny-operation', 'us-east-1:ListAgents'
        $common = @('-File', (Join-Path $Runbooks 'Invoke-DataSyncInventoryShard.ps1'), '-LocalFolder', $folder, '-AccountId', $Accounts[0], '-RoleName', $RoleName, '-Region', $Regions)
        $environment = @{ AWS_ENDPOINT_URL = $partial.Emulator.Endpoint }
        try {
            $runs = @((Start-Pwsh -Environment $environment -Arguments ($common + @('-RunId', 'run-4'))),
                (Start-Pwsh -Environment $environment -Arguments ($common + @('-RunId', 'run-5', '-AllowIncomplete')))) | Wait-Pwsh
        }
        finally { $partial.Emulator | Stop-TestEmulator }
        $runs[0].ExitCode | Should -Be 2 -Because $runs[0].Text
        $runs[0].Text | Should -Match "SHARD $($Accounts[0]) INCOMPLETE"
        $runs[0].Text | Should -Match 'SCAN ISSUE DataSyncAccessDenied: '
        $runs[1].ExitCode | Should -Be 0 -Because $runs[1].Text
        $empty = Invoke-Merge $folder 'run-6'
        $empty.ExitCode | Should -Be 1
        $empty.Text | Should -Match 'FAILED NoInventoryFiles: No inventory-\*\.jsonl\.gz file in '
    }
}

Describe 'The Step Functions container entrypoint (S3 stub on a local folder)' -Tag 'CoreOnly' {
    It 'accounts, then one shard task per account at once, then merge: the workbook equals the single run' {
        $s3 = New-TestFolder s3
        $entrypoint = Join-Path $Runbooks 'StepFunctions/entrypoint.ps1'
        $task = @{
            STRATUSSCAN_STUB_S3_ROOT = $s3; STRATUSSCAN_BUCKET = 'ops-audit'; STRATUSSCAN_PREFIX = 'datasync'; STRATUSSCAN_RUN_ID = 'exec-1'
            STRATUSSCAN_ROLE_NAME = $RoleName; STRATUSSCAN_REGIONS = $Regions; STRATUSSCAN_DAYS = '30'; STRATUSSCAN_ORGANIZATION_NAME = 'Org'
        }
        $list = Start-Pwsh -Environment $task -Arguments @('-File', $entrypoint, 'accounts') | Wait-Pwsh
        $list.ExitCode | Should -Be 0 -Because $list.Text
        $run = Join-Path $s3 'ops-audit/datasync/exec-1'
        # The Distributed Map's ItemReader reads this JSON array; each item's AccountId goes to one task.
        $items = @(Get-Content -Raw (Join-Path $run 'accounts.json') | ConvertFrom-Json)
        @($items.AccountId | Sort-Object) | Should -Be $Accounts

        $shards = @($items | ForEach-Object { Start-Pwsh -Environment ($task + @{ STRATUSSCAN_ACCOUNT_ID = $_.AccountId }) -Arguments @('-File', $entrypoint, 'shard') }) | Wait-Pwsh
        $shards.ExitCode | Should -Be @(0, 0, 0) -Because ($shards.Text -join "`n")
        $merge = Start-Pwsh -Environment $task -Arguments @('-File', $entrypoint, 'merge') | Wait-Pwsh
        $merge.ExitCode | Should -Be 0 -Because $merge.Text
        $merge.Text | Should -Match 'Workbook: s3://ops-audit/datasync/exec-1/Org-datasync-\S+\.xlsx'
        Assert-SameData (Get-ChildItem $run -Filter '*.xlsx').FullName
    }

    It 'a task without its settings exits 1 naming the variable' {
        $run = Start-Pwsh -Environment @{ STRATUSSCAN_BUCKET = 'ops-audit'; STRATUSSCAN_RUN_ID = 'exec-2' } -Arguments @('-File', (Join-Path $Runbooks 'StepFunctions/entrypoint.ps1'), 'shard') | Wait-Pwsh
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'FAILED SettingMissing: the container needs the environment variable STRATUSSCAN_ACCOUNT_ID'
    }
}

Describe 'The Azure Automation parent and child runbooks (stubs: each job a process, blobs a local folder)' -Tag 'CoreOnly' {
    BeforeAll {
        function script:Invoke-Parent([hashtable] $Parameters, [string] $Blobs) {
            $log = Join-Path $Root ('stub-{0}.log' -f [guid]::NewGuid().ToString('N'))
            $pairs = foreach ($key in $Parameters.Keys) { "'$key' = '$(([string]$Parameters[$key]) -replace "'", "''")'" }
            $script = Join-Path $Root ('parent-{0}.ps1' -f [guid]::NewGuid().ToString('N'))
            Set-Content -LiteralPath $script -Value "`$p = @{ $($pairs -join '; ') }`n& '$((Join-Path $Runbooks 'AzureAutomation-InventoryParent.ps1') -replace "'", "''")' @p"
            $environment = @{
                STRATUSSCAN_STUB_LOG = $log; STRATUSSCAN_STUB_BLOB_ROOT = $Blobs
                STRATUSSCAN_STUB_RUNBOOKS = 'Export-DataSyncInventoryShard=' + (Join-Path $Runbooks 'AzureAutomation-InventoryShard.ps1')
                STRATUSSCAN_STUB_CREDENTIAL = 'AWS-DataSync-ReadOnly'; STRATUSSCAN_STUB_ACCESS_KEY = $Credential.AccessKey; STRATUSSCAN_STUB_SECRET_KEY = $Credential.SecretKey
                AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null
            }
            $run = Start-Pwsh -Environment $environment -Arguments @('-File', $script) | Wait-Pwsh
            $run | Add-Member -NotePropertyName Calls -NotePropertyValue @(if (Test-Path $log) { Get-Content -LiteralPath $log }) -PassThru
        }
        $script:Job = @{
            ResourceGroupName = 'rg-ops'; AutomationAccountName = 'aa-ops'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit'
            RoleName = $RoleName; Region = $Regions; BatchSize = '2'; PollSeconds = '1'; OrganizationName = 'Org'
        }
    }

    It 'starts one child job per batch of two accounts, waits, and merges the batches'' blobs into the workbook of the single run' {
        $blobs = New-TestFolder blobs
        $run = Invoke-Parent ($Job + @{ AccountId = ($Accounts -join ','); RunId = 'run-az' }) $blobs
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Calls | Where-Object { $_ -like 'Start-AzAutomationRunbook|rg-ops|aa-ops|Export-DataSyncInventoryShard|*' }).Count | Should -Be 2
        $run.Text | Should -Match "BATCH batch-001 Completed job=\S+ accounts=$($Accounts[0]),$($Accounts[1])"
        $run.Text | Should -Match "BATCH batch-002 Completed job=\S+ accounts=$($Accounts[2])"
        $folder = Join-Path $blobs 'stopsreports/aws-audit/datasync/run-az'
        @(Get-ChildItem $folder -Filter '*.jsonl.gz').Name | Sort-Object | Should -Be @('inventory-batch-001.jsonl.gz', 'inventory-batch-002.jsonl.gz')
        $run.Text | Should -Match 'Workbook: https://stopsreports\.blob\.core\.windows\.net/aws-audit/datasync/run-az/Org-datasync-\S+\.xlsx \(merged from 2 file'
        Assert-SameData (Get-ChildItem $folder -Filter '*.xlsx').FullName
    }

    It 'fails the parent job after the merge when a batch fails, naming the batch and the run' {
        $blobs = New-TestFolder blobs-failed
        # 123456789012 has no role the emulator lets be assumed: its batch (sorted: the first) is incomplete, so its job fails.
        $run = Invoke-Parent ($Job + @{ AccountId = "$($Accounts[0]),123456789012,$($Accounts[2])"; RunId = 'run-az-2' }) $blobs
        $run.ExitCode | Should -Not -Be 0 -Because $run.Text
        $run.Text | Should -Match "BATCH batch-001 Failed job=\S+ accounts=$($Accounts[0]),123456789012"
        $run.Text | Should -Match "BATCH batch-002 Completed"
        # (PowerShell's error view wraps the message in '| ' lines: joined back into one line first.)
        ($run.Text -replace '\s*\r?\n\s*\|?\s*', ' ') | Should -Match '1 batch\(es\) failed: batch-001\. Re-run each with Export-DataSyncInventoryShard \(RunId run-az-2\)'
        @(Get-ChildItem (Join-Path $blobs 'stopsreports/aws-audit/datasync/run-az-2') -Filter '*.xlsx').Count | Should -Be 1 -Because 'the merge runs before the job fails'
    }
}
