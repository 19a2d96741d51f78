<#
.SYNOPSIS
    Azure Automation child runbook Export-DataSyncInventoryShard: scans one batch of AWS accounts and puts one
    inventory file into a blob container.

.DESCRIPTION
    Started by the parent runbook Export-DataSyncInventoryOrganization (AzureAutomation-InventoryParent.ps1), one
    job per batch; it can also be started alone to re-run a failed batch (same AccountId, BatchName and RunId).
    It signs in with the Automation account's managed identity (Connect-AzAccount -Identity), gets AWS
    credentials the way AzureAutomation.ps1 does (OIDC web identity with -AwsRoleArn, else the credential asset
    -CredentialName), runs Export-SSDataSyncInventory -AccountId ... -RoleName ..., and uploads the file as
    <BlobPrefix>/<RunId>/inventory-<BatchName>.jsonl.gz, replacing an earlier attempt's.

    Azure Automation ignores exit codes, so every failure is a terminating error and the job is Failed: the
    parent lists failed jobs. A batch whose every account failed still uploads its file first (the merged
    Summary then names those accounts); so does an incomplete batch, which fails the job unless
    -FailOnIncompleteScan $false.

.PARAMETER AccountId
    The batch's accounts, comma-separated.

.PARAMETER RoleName
    The role assumed in each account (for example StratusScanReadOnly).

.PARAMETER ExternalId
    The ExternalId the roles' trust policies require, if any.

.PARAMETER BatchName
    Names the file (inventory-<BatchName>.jsonl.gz); the parent gives batch-001, batch-002, ...

.PARAMETER RunId
    The run's folder in the container (the parent's job id); the same for every batch, re-run and the merge.

.PARAMETER StorageAccountName
    The storage account.

.PARAMETER ContainerName
    The blob container (it must exist).

.PARAMETER BlobPrefix
    A folder-like prefix before the run's folder.

.PARAMETER AwsRoleArn
    The AWS role assumed with the managed identity's token (OIDC); without it, -CredentialName.

.PARAMETER Audience
    The audience of the managed identity's token.

.PARAMETER CredentialName
    The credential asset with the AWS access key id and secret access key.

.PARAMETER Region
    AWS Regions to scan, comma-separated, or all.

.PARAMETER Days
    The execution window in days (default 30).

.PARAMETER FailOnIncompleteScan
    Fail the job when the file was written but some Regions or calls failed (default $true).

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncInventoryShard -Parameters @{ AccountId = '111122223333,444455556666'; RoleName = 'StratusScanReadOnly'; BatchName = 'batch-002'; RunId = '5a1c0de2-0000-4000-8000-000000000042'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit'; CredentialName = 'AWS-DataSync-ReadOnly' }

    Re-runs the failed batch batch-002 of run 5a1c0de2-... alone (the parent's output lists each batch's accounts).
#>
param(
    [Parameter(Mandatory = $true)] [string] $AccountId,
    [Parameter(Mandatory = $true)] [string] $RoleName,
    [string] $ExternalId,
    [Parameter(Mandatory = $true)] [string] $BatchName,
    [Parameter(Mandatory = $true)] [string] $RunId,
    [Parameter(Mandatory = $true)] [string] $StorageAccountName,
    [Parameter(Mandatory = $true)] [string] $ContainerName,
    [string] $BlobPrefix = 'datasync',
    [string] $AwsRoleArn,
    [string] $Audience = 'api://AzureADTokenExchange',
    [string] $CredentialName = 'AWS-DataSync-ReadOnly',
    [string] $Region = 'all',
    [int] $Days = 30,
    [bool] $FailOnIncompleteScan = $true
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

$workDir = Join-Path ([IO.Path]::GetTempPath()) ('datasync-' + [guid]::NewGuid().ToString('N'))
$savedEnvironment = @{}
try {
    if ($BatchName -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' -or $RunId -notmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$') {
        throw "BatchName '$BatchName' and RunId '$RunId' may hold only letters, digits, '.', '_' and '-': they name the blob."
    }
    Import-Module StratusScan.DataSync, Az.Accounts, Az.Storage
    New-Item -ItemType Directory -Path $workDir -Force | Out-Null
    Connect-AzAccount -Identity | Out-Null

    $accounts = @($AccountId -split '[,;\s]+' | Where-Object { $_ })
    $file = Join-Path $workDir "inventory-$BatchName.jsonl.gz"
    $export = @{ Path = $file; Force = $true; AccountId = $accounts; RoleName = $RoleName; Region = @($Region -split '[,;\s]+' | Where-Object { $_ }); Days = $Days }
    if ($ExternalId) { $export.ExternalId = $ExternalId }

    if ($AwsRoleArn) {
        # The managed identity's token in a file only this job reads; the AWS SDK's default chain exchanges it.
        $token = (Get-AzAccessToken -ResourceUrl $Audience).Token
        if ($token -is [Security.SecureString]) { $token = [Net.NetworkCredential]::new('', $token).Password }
        $tokenFile = Join-Path $workDir 'web-identity-token'
        [IO.File]::WriteAllText($tokenFile, $token)
        $token = $null
        foreach ($pair in @{ AWS_ROLE_ARN = $AwsRoleArn; AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile; AWS_ROLE_SESSION_NAME = 'azure-automation-datasync' }.GetEnumerator()) {
            $savedEnvironment[$pair.Key] = [Environment]::GetEnvironmentVariable($pair.Key)
            [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value)
        }
    }
    else {
        $credential = Get-AutomationPSCredential -Name $CredentialName
        if (-not $credential) { throw "The Automation credential asset '$CredentialName' was not found." }
        $export.Credential = $credential
    }

    $issues = $null
    $scanFailure = $null
    try { Export-SSDataSyncInventory @export -ErrorAction SilentlyContinue -ErrorVariable issues -WarningAction SilentlyContinue -InformationAction SilentlyContinue | Out-Null }
    catch { $scanFailure = $_ }
    if (-not (Test-Path -LiteralPath $file)) {
        if ($scanFailure) { throw $scanFailure }
        throw "Export-SSDataSyncInventory wrote no file at $file."
    }

    $blob = (@($BlobPrefix.Trim('/'), $RunId, (Split-Path -Leaf $file)) | Where-Object { $_ }) -join '/'
    try {
        $context = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
        Set-AzStorageBlobContent -File $file -Container $ContainerName -Blob $blob -Context $context -Force | Out-Null
    }
    catch { throw "Upload of $file to $StorageAccountName/$ContainerName/$blob failed: $($_.Exception.Message)" }
    Write-Output "Uploaded $blob ($($accounts.Count) account(s): $($accounts -join ','))"

    if ($scanFailure) { throw $scanFailure }
    if ($issues) {
        foreach ($issue in $issues) { Write-Warning "$(($issue.FullyQualifiedErrorId -split ',')[0]): $($issue.Exception.Message)" }
        $message = "Batch $BatchName was incomplete: $(@($issues).Count) issue(s); the merged workbook's Summary lists them."
        if ($FailOnIncompleteScan) { throw $message }
        Write-Warning $message
    }
}
catch {
    $id = ($_.FullyQualifiedErrorId -split ',')[0]
    Write-Error ("DataSync inventory batch $BatchName failed: " + $(if ($id -eq $_.Exception.Message) { $id } else { "${id}: $($_.Exception.Message)" })) -ErrorAction Continue
    throw
}
finally {
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if (Test-Path -LiteralPath $workDir) { Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue }
}
