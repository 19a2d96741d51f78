<#
.SYNOPSIS
    AWS Systems Manager Run Command script: writes the DataSync audit workbook on an EC2 instance with its
    instance role and uploads it to S3.

.DESCRIPTION
    Runs Export-SSDataSyncReport on a managed EC2 instance through the AWS-RunPowerShellScript document:
    Windows with Windows PowerShell 5.1 (powershell.exe, what stock Windows AMIs have) or PowerShell 7, or
    Linux with pwsh. No keys: credentials come from the instance profile through the AWS SDK's default chain.
    The instance role needs the read-only DataSync policy in about_StratusScan.DataSync plus s3:PutObject on
    the target bucket and prefix. Install the modules for all users first (the agent runs as SYSTEM or root):
    see docs/runbooks/README.md.

    The upload uses Write-S3Object from AWS.Tools.S3, or from the older AWSPowerShell module when only that
    one is installed (many Windows AMIs). It is imported after the export.

    The output fits Run Command's 2,500 characters: plain text, no colour codes, one line per scan issue
    (error id, Region, IAM action), and at most a few lines more. When the upload fails, the workbook is
    kept and its path printed. Send the command with --output-s3-bucket-name to keep its complete output.

    Exit codes (the document's command line must end with "; exit $LASTEXITCODE" so that Run Command sees them):
      0  the workbook was written and uploaded, the scan was complete
      1  failure: no workbook, or the upload failed (the workbook is kept; its path is printed)
      2  the workbook was written and uploaded, but some Regions or calls failed (its Summary lists them)

.PARAMETER Region
    Regions to scan: names (comma-separated on a command line), or all. The instance's own Region is not
    picked up automatically, so the default is all (every DataSync Region of the commercial partition; set
    AWS_REGION to a GovCloud Region for GovCloud).

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
    Where the workbook and the module's log are written before the upload (default: a temporary folder,
    removed after a successful upload and kept when the upload fails).

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File /opt/stratusscan/AwsSsmRunCommand.ps1 -BucketName ops-reports -Region us-east-1,us-west-2; exit $LASTEXITCODE

    The AWS-RunPowerShellScript command on Linux (or on Windows with PowerShell 7), with the script installed
    at an absolute path.

.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File C:\StratusScan\AwsSsmRunCommand.ps1 -BucketName ops-reports -Region us-east-1,us-west-2; exit $LASTEXITCODE

    The AWS-RunPowerShellScript command on Windows with Windows PowerShell 5.1 only.
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
# Run Command keeps plain text: no ANSI colour codes in anything PowerShell 7 formats.
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

function Get-IssueLine {
    # One short line per scan issue: its error id, its Region and the IAM action, never the long message.
    param($Issue)
    $text = "$($Issue.TargetObject) $($Issue.Exception.Message)"
    $regionName = if ($text -match '\b([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+)\b') { $Matches[1] } else { '-' }
    $action = if ($Issue.Exception.Message -match '\b((datasync|sts):[A-Za-z]+)') { $Matches[1] } else { '' }
    ("SCAN ISSUE {0} {1} {2}" -f ($Issue.FullyQualifiedErrorId -split ',')[0], $regionName, $action).TrimEnd()
}

function New-Failure([string] $Id, [string] $Message) {
    New-Object System.Management.Automation.ErrorRecord (New-Object System.Exception $Message), $Id, 'NotSpecified', $null
}

function Limit-Text([string] $Text, [int] $Length) {
    if ($Text.Length -le $Length) { return $Text }
    $Text.Substring(0, $Length - 3) + '...'
}

# A comma-separated -Region from a command line arrives as one string.
$regions = @($Region | ForEach-Object { $_ -split '[,;\s]+' } | Where-Object { $_ })
$temporary = -not $WorkDirectory
if ($temporary) { $WorkDirectory = Join-Path ([System.IO.Path]::GetTempPath()) ('datasync-' + [guid]::NewGuid().ToString('N')) }

$exitCode = 1
$keep = $false
$file = $null
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
    # Scan issues are collected quietly (the workbook's Summary and the log have them in full) and printed short.
    $scanIssues = $null
    $file = Export-SSDataSyncReport @exportArgs -ErrorAction SilentlyContinue -ErrorVariable scanIssues -WarningAction SilentlyContinue -InformationAction SilentlyContinue
    if (-not $file) {
        $first = @($scanIssues) | Select-Object -First 1
        if ($first) { throw $first }
        throw (New-Failure 'NoWorkbook' 'Export-SSDataSyncReport wrote no workbook.')
    }
    Write-Output "Workbook: $($file.Name) ($($file.Length) bytes)"
    $lines = @($scanIssues | ForEach-Object { Get-IssueLine $_ } | Group-Object | ForEach-Object { if ($_.Count -gt 1) { "$($_.Name) (x$($_.Count))" } else { $_.Name } })
    $lines | Select-Object -First 25 | Write-Output
    if ($lines.Count -gt 25) { Write-Output "... $($lines.Count - 25) more issue lines: see the workbook's Summary sheet." }

    try {
        # AWS Tools for PowerShell use the same instance role, and the instance's Region unless -BucketRegion is given.
        if (Get-Module -ListAvailable -Name AWS.Tools.S3) { Import-Module AWS.Tools.S3 }
        elseif (Get-Module -ListAvailable -Name AWSPowerShell) { Import-Module AWSPowerShell }
        else { throw 'Neither AWS.Tools.S3 nor AWSPowerShell is installed for all users (Install-Module AWS.Tools.S3 -Scope AllUsers).' }
        $key = if ($KeyPrefix) { $KeyPrefix.TrimEnd('/') + '/' + $file.Name } else { $file.Name }
        $s3Args = @{ BucketName = $BucketName; Key = $key; File = $file.FullName }
        if ($BucketRegion) { $s3Args.Region = $BucketRegion }
        Write-S3Object @s3Args | Out-Null
    }
    catch {
        $keep = $true
        throw (New-Failure 'UploadFailed' "Upload to s3://$BucketName failed ($(Limit-Text $_.Exception.Message 300)). The workbook is kept at $($file.FullName)")
    }
    Write-Output "Uploaded to s3://$BucketName/$key"
    $exitCode = if ($scanIssues) { 2 } else { 0 }
    if ($exitCode -eq 2) { Write-Output "INCOMPLETE: $(@($scanIssues).Count) scan issue(s); the workbook's Summary sheet lists them." }
}
catch {
    $id = ($_.FullyQualifiedErrorId -split ',')[0]
    Write-Output ("FAILED {0}: {1}" -f $id, (Limit-Text $_.Exception.Message 900))
    $exitCode = 1
}
finally {
    if ($temporary -and -not $keep -and (Test-Path -LiteralPath $WorkDirectory)) {
        Remove-Item -LiteralPath $WorkDirectory -Recurse -Force -ErrorAction SilentlyContinue
    }
}
exit $exitCode
