# Stub of Az.Automation (tests/Pester/RunbookStubs/README.md): Start-AzAutomationRunbook starts the runbook as its
# own PowerShell process (the file STRATUSSCAN_STUB_RUNBOOKS maps its name to, "Name=path;Name=path"), and
# Get-AzAutomationJob reports the job Running until the process ends, then Completed (exit code 0) or Failed.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
$script:Jobs = @{}
function Start-AzAutomationRunbook {
    param([string] $ResourceGroupName, [string] $AutomationAccountName, [string] $Name, [hashtable] $Parameters, [string] $RunOn)
    Write-StubCall 'Start-AzAutomationRunbook' @($ResourceGroupName, $AutomationAccountName, $Name, (($Parameters.Keys | Sort-Object | ForEach-Object { "$_=$($Parameters[$_])" }) -join ';'))
    $map = @{}
    foreach ($pair in ($env:STRATUSSCAN_STUB_RUNBOOKS -split ';')) { $k, $v = $pair -split '=', 2; if ($k) { $map[$k] = $v } }
    if (-not $map.ContainsKey($Name)) { throw "Start-AzAutomationRunbook: The Runbook was not found. Runbook name: $Name." }
    $id = [guid]::NewGuid()
    $script = Join-Path ([IO.Path]::GetTempPath()) "stub-job-$id.ps1"
    $assignments = foreach ($key in $Parameters.Keys) { "'$key' = '$(([string]$Parameters[$key]) -replace "'", "''")'" }
    Set-Content -LiteralPath $script -Value ("`$ErrorActionPreference = 'Stop'`n`$p = @{ $($assignments -join '; ') }`n& '$($map[$Name] -replace "'", "''")' @p")
    $log = Join-Path ([IO.Path]::GetTempPath()) "stub-job-$id.log"
    $exe = @($env:STRATUSSCAN_PWSH -split [char]0x1f | Where-Object { $_ })
    if (-not $exe) {
        $self = (Get-Process -Id $PID).Path
        $exe = if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { @($self, (Join-Path $PSHOME 'pwsh.dll')) } else { @($self) }
    }
    $arguments = @($exe | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script)
    $process = Start-Process -FilePath $exe[0] -ArgumentList $arguments -RedirectStandardOutput $log -RedirectStandardError "$log.err" -PassThru -NoNewWindow
    $script:Jobs[$id] = [pscustomobject]@{ Process = $process; Name = $Name; Log = $log }
    [pscustomobject]@{ JobId = $id; RunbookName = $Name; Status = 'New' }
}
function Get-AzAutomationJob {
    param([string] $ResourceGroupName, [string] $AutomationAccountName, [guid] $Id)
    $job = $script:Jobs[$Id]
    if (-not $job) { throw "Get-AzAutomationJob: The job $Id was not found." }
    $status = if (-not $job.Process.HasExited) { 'Running' } elseif ($job.Process.ExitCode -eq 0) { 'Completed' } else { 'Failed' }
    Write-StubCall 'Get-AzAutomationJob' @([string]$Id, $status)
    $text = if ($job.Process.HasExited) { ((Get-Content -LiteralPath $job.Log, "$($job.Log).err" -ErrorAction SilentlyContinue) -join "`n") } else { '' }
    [pscustomobject]@{ JobId = $Id; RunbookName = $job.Name; Status = $status; Exception = $(if ($status -eq 'Failed') { $text }) }
}
Export-ModuleMember -Function Start-AzAutomationRunbook, Get-AzAutomationJob
