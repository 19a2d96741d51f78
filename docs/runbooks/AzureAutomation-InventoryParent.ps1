<#
.SYNOPSIS
    Azure Automation parent runbook Export-DataSyncInventoryOrganization: starts one child job per batch of AWS
    accounts, waits for them, then merges their inventory files into one workbook in the blob container.

.DESCRIPTION
    1. The accounts: -AccountId, or every ACTIVE account of the organisation (Get-SSOrganizationAccount, under
       -OrganizationalUnitId if given) with the AWS credentials of the management (or delegated) account.
    2. Sorted and cut into batches of -BatchSize: batch-001, batch-002, ... Each batch is one job of the child
       runbook Export-DataSyncInventoryShard (AzureAutomation-InventoryShard.ps1), started with
       Start-AzAutomationRunbook, which writes <BlobPrefix>/<RunId>/inventory-<batch>.jsonl.gz.
    3. Waits for every job (Get-AzAutomationJob) and prints one line per batch: "BATCH <name> <status> <accounts>".
    4. Merges: downloads the run's inventory files, runs Export-SSDataSyncReport -InventoryPath and uploads the
       workbook to <BlobPrefix>/<RunId>/. The merge runs even when batches failed, so the workbook shows what
       was scanned (a failed batch's file, if written, names its accounts as not scanned).
    5. Fails the job (a terminating error) when any batch failed, naming them and the run id.

    A failed batch is re-run alone: start the child runbook with the batch's AccountId, BatchName and RunId (the
    "BATCH" lines and the child's help show them), then this runbook with -MergeOnly -RunId <run id>.

    The Automation account's managed identity needs "Automation Job Operator" (start and read jobs; Contributor
    on the Automation account also does) and "Storage Blob Data Contributor" on the container. Each job runs in
    its own sandbox (400 MB, 3 hours fair share): size -BatchSize so a batch finishes well within it.

.PARAMETER ResourceGroupName
    The Automation account's resource group.

.PARAMETER AutomationAccountName
    The Automation account that runs the child jobs (this one).

.PARAMETER StorageAccountName
    The storage account.

.PARAMETER ContainerName
    The blob container (it must exist).

.PARAMETER BlobPrefix
    A folder-like prefix before the run's folder.

.PARAMETER RoleName
    The role assumed in each member account.

.PARAMETER AccountId
    The accounts, comma-separated (default: the organisation's ACTIVE accounts).

.PARAMETER OrganizationalUnitId
    Only the accounts under this OU (and the OUs below it).

.PARAMETER BatchSize
    Accounts per child job (default 20).

.PARAMETER RunId
    The run's folder (default: this job's id). With -MergeOnly, the run to merge.

.PARAMETER MergeOnly
    Start no job: merge the files of -RunId (after re-running a failed batch).

.PARAMETER ChildRunbookName
    The child runbook's name (default Export-DataSyncInventoryShard).

.PARAMETER RunOn
    A Hybrid Runbook Worker group for the child jobs (default: Azure sandboxes).

.PARAMETER AwsRoleArn
    The AWS role assumed with the managed identity's token (OIDC), here and in every child job.

.PARAMETER Audience
    The audience of the managed identity's token.

.PARAMETER CredentialName
    The credential asset with the AWS keys (without -AwsRoleArn), here and in every child job.

.PARAMETER ExternalId
    The ExternalId the member roles require, if any.

.PARAMETER Region
    AWS Regions to scan, comma-separated, or all.

.PARAMETER Days
    The execution window in days (default 30).

.PARAMETER OrganizationName
    The name on the workbook and in its file name.

