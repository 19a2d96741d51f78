<#
.SYNOPSIS
    Windows scheduled task: writes the DataSync audit workbook in Windows PowerShell 5.1 with an AWS profile.

.DESCRIPTION
    Runs Export-SSDataSyncReport unattended from Task Scheduler in Windows PowerShell 5.1 (powershell.exe),
    with the credentials of a profile in the task user's shared AWS files (%USERPROFILE%\.aws\credentials
    and config), or in the file given with -ProfileLocation. Keeps the workbooks in -OutputDirectory, with
    StratusScan's file names (a second run on the same day gets -v2), and removes those older than
    -KeepDays. A transcript of each run goes to -LogDirectory.

    The profile must work without a person: access keys, or role_arn with source_profile, or
    credential_process. An SSO (IAM Identity Center) profile needs a fresh "aws sso login", so it suits
    interactive use, not a nightly task.

    Exit codes (shown as the task's Last Run Result):
      0  the workbook was written, the scan was complete
      1  failure: no workbook (see the transcript)
      2  the workbook was written, but some Regions or calls failed (its Summary sheet lists them)

.PARAMETER ProfileName
    The AWS profile to use.

.PARAMETER ProfileLocation
    The shared credentials file holding the profile (default: the task user's %USERPROFILE%\.aws files).

.PARAMETER Region
    Regions to scan: names, or all. Default: the profile's region.

.PARAMETER OutputDirectory
    Where the workbooks are kept.

.PARAMETER LogDirectory
    Where the run transcripts and the module's log files are kept.

.PARAMETER AccountName
    The account's display name in the file name and on the Summary sheet (default: the account id, or the
    name in -ConfigPath's account_mappings).

.PARAMETER ConfigPath
    A StratusScan config.json (account_mappings, default_regions).

.PARAMETER Days
    The execution window in days (default 30).

.PARAMETER KeepDays
    Remove workbooks and logs older than this many days (0 keeps everything).

.EXAMPLE
    powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File C:\Scripts\ScheduledTask-WindowsPowerShell.ps1 -ProfileName datasync-audit -Region us-east-1,us-west-2

    Runs the script once by hand, as the task will.

.EXAMPLE
    # Register a nightly task at 02:30 that runs as a service account (run in an elevated Windows PowerShell):
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "C:\Scripts\ScheduledTask-WindowsPowerShell.ps1" -ProfileName datasync-audit -Region all -OutputDirectory "D:\Reports\DataSync"'
    $trigger = New-ScheduledTaskTrigger -Daily -At '02:30'
    $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Hours 2) -StartWhenAvailable
    Register-ScheduledTask -TaskName 'StratusScan DataSync report' -Action $action -Trigger $trigger -Settings $settings -User 'CONTOSO\svc-aws-audit' -Password 'the-service-account-password' -RunLevel Limited

    The service account's %USERPROFILE%\.aws\credentials must hold the datasync-audit profile (or pass
    -ProfileLocation). Use a group managed service account (-Principal with LogonType Password) to avoid a
    stored password.
#>
#requires -Version 5.1
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ProfileName,
    [string] $ProfileLocation,
    [string[]] $Region,
    [string] $OutputDirectory = (Join-Path $env:ProgramData 'StratusScan\DataSync\Reports'),
    [string] $LogDirectory = (Join-Path $env:ProgramData 'StratusScan\DataSync\Logs'),
    [string] $AccountName,
    [string] $ConfigPath,
    [ValidateRange(1, 3650)] [int] $Days = 30,
    [ValidateRange(0, 36500)] [int] $KeepDays = 90
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # Write-Progress slows Windows PowerShell 5.1 down
$ConfirmPreference = 'None'

$exitCode = 1
$transcript = $false
try {
    foreach ($directory in $OutputDirectory, $LogDirectory) {
        if (-not (Test-Path -LiteralPath $directory)) { New-Item -ItemType Directory -Path $directory -Force | Out-Null }
    }
    $stamp = (Get-Date).ToString('yyyy-MM-dd-HHmm')
    Start-Transcript -Path (Join-Path $LogDirectory "run-$stamp.txt") | Out-Null
    $transcript = $true

    Import-Module StratusScan.DataSync

    $exportArgs = @{
        ProfileName     = $ProfileName
        Days            = $Days
        OutputDirectory = $OutputDirectory
        LogPath         = Join-Path $LogDirectory "datasync-export-$stamp.log"
        PassThru        = $true
    }
    # A comma-separated -Region from powershell.exe -File arrives as one string.
    if ($Region) { $exportArgs.Region = @($Region | ForEach-Object { $_ -split '[,;\s]+' } | Where-Object { $_ }) }
    if ($ProfileLocation) { $exportArgs.ProfileLocation = $ProfileLocation }
    if ($AccountName) { $exportArgs.AccountName = $AccountName }
    if ($ConfigPath) { $exportArgs.ConfigPath = $ConfigPath }

    $scanIssues = $null
    $file = Export-SSDataSyncReport @exportArgs -ErrorAction Continue -ErrorVariable scanIssues
    if (-not $file) { throw 'Export-SSDataSyncReport wrote no workbook.' }
    Write-Output "Workbook: $($file.FullName) ($($file.Length) bytes)"

    if ($scanIssues) {
        foreach ($issue in $scanIssues) { Write-Warning "$($issue.FullyQualifiedErrorId): $($issue.Exception.Message)" }
        $exitCode = 2
    }
    else {
        $exitCode = 0
    }

    if ($KeepDays -gt 0) {
        $cutoff = (Get-Date).AddDays(-$KeepDays)
        Get-ChildItem -LiteralPath $OutputDirectory -Filter '*-datasync-all-export-*.xlsx' -File |
            Where-Object LastWriteTime -lt $cutoff | Remove-Item -Force -ErrorAction Continue
        Get-ChildItem -LiteralPath $LogDirectory -File |
            Where-Object { $_.LastWriteTime -lt $cutoff -and $_.Extension -in '.txt', '.log' } | Remove-Item -Force -ErrorAction Continue
    }
}
catch {
    # The error ids (AwsCredentialsNotFound, InvalidRegion, AllRegionsFailed, OutputNotWritable, ...) are
    # explained in: Get-Help about_StratusScan.DataSync
    Write-Output "FAILED $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
    $exitCode = 1
}
finally {
    if ($transcript) { Stop-Transcript | Out-Null }
}
exit $exitCode
