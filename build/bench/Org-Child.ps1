# One run of the organisation benchmark (build/Bench.ps1), in its own pwsh: -Mode organization exports all the
# accounts at once, sequential one account after another; writes the time, workbooks and errors to -ResultPath as JSON.
param([string] $Manifest, [string] $Endpoint, [string] $Accounts, [string] $Mode, [string] $OutputDirectory, [string] $ResultPath, [int] $ThrottleLimit,
    [string] $Regions = 'us-east-1,us-west-2,eu-west-1,ap-southeast-2')
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Manifest
$common = @{
    Region = $Regions -split ','; EndpointUrl = $Endpoint; RoleName = 'StratusScanReadOnly'
    AccessKey = 'AKIAEMULATOR00000001'; SecretKey = 'EmulatorSecretKey/StratusScan/DataSync01'; OutputDirectory = $OutputDirectory
    ErrorAction = 'SilentlyContinue'; InformationAction = 'SilentlyContinue'
}
if ($ThrottleLimit -gt 0) { $common.ThrottleLimit = $ThrottleLimit } # 0: the module's default
$ids = $Accounts -split ','
$files = @(); $errors = 0
$watch = [Diagnostics.Stopwatch]::StartNew()
if ($Mode -eq 'organization') {
    $files += Export-SSDataSyncReport @common -AccountId $ids -AccountName 'organization' -PassThru -ErrorVariable e
    $errors += @($e).Count
}
else {
    foreach ($id in $ids) {
        $files += Export-SSDataSyncReport @common -AccountId $id -AccountName $id -PassThru -ErrorVariable e
        $errors += @($e).Count
    }
}
$watch.Stop()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
[ordered]@{ Seconds = $watch.Elapsed.TotalSeconds; PeakWorkingSetBytes = $process.PeakWorkingSet64; Workbooks = $files.Count; WorkbookBytes = ($files | Measure-Object -Property Length -Sum).Sum; Errors = $errors } |
    ConvertTo-Json | Set-Content -Path $ResultPath
