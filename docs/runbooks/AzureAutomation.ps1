<#
.SYNOPSIS
    Azure Automation runbook Export-DataSyncReport: writes the AWS DataSync audit workbook and copies it to
    Azure Blob Storage.

.DESCRIPTION
    Runs Export-SSDataSyncReport unattended in an Azure Automation account, in a PowerShell 7.2 (or later) or a
    Windows PowerShell 5.1 runtime environment, and uploads the workbook to a blob container. Import it as the
    runbook named Export-DataSyncReport; docs/runbooks/README.md has every setup step.

    AWS credentials, preferred: no stored secret. With -AwsRoleArn, the Automation account's managed identity
    gets a Microsoft Entra token for -Audience (Get-AzAccessToken), writes it to a private temporary file and
    sets AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, so the AWS SDK's default chain calls STS
    AssumeRoleWithWebIdentity. The AWS account needs an IAM OIDC identity provider for the tenant's issuer and
    a role whose trust policy names the managed identity (README).
    Fallback: an Automation credential asset (-CredentialName; user name = access key id, password = secret
    access key) of an IAM user with the read-only policy in about_StratusScan.DataSync. Rotate its keys.

    Azure access uses the same managed identity (Connect-AzAccount -Identity), which needs the
    "Storage Blob Data Contributor" role on the storage account or container. Nothing prompts.

    Job result: Azure Automation ignores exit codes, so every failure is a terminating error and the job is
    Failed: no workbook, a failed upload (the error names the workbook, which is lost with the sandbox), and by
    default an incomplete scan (some Regions or calls failed; the workbook is uploaded first). With
    -FailOnIncompleteScan $false an incomplete scan writes warnings and the job is Completed.

.PARAMETER AwsRoleArn
    The AWS role to assume with the managed identity's token (OIDC web identity federation). When empty, the
    credential asset -CredentialName is used.

.PARAMETER Audience
    The audience (resource) of the managed identity's token; the IAM OIDC provider's client id must match it.

