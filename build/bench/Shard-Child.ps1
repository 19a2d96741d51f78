# One process of the shard-and-merge benchmark (bench/OrgShard.ps1), in its own pwsh importing the packaged module:
#   -Mode shard          Export-SSDataSyncInventory -AccountId <Accounts> -RoleName <RoleName> -Path <Path>
#   -Mode merge          Export-SSDataSyncReport -InventoryPath <InventoryPath> -Path <Path> (no AWS call)
#   -Mode organization   Export-SSDataSyncReport -AccountId <Accounts> -RoleName <RoleName> -Path <Path>
#   -Mode split          Import-SSDataSyncInventory <InventoryPath>, then one file per account in the folder <Path>
#                        (Export-SSDataSyncInventory of that account's objects piped in): many files for a merge
# Writes its wall time, peak working set, errors and whether it succeeded to -ResultPath as JSON; exits 1 when the
# command failed (a shard whose every account failed still writes its file).
param([string] $Manifest, [string] $Endpoint, [ValidateSet('shard', 'merge', 'organization', 'split')] [string] $Mode, [string] $Accounts,
    [string] $Regions = 'us-east-1,us-west-2', [string] $RoleName = 'StratusScanReadOnly', [string] $Path, [string] $InventoryPath,
    [string] $ResultPath, [int] $ThrottleLimit)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$aws = @{
    Region = $Regions -split ','; EndpointUrl = $Endpoint; RoleName = $RoleName
    AccessKey = 'AKIAEMULATOR00000001'; SecretKey = 'EmulatorSecretKey/StratusScan/DataSync01'
}
if ($ThrottleLimit -gt 0) { $aws.ThrottleLimit = $ThrottleLimit } # 0: the module's default
$quiet = @{ ErrorAction = 'SilentlyContinue'; ErrorVariable = 'problems'; WarningAction = 'SilentlyContinue'; InformationAction = 'SilentlyContinue' }
$failure = $null
try {
    switch ($Mode) {
        'shard' { $null = Export-SSDataSyncInventory @aws @quiet -AccountId ($Accounts -split ',') -Path $Path -Force }
        'organization' { $null = Export-SSDataSyncReport @aws @quiet -AccountId ($Accounts -split ',') -AccountName 'organization' -Path $Path -Force }
        'merge' { $null = Export-SSDataSyncReport @quiet -InventoryPath $InventoryPath -AccountName 'organization' -Path $Path -Force }
        'split' {
            $null = New-Item -ItemType Directory -Force -Path $Path
            foreach ($account in Import-SSDataSyncInventory -Path $InventoryPath | Group-Object AccountId) {
                $account.Group | Export-SSDataSyncInventory @quiet -Path (Join-Path $Path "account-$($account.Name).jsonl.gz") -Force
            }
        }
    }
}
catch { $failure = $_.FullyQualifiedErrorId }
$watch.Stop()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
[ordered]@{
    Mode = $Mode; Seconds = $watch.Elapsed.TotalSeconds; PeakWorkingSetBytes = $process.PeakWorkingSet64; Errors = @($problems).Count
    Failed = [bool]$failure; FailureId = $failure; Bytes = if (Test-Path $Path -PathType Leaf) { (Get-Item $Path).Length } else { 0 }
} | ConvertTo-Json | Set-Content -Path $ResultPath
if ($failure) { exit 1 }
