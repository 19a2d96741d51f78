<#
.SYNOPSIS
    AWS Systems Manager Run Command script: writes the DataSync audit workbook on an EC2 instance with its
    instance role and uploads it to S3.

.DESCRIPTION
    Runs Export-SSDataSyncReport on a managed EC2 instance (Windows with PowerShell 7 or Windows PowerShell
    5.1, or Linux with pwsh) through the AWS-RunPowerShellScript or AWS-RunRemoteScript document. No keys:
    credentials come from the instance profile through the AWS SDK's default chain. The instance role needs
    the read-only DataSync policy in about_StratusScan.DataSync plus s3:PutObject on the target bucket and
    prefix.

    The upload uses Write-S3Object from AWS.Tools.S3. Both modules work in one session: on PowerShell 7
    StratusScan.DataSync loads its own AWSSDK.Core in a separate assembly load context, so the AWSSDK.Core
    that AWS.Tools loads does not clash with it, whichever is imported first. This script imports
    AWS.Tools.S3 only after the export, which is also the safe order in Windows PowerShell 5.1.

    Exit codes (Run Command shows a non-zero code as Failed):
      0  the workbook was written and uploaded, the scan was complete
      1  failure: no workbook, or the upload failed
      2  the workbook was written and uploaded, but some Regions or calls failed (its Summary lists them)

.PARAMETER Region
    Regions to scan: names, or all. The instance's own Region is not picked up automatically, so the
    default is all (every DataSync Region of the commercial partition; set AWS_REGION to a GovCloud Region
    for GovCloud).

.PARAMETER BucketName
    The S3 bucket to upload the workbook to.

.PARAMETER KeyPrefix
    The S3 key prefix (a folder-like path), for example datasync/reports.

.PARAMETER BucketRegion
    The bucket's Region, when it is not the instance's own Region.

.PARAMETER AccountName
    The account's display name in the file name and on the Summary sheet (default: the account id).

.PARAMETER Days
    The execution window in days (default 30).

.PARAMETER WorkDirectory
    Where the workbook and log are written before the upload (default: a temporary folder, removed after).

.EXAMPLE
    aws ssm send-command --document-name AWS-RunRemoteScript --targets Key=tag:Role,Values=reporting --parameters '{"sourceType":["S3"],"sourceInfo":["{\"path\":\"https://s3.amazonaws.com/ops-scripts/AwsSsmRunCommand.ps1\"}"],"commandLine":["pwsh -NoProfile -NonInteractive -File AwsSsmRunCommand.ps1 -BucketName ops-reports -Region us-east-1,us-west-2"]}'

    Runs the script from S3 on the instances tagged Role=reporting (AWS CLI).

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./AwsSsmRunCommand.ps1 -BucketName ops-reports -Region all -AccountName Production

    The command line for the AWS-RunPowerShellScript document, with the script already on the instance.
#>
[CmdletBinding()]
param(
    [string[]] $Region = @('all'),
    [Parameter(Mandatory = $true)] [string] $BucketName,
    [string] $KeyPrefix = 'datasync',
    [string] $BucketRegion,
    [string] $AccountName,
    [ValidateRange(1, 3650)] [int] $Days = 30,
    [string] $WorkDirectory
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

# A comma-separated -Region from a command line arrives as one string.
$regions = @($Region | ForEach-Object { $_ -split '[,;\s]+' } | Where-Object { $_ })
$temporary = -not $WorkDirectory
if ($temporary) { $WorkDirectory = Join-Path ([System.IO.Path]::GetTempPath()) ('datasync-' + [guid]::NewGuid().ToString('N')) }

$exitCode = 1
try {
    Import-Module StratusScan.DataSync

    $exportArgs = @{
        Region          = $regions
        Days            = $Days
        OutputDirectory = $WorkDirectory
        LogPath         = Join-Path $WorkDirectory 'datasync-export.log'
        PassThru        = $true
    }
    if ($AccountName) { $exportArgs.AccountName = $AccountName }

    # No -Credential, -ProfileName or keys: the instance role, through the SDK's default credential chain.
    $scanIssues = $null
    $file = Export-SSDataSyncReport @exportArgs -ErrorAction Continue -ErrorVariable scanIssues
    if (-not $file) { throw 'Export-SSDataSyncReport wrote no workbook.' }
    Write-Output "Workbook: $($file.FullName) ($($file.Length) bytes)"

    # AWS Tools for PowerShell uses the same instance role, and the instance's Region unless -BucketRegion is given.
    Import-Module AWS.Tools.S3
    $key = if ($KeyPrefix) { $KeyPrefix.TrimEnd('/') + '/' + $file.Name } else { $file.Name }
    $s3Args = @{ BucketName = $BucketName; Key = $key; File = $file.FullName }
    if ($BucketRegion) { $s3Args.Region = $BucketRegion }
    Write-S3Object @s3Args
    Write-Output "Uploaded to s3://$BucketName/$key"

    if ($scanIssues) {
        # Run Command output is cut at 2,500 characters: one short line per issue.
        foreach ($issue in $scanIssues) { Write-Output "SCAN ISSUE $($issue.FullyQualifiedErrorId): $($issue.Exception.Message)" }
        $exitCode = 2
    }
    else {
        $exitCode = 0
    }
}
catch {
    Write-Output "FAILED $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
    $exitCode = 1
}
finally {
    if ($temporary -and (Test-Path -LiteralPath $WorkDirectory)) {
        Remove-Item -LiteralPath $WorkDirectory -Recurse -Force -ErrorAction SilentlyContinue
    }
}
exit $exitCode