.PARAMETER CredentialName
    The Automation credential asset holding the AWS access key id and secret access key (without -AwsRoleArn).

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
    Fail the job when the workbook was written but some Regions or calls failed (default $true).

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncReport -Parameters @{ AwsRoleArn = 'arn:aws:iam::111122223333:role/StratusScanAzureAutomation'; Region = 'us-east-1,us-west-2'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit' }

    Starts the runbook from a workstation (Az.Automation) for two Regions, with OIDC federation.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg-ops -AutomationAccountName aa-ops -Name Export-DataSyncReport -Parameters @{ CredentialName = 'AWS-DataSync-ReadOnly'; Region = 'us-east-1,us-west-2'; StorageAccountName = 'stopsreports'; ContainerName = 'aws-audit' }

    The same with the keys of the credential asset AWS-DataSync-ReadOnly.

.NOTES
    Test it offline before publishing: in a local pwsh session, run the bundled DataSync emulator and call
    Export-SSDataSyncReport with -EndpointUrl and the emulator's key pair (about_StratusScan.DataSync).
#>
param(
    [string] $AwsRoleArn,
    [string] $Audience = 'api://AzureADTokenExchange',
    [string] $CredentialName = 'AWS-DataSync-ReadOnly',
    [string] $Region = 'all',
    [Parameter(Mandatory = $true)] [string] $StorageAccountName,
    [Parameter(Mandatory = $true)] [string] $ContainerName,
    [string] $BlobPrefix = 'datasync',
    [string] $AccountName,
    [int] $Days = 30,
    [bool] $FailOnIncompleteScan = $true
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # progress records only slow a job down
$ConfirmPreference = 'None'                # never prompt
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

$workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("datasync-" + [guid]::NewGuid().ToString('N'))
$savedEnvironment = @{}
try {
    Import-Module StratusScan.DataSync, Az.Accounts, Az.Storage
    New-Item -ItemType Directory -Path $workDir -Force | Out-Null

    # Azure first: the managed identity serves the blob upload and, with -AwsRoleArn, the AWS federation.
    Connect-AzAccount -Identity | Out-Null

    $exportArgs = @{
        Region          = @($Region -split '[,;\s]+' | Where-Object { $_ })
        Days            = $Days
        OutputDirectory = $workDir
        LogPath         = Join-Path $workDir 'datasync-export.log'
        PassThru        = $true
    }
    if ($AccountName) { $exportArgs.AccountName = $AccountName }

    if ($AwsRoleArn) {
        # OIDC: the managed identity's token in a file only this job reads; the SDK's default chain exchanges it
        # with AssumeRoleWithWebIdentity (and again when the credentials near expiry).
        $token = (Get-AzAccessToken -ResourceUrl $Audience).Token
        if ($token -is [System.Security.SecureString]) { $token = (New-Object System.Net.NetworkCredential '', $token).Password }
        $tokenFile = Join-Path $workDir 'web-identity-token'
        [System.IO.File]::WriteAllText($tokenFile, $token)
        $token = $null
        $variables = @{ AWS_ROLE_ARN = $AwsRoleArn; AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile; AWS_ROLE_SESSION_NAME = 'azure-automation-datasync' }
        foreach ($name in $variables.Keys) {
            $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $variables[$name])
        }
        Write-Output "AWS credentials: web identity federation to $AwsRoleArn"
    }
    else {
        if (-not (Get-Command Get-AutomationPSCredential -ErrorAction SilentlyContinue)) {
            throw 'Get-AutomationPSCredential is not available: run this script as an Azure Automation runbook.'
        }
        $credential = Get-AutomationPSCredential -Name $CredentialName
        if (-not $credential) { throw "The Automation credential asset '$CredentialName' was not found." }
        $exportArgs.Credential = $credential
        Write-Output "AWS credentials: the credential asset $CredentialName"
    }

    # Non-terminating scan issues (access denied, throttling in one Region) are collected, not fatal.
    $scanIssues = $null
    $file = Export-SSDataSyncReport @exportArgs -ErrorAction SilentlyContinue -ErrorVariable scanIssues -WarningAction SilentlyContinue -InformationAction SilentlyContinue
    if (-not $file) {
        $first = @($scanIssues) | Select-Object -First 1
        if ($first) { throw $first }
        throw 'Export-SSDataSyncReport wrote no workbook.'
    }
    Write-Output "Workbook: $($file.Name) ($($file.Length) bytes)"

    # The storage context uses the managed identity too (no account key).
    $blobName = if ($BlobPrefix) { $BlobPrefix.TrimEnd('/') + '/' + $file.Name } else { $file.Name }
    try {
        $context = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount
        Set-AzStorageBlobContent -File $file.FullName -Container $ContainerName -Blob $blobName -Context $context -Force | Out-Null
    }
    catch {
        throw "Upload of the workbook $($file.FullName) to $StorageAccountName/$ContainerName failed: $($_.Exception.Message)"
    }
    Write-Output "Uploaded to https://$StorageAccountName.blob.core.windows.net/$ContainerName/$blobName"

    if ($scanIssues) {
        foreach ($issue in $scanIssues) { Write-Warning "$(($issue.FullyQualifiedErrorId -split ',')[0]): $($issue.Exception.Message)" }
        $message = "The scan was incomplete: $(@($scanIssues).Count) issue(s); the workbook's Summary sheet lists them."
        if ($FailOnIncompleteScan) { throw $message }
        Write-Warning $message
    }
}
catch {
    # Error ids such as AwsCredentialsNotFound, InvalidRegion or AllRegionsFailed are explained in about_StratusScan.DataSync.
    Write-Error "DataSync report failed: $(($_.FullyQualifiedErrorId -split ',')[0]): $($_.Exception.Message)" -ErrorAction Continue
    throw
}
finally {
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if (Test-Path -LiteralPath $workDir) { Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue }
}
