<#
.SYNOPSIS
    The container's entrypoint for the Step Functions state machine DataSyncInventory.asl.json: lists the
    organisation's accounts, scans one account, or merges, by its first argument.

.DESCRIPTION
    The image (Dockerfile) runs "pwsh -File /opt/stratusscan/entrypoint.ps1 <mode>"; the state machine's ECS tasks
    pass the mode as the container's command and the settings as environment variables (container overrides):

      accounts  Get-SSOrganizationAccount (ACTIVE accounts, under STRATUSSCAN_OU_ID if set) written as a JSON array
                of { AccountId, Name } to s3://STRATUSSCAN_BUCKET/STRATUSSCAN_PREFIX/STRATUSSCAN_RUN_ID/accounts.json,
                the file the Distributed Map reads.
      shard     Invoke-DataSyncInventoryShard.ps1 for STRATUSSCAN_ACCOUNT_ID with STRATUSSCAN_ROLE_NAME: one
                inventory-<account>.jsonl.gz in the run's folder.
      merge     Merge-DataSyncInventory.ps1 over the run's folder, expecting the accounts of accounts.json; the
                workbook goes to the same folder.

    Other settings: STRATUSSCAN_REGIONS (comma-separated, default all), STRATUSSCAN_DAYS (default 30),
    STRATUSSCAN_EXTERNAL_ID, STRATUSSCAN_ORGANIZATION_NAME (the workbook's name), STRATUSSCAN_BUCKET_REGION.
    Credentials: the ECS task role, through the AWS SDK's default chain.

    The process's exit code is the script's (0 complete, 2 written but incomplete, 1 failed): ecs:runTask.sync
    fails the state when the container exits non-zero, so Step Functions counts the item as failed.

.EXAMPLE
    docker run --rm -e STRATUSSCAN_BUCKET=ops-audit -e STRATUSSCAN_PREFIX=datasync -e STRATUSSCAN_RUN_ID=test-1 -e STRATUSSCAN_ACCOUNT_ID=444455556666 -e STRATUSSCAN_ROLE_NAME=StratusScanReadOnly stratusscan-datasync shard

    One shard by hand (for example to re-run a failed item), with credentials from the environment.
#>
param(
    [Parameter(Mandatory = $true, Position = 0)] [ValidateSet('accounts', 'shard', 'merge')] [string] $Mode
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

# The scripts sit next to this file in the image (/opt/stratusscan); in the repository, one folder up.
$scripts = if (Test-Path -LiteralPath (Join-Path $PSScriptRoot 'Invoke-DataSyncInventoryShard.ps1')) { $PSScriptRoot } else { Split-Path $PSScriptRoot }
. (Join-Path $scripts 'RunbookStorage.ps1')

function Get-Setting([string] $Name, [string] $Default, [switch] $Required) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ($value) { return $value }
    if ($Required) { Write-Output "FAILED SettingMissing: the container needs the environment variable $Name."; exit 1 }
    $Default
}

$storage = @{ S3BucketName = (Get-Setting STRATUSSCAN_BUCKET -Required); S3KeyPrefix = (Get-Setting STRATUSSCAN_PREFIX 'datasync'); RunId = (Get-Setting STRATUSSCAN_RUN_ID -Required) }
$bucketRegion = Get-Setting STRATUSSCAN_BUCKET_REGION
if ($bucketRegion) { $storage.S3Region = $bucketRegion }

switch ($Mode) {
    'accounts' {
        $work = Join-Path ([IO.Path]::GetTempPath()) ('datasync-accounts-' + [guid]::NewGuid().ToString('N'))
        try {
            Import-Module StratusScan.DataSync
            $list = @{}
            $ou = Get-Setting STRATUSSCAN_OU_ID
            if ($ou) { $list.OrganizationalUnitId = $ou }
            $accounts = @(Get-SSOrganizationAccount @list | Select-Object AccountId, Name)
            if ($accounts.Count -eq 0) { throw (New-RunbookError 'NoAccounts' 'Get-SSOrganizationAccount found no ACTIVE account.' 'ObjectNotFound' $ou) }
            New-Item -ItemType Directory -Path $work | Out-Null
            $file = Join-Path $work 'accounts.json'
            ConvertTo-Json -InputObject $accounts -Depth 2 | Set-Content -LiteralPath $file -Encoding utf8
            $store = New-InventoryStore -Bound $storage -RunId $storage.RunId
            Write-Output "Stored $(Save-StoreFile -Store $store -Path $file) ($($accounts.Count) accounts)"
            exit 0
        }
        catch {
            Write-Output ('FAILED {0}: {1}' -f ($_.FullyQualifiedErrorId -split ',')[0], $_.Exception.Message)
            exit 1
        }
        finally { if (Test-Path -LiteralPath $work) { Remove-Item -LiteralPath $work -Recurse -Force } }
    }
    'shard' {
        $shard = $storage + @{
            AccountId = (Get-Setting STRATUSSCAN_ACCOUNT_ID -Required); RoleName = (Get-Setting STRATUSSCAN_ROLE_NAME -Required)
            Region = (Get-Setting STRATUSSCAN_REGIONS 'all'); Days = [int](Get-Setting STRATUSSCAN_DAYS '30')
        }
        $externalId = Get-Setting STRATUSSCAN_EXTERNAL_ID
        if ($externalId) { $shard.ExternalId = $externalId }
        & (Join-Path $scripts 'Invoke-DataSyncInventoryShard.ps1') @shard
        exit $LASTEXITCODE
    }
    'merge' {
        $merge = $storage.Clone()
        $name = Get-Setting STRATUSSCAN_ORGANIZATION_NAME
        if ($name) { $merge.AccountName = $name }
        # The accounts the map was given: any without a file is reported missing (exit code 2).
        $work = Join-Path ([IO.Path]::GetTempPath()) ('datasync-accounts-' + [guid]::NewGuid().ToString('N'))
        $list = @(Receive-StoreFile -Store (New-InventoryStore -Bound $storage -RunId $storage.RunId) -Filter 'accounts.json' -Destination $work)
        if ($list.Count -eq 1) { $merge.ExpectedAccountId = @((Get-Content -Raw -LiteralPath $list[0] | ConvertFrom-Json) | ForEach-Object AccountId) }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        & (Join-Path $scripts 'Merge-DataSyncInventory.ps1') @merge
        exit $LASTEXITCODE
    }
}