.PARAMETER PollSeconds
    How often the jobs are checked (default 30).

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncInventoryOrganization -Parameters @{ ResourceGroupName = 'rg-ops'; AutomationAccountName = 'aa-ops'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit'; RoleName = 'StratusScanReadOnly'; AwsRoleArn = 'arn:aws:iam::111122223333:role/StratusScanAzureAutomation'; Region = 'us-east-1,eu-west-1'; OrganizationName = 'Contoso' }

    Every ACTIVE account of the organisation, 20 per child job.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncInventoryOrganization -Parameters @{ ResourceGroupName = 'rg-ops'; AutomationAccountName = 'aa-ops'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit'; RoleName = 'StratusScanReadOnly'; MergeOnly = $true; RunId = '5a1c0de2-0000-4000-8000-000000000042'; OrganizationName = 'Contoso' }

    After re-running a failed batch: merges run 5a1c0de2-... again.
#>
param(
    [Parameter(Mandatory = $true)] [string] $ResourceGroupName,
    [Parameter(Mandatory = $true)] [string] $AutomationAccountName,
    [Parameter(Mandatory = $true)] [string] $StorageAccountName,
    [Parameter(Mandatory = $true)] [string] $ContainerName,
    [string] $BlobPrefix = 'datasync',
    [Parameter(Mandatory = $true)] [string] $RoleName,
    [string] $AccountId,
    [string] $OrganizationalUnitId,
    [ValidateRange(1, 1000)] [int] $BatchSize = 20,
    [string] $RunId,
    [bool] $MergeOnly = $false,
    [string] $ChildRunbookName = 'Export-DataSyncInventoryShard',
    [string] $RunOn,
    [string] $AwsRoleArn,
    [string] $Audience = 'api://AzureADTokenExchange',
    [string] $CredentialName = 'AWS-DataSync-ReadOnly',
    [string] $ExternalId,
    [string] $Region = 'all',
    [int] $Days = 30,
    [string] $OrganizationName,
    [ValidateRange(1, 3600)] [int] $PollSeconds = 30
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

$workDir = Join-Path ([IO.Path]::GetTempPath()) ('datasync-' + [guid]::NewGuid().ToString('N'))
$savedEnvironment = @{}
try {
    Import-Module StratusScan.DataSync, Az.Accounts, Az.Storage, Az.Automation
    New-Item -ItemType Directory -Path $workDir -Force | Out-Null
    Connect-AzAccount -Identity | Out-Null
    if (-not $RunId) {
        $RunId = if ($PSPrivateMetadata.JobId) { [string]$PSPrivateMetadata.JobId.Guid } else { (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss') }
    }
    if ($RunId -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$') { throw "RunId '$RunId' may hold only letters, digits, '.', '_' and '-'." }
    Write-Output "RUN $RunId"
    $runFolder = (@($BlobPrefix.Trim('/'), $RunId) | Where-Object { $_ }) -join '/'
    $context = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
    $failed = [Collections.Generic.List[string]]::new()

    if (-not $MergeOnly) {
        # The account list: given, or the organisation's (this job's own AWS credentials).
        $accounts = @($AccountId -split '[,;\s]+' | Where-Object { $_ })
        if ($accounts.Count -eq 0) {
            $list = @{}
            if ($OrganizationalUnitId) { $list.OrganizationalUnitId = $OrganizationalUnitId }
            if ($AwsRoleArn) {
                $token = (Get-AzAccessToken -ResourceUrl $Audience).Token
                if ($token -is [Security.SecureString]) { $token = [Net.NetworkCredential]::new('', $token).Password }
                $tokenFile = Join-Path $workDir 'web-identity-token'
                [IO.File]::WriteAllText($tokenFile, $token)
                $token = $null
                foreach ($pair in @{ AWS_ROLE_ARN = $AwsRoleArn; AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile }.GetEnumerator()) {
                    $savedEnvironment[$pair.Key] = [Environment]::GetEnvironmentVariable($pair.Key)
                    [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value)
                }
            }
            else { $list.Credential = Get-AutomationPSCredential -Name $CredentialName }
            $accounts = @(Get-SSOrganizationAccount @list | ForEach-Object AccountId)
        }
        $accounts = @($accounts | Sort-Object -Unique)
        if ($accounts.Count -eq 0) { throw 'No account to scan: give -AccountId, or check -OrganizationalUnitId.' }

        # One child job per batch; the same inputs give the same batches, so a batch keeps its name on a re-run.
        $jobs = for ($i = 0; $i -lt $accounts.Count; $i += $BatchSize) {
            $batch = @($accounts[$i..([Math]::Min($i + $BatchSize, $accounts.Count) - 1)])
            $name = 'batch-{0:D3}' -f ($i / $BatchSize + 1)
            $parameters = @{
                AccountId = $batch -join ','; RoleName = $RoleName; BatchName = $name; RunId = $RunId; StorageAccountName = $StorageAccountName
                ContainerName = $ContainerName; BlobPrefix = $BlobPrefix; Region = $Region; Days = $Days; CredentialName = $CredentialName; Audience = $Audience
            }
            if ($AwsRoleArn) { $parameters.AwsRoleArn = $AwsRoleArn }
            if ($ExternalId) { $parameters.ExternalId = $ExternalId }
            $start = @{ ResourceGroupName = $ResourceGroupName; AutomationAccountName = $AutomationAccountName; Name = $ChildRunbookName; Parameters = $parameters }
            if ($RunOn) { $start.RunOn = $RunOn }
            $job = Start-AzAutomationRunbook @start
            [pscustomobject]@{ Name = $name; Accounts = $batch; JobId = $job.JobId; Status = 'New'; Detail = '' }
        }
        Write-Output "Started $(@($jobs).Count) child job(s) of $ChildRunbookName for $($accounts.Count) account(s)"

        $terminal = 'Completed', 'Failed', 'Stopped', 'Suspended'
        do {
            $running = 0
            foreach ($job in @($jobs | Where-Object { $_.Status -notin $terminal })) {
                $state = Get-AzAutomationJob -ResourceGroupName $ResourceGroupName -AutomationAccountName $AutomationAccountName -Id $job.JobId
                $job.Status = [string]$state.Status
                if ($job.Status -notin $terminal) { $running++ } elseif ($job.Status -ne 'Completed') { $job.Detail = [string]$state.Exception }
            }
            if ($running -gt 0) { Start-Sleep -Seconds $PollSeconds }
        } while ($running -gt 0)
        foreach ($job in $jobs) {
            Write-Output ('BATCH {0} {1} job={2} accounts={3}' -f $job.Name, $job.Status, $job.JobId, ($job.Accounts -join ','))
            if ($job.Status -ne 'Completed') { $failed.Add($job.Name) }
        }
    }

    # The merge: every inventory file of the run, whatever the batches' status.
    $blobs = @(Get-AzStorageBlob -Container $ContainerName -Prefix "$runFolder/" -Context $context | Where-Object { $_.Name -match '/inventory-[^/]+\.jsonl\.gz$' })
    if ($blobs.Count -eq 0) { throw "No inventory file under $ContainerName/$runFolder/: no batch wrote one." }
    $files = foreach ($blob in $blobs) {
        $local = Join-Path $workDir (Split-Path -Leaf $blob.Name)
        Get-AzStorageBlobContent -Container $ContainerName -Blob $blob.Name -Destination $local -Context $context -Force | Out-Null
        $local
    }
    $report = @{ InventoryPath = @($files); OutputDirectory = (Join-Path $workDir 'report'); Force = $true; PassThru = $true }
    if ($OrganizationName) { $report.AccountName = $OrganizationName }
    $workbook = Export-SSDataSyncReport @report -WarningAction Continue -InformationAction SilentlyContinue
    if (-not $workbook) { throw 'Export-SSDataSyncReport wrote no workbook.' }
    $target = "$runFolder/$($workbook.Name)"
    Set-AzStorageBlobContent -File $workbook.FullName -Container $ContainerName -Blob $target -Context $context -Force | Out-Null
    Write-Output "Workbook: https://$StorageAccountName.blob.core.windows.net/$ContainerName/$target (merged from $(@($files).Count) file(s))"

    if ($failed.Count -gt 0) {
        throw "$($failed.Count) batch(es) failed: $($failed -join ', '). Re-run each with $ChildRunbookName (RunId $RunId), then this runbook with MergeOnly = `$true and RunId = $RunId."
    }
}
catch {
    $id = ($_.FullyQualifiedErrorId -split ',')[0]
    Write-Error ("DataSync organisation inventory failed: " + $(if ($id -eq $_.Exception.Message) { $id } else { "${id}: $($_.Exception.Message)" })) -ErrorAction Continue
    throw
}
finally {
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if (Test-Path -LiteralPath $workDir) { Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue }
}
