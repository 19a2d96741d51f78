<#
.SYNOPSIS
    One shard of an organisation-wide DataSync inventory: scans a batch of accounts (or the credentials' own
    account) and puts one inventory file into shared storage, for Merge-DataSyncInventory.ps1 to merge.

.DESCRIPTION
    The step an engine runs once per account or per batch of accounts (AWS Systems Manager Automation, a Step
    Functions Distributed Map item, an Azure Automation child job, or plain pwsh processes on a machine with a
    shared disk; docs/runbooks/README.md). It runs Export-SSDataSyncInventory into a temporary file, then copies
    the file to the run's folder <storage>/<RunId>/inventory-<ShardName>.jsonl.gz. RunbookStorage.ps1 must be in
    the same folder.

    Re-running a shard is safe: the same batch gets the same file name, the export overwrites (-Force) and the
    upload replaces the earlier attempt's file, so a failed shard is re-run alone and the merge then reads the new
    file. Give the same -RunId as the first attempt.

    Credentials: the AWS SDK's default chain (the engine's role, environment variables, a profile). With
    -AccountId and -RoleName the scan assumes the role in each account; without -AccountId it scans the
    credentials' own account (one SSM Automation execution per account).

    Exit codes, for the engine to mark the shard (the process's exit code; $LASTEXITCODE when the script is run
    with & inside another script):
      0  the file is in storage and every account of the batch was scanned completely
      2  the file is in storage, but some Regions or calls failed (its header lists the issues; the merged
         workbook's Summary shows them)
      1  failed: every account of the batch failed (their file is still put into storage, so the merged
         Summary names them), or no file could be written or stored
    -AllowIncomplete turns 2 into 0. The last output line is "SHARD <name> <COMPLETE|INCOMPLETE|FAILED> ...".

.PARAMETER RunId
    The run: the folder under the storage that holds every shard's file and the merged workbook. Give every
    shard of a run, its re-runs and the merge the same value (the engine's execution id or name).

.PARAMETER LocalFolder
    Storage: a local or shared folder (the run's files go to <LocalFolder>/<RunId>/).

.PARAMETER S3BucketName
    Storage: an S3 bucket (AWS.Tools.S3 or AWSPowerShell; the same credentials as the scan).

.PARAMETER S3KeyPrefix
    The key prefix under the bucket, for example datasync/inventory.

.PARAMETER S3Region
    The bucket's Region, when it is not the default Region.

.PARAMETER StorageAccountName
    Storage: an Azure storage account (Az.Storage, signed in already, for example Connect-AzAccount -Identity).

.PARAMETER ContainerName
    The blob container (it must exist).

.PARAMETER BlobPrefix
    A folder-like prefix for the blob names.

.PARAMETER AccountId
    The accounts of this shard (comma-separated on a command line). Without it, the credentials' own account.

.PARAMETER RoleName
    The role to assume in each account of -AccountId (for example StratusScanReadOnly).

.PARAMETER ExternalId
    The ExternalId the roles' trust policies require, if any.

.PARAMETER ShardName
    Names the file (inventory-<ShardName>.jsonl.gz). Default: the account id, or <first account>-x<count> for a
    batch, or "self" without -AccountId. It must stay the same when the shard is re-run.

.PARAMETER Region
    The Regions to scan in every account (comma-separated), or all (default).

.PARAMETER Days
    The execution window in days (default 30). Use the same window for every shard of a run.

.PARAMETER AllowIncomplete
    Exit 0 instead of 2 when the file was written but some Regions or calls failed.

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Invoke-DataSyncInventoryShard.ps1 -LocalFolder /mnt/audit -RunId 2026-12-03 -AccountId 111122223333,444455556666 -RoleName StratusScanReadOnly -Region us-east-1,eu-west-1; exit $LASTEXITCODE

    One batch of two accounts, into the shared folder /mnt/audit/2026-12-03/inventory-111122223333-x2.jsonl.gz.

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Invoke-DataSyncInventoryShard.ps1 -S3BucketName ops-audit -S3KeyPrefix datasync -RunId run-42 -AccountId 777788889999 -RoleName StratusScanReadOnly

    One account into s3://ops-audit/datasync/run-42/inventory-777788889999.jsonl.gz; the command a Step Functions
    item runs (entrypoint.ps1 builds it from the container's environment).

.EXAMPLE
    & ./Invoke-DataSyncInventoryShard.ps1 -S3BucketName ops-audit -RunId run-42 -ShardName 777788889999; if ($LASTEXITCODE -ne 0) { throw "shard failed ($LASTEXITCODE)" }

    The credentials' own account (an SSM Automation execution in a member account), from another script.
#>
[CmdletBinding(DefaultParameterSetName = 'Local')]
param(
    [Parameter(Mandatory = $true)] [string] $RunId,
    [Parameter(Mandatory = $true, ParameterSetName = 'Local')] [string] $LocalFolder,
    [Parameter(Mandatory = $true, ParameterSetName = 'S3')] [string] $S3BucketName,
    [Parameter(ParameterSetName = 'S3')] [string] $S3KeyPrefix,
    [Parameter(ParameterSetName = 'S3')] [string] $S3Region,
    [Parameter(Mandatory = $true, ParameterSetName = 'Blob')] [string] $StorageAccountName,
    [Parameter(Mandatory = $true, ParameterSetName = 'Blob')] [string] $ContainerName,
    [Parameter(ParameterSetName = 'Blob')] [string] $BlobPrefix,
    [string[]] $AccountId,
    [string] $RoleName,
    [string] $ExternalId,
    [string] $ShardName,
    [string[]] $Region = @('all'),
    [ValidateRange(1, 3650)] [int] $Days = 30,
    [switch] $AllowIncomplete
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
. (Join-Path $PSScriptRoot 'RunbookStorage.ps1')

$accounts = @(Split-ListParameter $AccountId)
if (-not $ShardName) {
    $ShardName = switch ($accounts.Count) { 0 { 'self' } 1 { $accounts[0] } default { '{0}-x{1}' -f $accounts[0], $accounts.Count } }
}
$work = Join-Path ([IO.Path]::GetTempPath()) ('datasync-shard-' + [guid]::NewGuid().ToString('N'))
$exitCode = 1
$state = 'FAILED'
try {
    if ($ShardName -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$') {
        throw (New-RunbookError 'InvalidShardName' "The shard name '$ShardName' may hold only letters, digits, '.', '_' and '-'." 'InvalidArgument' $ShardName)
    }
    if ($accounts.Count -gt 0 -and -not $RoleName) {
        throw (New-RunbookError 'RoleNameMissing' 'With -AccountId, give -RoleName: the role the scan assumes in each account.' 'InvalidArgument' ($accounts -join ','))
    }
    $store = New-InventoryStore -Bound $PSBoundParameters -RunId $RunId
    Import-Module StratusScan.DataSync
    New-Item -ItemType Directory -Path $work | Out-Null
    $file = Join-Path $work "inventory-$ShardName.jsonl.gz"

    $export = @{ Path = $file; Force = $true; Region = (Split-ListParameter $Region); Days = $Days }
    if ($accounts.Count -gt 0) { $export.AccountId = $accounts; $export.RoleName = $RoleName }
    if ($ExternalId) { $export.ExternalId = $ExternalId }

    # Scan issues are non-terminating (the file's header keeps them); a batch whose every account failed is a
    # terminating error after its file is written.
    $issues = $null
    $scanFailure = $null
    try { Export-SSDataSyncInventory @export -ErrorAction SilentlyContinue -ErrorVariable issues -WarningAction SilentlyContinue -InformationAction SilentlyContinue | Out-Null }
    catch { $scanFailure = $_ }
    # The scan issues only (-ErrorVariable also holds the terminating error, if any).
    $issues = @($issues | Where-Object { $_ -is [Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -and -not ($scanFailure -and $_.Exception -eq $scanFailure.Exception) })
    foreach ($line in @($issues | ForEach-Object { '{0}: {1}' -f ($_.FullyQualifiedErrorId -split ',')[0], $_.Exception.Message } | Select-Object -Unique -First 25)) {
        Write-Output "SCAN ISSUE $line"
    }
    if (-not (Test-Path -LiteralPath $file)) {
        if ($scanFailure) { throw $scanFailure }
        throw (New-RunbookError 'NoInventoryFile' "Export-SSDataSyncInventory wrote no file at $file." 'WriteError' $file)
    }

    try { $stored = Save-StoreFile -Store $store -Path $file }
    catch { throw (New-RunbookError 'UploadFailed' "Storing $file in $($store.Display) failed: $($_.Exception.Message)" 'WriteError' $store.Display) }
    Write-Output "Stored $stored ($((Get-Item -LiteralPath $file).Length) bytes)"

    if ($scanFailure) { throw $scanFailure }
    if ($issues.Count -gt 0) {
        $state = 'INCOMPLETE'
        $exitCode = if ($AllowIncomplete) { 0 } else { 2 }
    }
    else {
        $state = 'COMPLETE'
        $exitCode = 0
    }
}
catch {
    Write-Output ('FAILED {0}: {1}' -f ($_.FullyQualifiedErrorId -split ',')[0], $_.Exception.Message)
    $state = 'FAILED'
    $exitCode = 1
}
finally {
    if (Test-Path -LiteralPath $work) { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
}
Write-Output ("SHARD {0} {1} run={2} accounts={3} exit={4}" -f $ShardName, $state, $RunId, $(if ($accounts) { $accounts -join ',' } else { 'self' }), $exitCode)
exit $exitCode
