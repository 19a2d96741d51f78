<#
.SYNOPSIS
    Azure Automation runbook: writes the AWS DataSync audit workbook and copies it to Azure Blob Storage.

.DESCRIPTION
    Runs Export-SSDataSyncReport unattended in an Azure Automation account (PowerShell 7.4 runtime) and
    uploads the workbook to a blob container.

    AWS credentials come from an Automation credential asset passed to -Credential: its user name is the
    AWS access key id, its password the secret access key (an IAM user with the read-only policy in
    about_StratusScan.DataSync). Azure access uses the Automation account's system-assigned managed
    identity (Connect-AzAccount -Identity), which needs the "Storage Blob Data Contributor" role on the
    storage account or container. No secret is stored in the script and nothing prompts.

    Setup, once:
      1. Automation account > Runtime Environments (or Modules): a PowerShell 7.4 environment with the
         modules StratusScan.DataSync, Az.Accounts and Az.Storage.
      2. Shared Resources > Credentials: a credential asset (default name AWS-DataSync-ReadOnly),
         user name = access key id, password = secret access key.
      3. Identity: turn on the system-assigned managed identity and grant it Storage Blob Data
         Contributor on the storage account.
      4. Import this file as a PowerShell runbook (runtime 7.4), publish it and link it to a schedule.

    Job result: a terminating error marks the Automation job Failed (Azure Automation ignores exit codes),
    so failures are re-thrown. A scan that was partly denied or throttled still uploads its workbook (its
    Summary sheet lists the gaps) and writes warnings; with -FailOnIncompleteScan $true the job then fails.

.PARAMETER CredentialName
    The name of the Automation credential asset holding the AWS access key id and secret access key.

.PARAMETER Region
    AWS Regions to scan, comma-separated (us-east-1,eu-west-1), or all.

.PARAMETER StorageAccountName
    The storage account to upload the workbook to.

.PARAMETER ContainerName
    The blob container (it must exist).

.PARAMETER BlobPrefix
    A folder-like prefix for the blob name, for example datasync/production.

.PARAMETER AccountName
    The AWS account's display name in the file name and on the Summary sheet (default: the account id).

.PARAMETER Days
    The execution window in days (default 30).

.PARAMETER FailOnIncompleteScan
    Fail the job when the workbook was written but some Regions or calls failed.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncReport -Parameters @{ Region = 'us-east-1,us-west-2'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit' }

    Starts the runbook from a workstation (Az.Automation) for two Regions.

.NOTES
    Test it offline before publishing: in a local pwsh 7.4 session, run the bundled DataSync emulator and
    call Export-SSDataSyncReport with -EndpointUrl and the emulator's key pair (about_StratusScan.DataSync).
#>
param(
    [string] $CredentialName = 'AWS-DataSync-ReadOnly',
    [string] $Region = 'all',
    [Parameter(Mandatory = $true)] [string] $StorageAccountName,
    [Parameter(Mandatory = $true)] [string] $ContainerName,
    [string] $BlobPrefix = 'datasync',
    [string] $AccountName,
    [int] $Days = 30,
    [bool] $FailOnIncompleteScan = $false
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # progress records only slow a job down
$ConfirmPreference = 'None'                # never prompt

$workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("datasync-" + [guid]::NewGuid().ToString('N'))
try {
    Import-Module StratusScan.DataSync, Az.Accounts, Az.Storage

    if (-not (Get-Command Get-AutomationPSCredential -ErrorAction SilentlyContinue)) {
        throw 'Get-AutomationPSCredential is not available: run this script as an Azure Automation runbook.'
    }
    $credential = Get-AutomationPSCredential -Name $CredentialName
    if (-not $credential) { throw "The Automation credential asset '$CredentialName' was not found." }

    $regions = @($Region -split '[,;\s]+' | Where-Object { $_ })
    $exportArgs = @{
        Credential      = $credential
        Region          = $regions
        Days            = $Days
        OutputDirectory = $workDir
        LogPath         = Join-Path $workDir 'datasync-export.log'
        PassThru        = $true
    }
    if ($AccountName) { $exportArgs.AccountName = $AccountName }

    # Non-terminating scan issues (access denied, throttling in one Region) are collected, not fatal.
    $scanIssues = $null
    $file = Export-SSDataSyncReport @exportArgs -ErrorAction Continue -ErrorVariable scanIssues
    if (-not $file) { throw 'Export-SSDataSyncReport wrote no workbook.' }
    Write-Output "Workbook: $($file.Name) ($($file.Length) bytes)"

    # Azure: the Automation account's managed identity; the storage context uses it too (no account key).
    Connect-AzAccount -Identity | Out-Null
    $context = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
    $blobName = if ($BlobPrefix) { $BlobPrefix.TrimEnd('/') + '/' + $file.Name } else { $file.Name }
    Set-AzStorageBlobContent -File $file.FullName -Container $ContainerName -Blob $blobName -Context $context -Force | Out-Null
    Write-Output "Uploaded to https://$StorageAccountName.blob.core.windows.net/$ContainerName/$blobName"

    if ($scanIssues) {
        foreach ($issue in $scanIssues) { Write-Warning "$($issue.FullyQualifiedErrorId): $issue" }
        $message = "The scan was incomplete: $(@($scanIssues).Count) issue(s); the workbook's Summary sheet lists them."
        if ($FailOnIncompleteScan) { throw $message }
        Write-Warning $message
    }
}
catch {
    # Error ids such as AwsCredentialsNotFound, InvalidRegion or AllRegionsFailed are explained in about_StratusScan.DataSync.
    Write-Error "DataSync report failed: $($_.FullyQualifiedErrorId): $($_.Exception.Message)" -ErrorAction Continue
    throw
}
finally {
    if (Test-Path -LiteralPath $workDir) { Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue }
}
