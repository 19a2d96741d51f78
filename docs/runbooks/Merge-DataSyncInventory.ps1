<#
.SYNOPSIS
    The merge step of a sharded DataSync inventory: reads every shard's inventory file of a run from shared
    storage and writes the one audit workbook, then puts it next to them.

.DESCRIPTION
    Runs once after the shards (Invoke-DataSyncInventoryShard.ps1) of a run: copies <storage>/<RunId>/inventory-*.jsonl.gz
    to a temporary folder, runs Export-SSDataSyncReport -InventoryPath on them (no AWS call: the workbook comes
    from the files alone), and stores the workbook in the same run folder. RunbookStorage.ps1 must be in the
    same folder.

    When a shard was re-run, its file was replaced, so the merge reads only the newer attempt; if two files
    cover the same account and Region, Export-SSDataSyncReport keeps the newer scan and warns.

    Before merging it reads each file's header (line 1) and reports every account that was not scanned
    completely, and, with -ExpectedAccountId, every expected account that no file covers (a shard that never
    ran, or ran with the wrong run id).

    Exit codes:
      0  the workbook is stored, and every account was scanned completely (and every expected account is there)
      2  the workbook is stored, but some accounts are incomplete, not scanned, or missing (listed as
         "ACCOUNT <id> <status> <file>" lines; re-run their shards, then the merge)
      1  failed: no inventory file in the run folder, a file that cannot be read, or the workbook could not be
         written or stored

.PARAMETER RunId
    The run whose files are merged (the -RunId the shards were given).

.PARAMETER LocalFolder
    Storage: a local or shared folder (<LocalFolder>/<RunId>/).

.PARAMETER S3BucketName
    Storage: an S3 bucket.

.PARAMETER S3KeyPrefix
    The key prefix under the bucket.

.PARAMETER S3Region
    The bucket's Region, when it is not the default Region.

.PARAMETER StorageAccountName
    Storage: an Azure storage account (Az.Storage, signed in already).

.PARAMETER ContainerName
    The blob container.

.PARAMETER BlobPrefix
    A folder-like prefix for the blob names.

.PARAMETER AccountName
    The name on the workbook and in its file name (for example the organisation's name).

.PARAMETER ExpectedAccountId
    The accounts the run should cover (comma-separated); any not found in a file's header is reported missing.

.PARAMETER OutputDirectory
    Also keep the workbook here (default: only in storage).

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Merge-DataSyncInventory.ps1 -LocalFolder /mnt/audit -RunId 2026-12-03 -AccountName Contoso; exit $LASTEXITCODE

    Merges /mnt/audit/2026-12-03/inventory-*.jsonl.gz into /mnt/audit/2026-12-03/Contoso-datasync-...xlsx.

.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Merge-DataSyncInventory.ps1 -S3BucketName ops-audit -S3KeyPrefix datasync -RunId run-42 -ExpectedAccountId 111122223333,444455556666

    The merge task of the Step Functions state machine (entrypoint.ps1 merge).
#>
[CmdletBinding(DefaultParameterSetName = 'Local')]
param(
    [Parameter(Mandatory = $true)] [string] $RunId,
    [Parameter(Mandatory = $true, ParameterSetName = 'Local')] [string] $LocalFolder,
    [Parameter(Mandatory = $true, ParameterSetName = 'S3')] [string] $S3BucketName,
    [Parameter(ParameterSetName = 'S3')] [string] $S3KeyPrefix,
    [Parameter(ParameterSetName = 'S3')] [string] $S3Region,
    [Parameter(Mandatory = $true, ParameterSetName = 'Blob')] [string] $StorageAccountName,
    [Parameter(Mandatory = $true, ParameterSetName = 'Blob')] [string] $ContainerName,
    [Parameter(ParameterSetName = 'Blob')] [string] $BlobPrefix,
    [string] $AccountName,
    [string[]] $ExpectedAccountId,
    [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
if ($PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }
. (Join-Path $PSScriptRoot 'RunbookStorage.ps1')

function Read-InventoryHeader {
    <# Line 1 of an inventory file (gzip or not) as an object: the accounts and their status. Streams; reads one line. #>
    param([string] $Path)
    $stream = [IO.File]::OpenRead($Path)
    try {
        $inner = if ($Path -like '*.gz') { [IO.Compression.GZipStream]::new($stream, [IO.Compression.CompressionMode]::Decompress) } else { $stream }
        $reader = [IO.StreamReader]::new($inner, [Text.Encoding]::UTF8)
        try { $reader.ReadLine() | ConvertFrom-Json } finally { $reader.Dispose() }
    }
    finally { $stream.Dispose() }
}

$work = Join-Path ([IO.Path]::GetTempPath()) ('datasync-merge-' + [guid]::NewGuid().ToString('N'))
$exitCode = 1
try {
    $store = New-InventoryStore -Bound $PSBoundParameters -RunId $RunId
    Import-Module StratusScan.DataSync
    $files = @(Receive-StoreFile -Store $store -Filter 'inventory-*.jsonl.gz' -Destination (Join-Path $work 'inventory'))
    if ($files.Count -eq 0) {
        throw (New-RunbookError 'NoInventoryFiles' "No inventory-*.jsonl.gz file in $($store.Display): did the shards run with -RunId $RunId?" 'ObjectNotFound' $store.Display)
    }
    Write-Output "Merging $($files.Count) inventory file(s) from $($store.Display)"

    # Which accounts the files cover, and how completely (the header's Accounts: AccountId and Status).
    $problems = [Collections.Generic.List[string]]::new()
    $seen = @{}
    foreach ($file in $files) {
        $header = Read-InventoryHeader $file
        foreach ($account in @($header.Accounts)) {
            $seen[[string]$account.AccountId] = $true
            if ([string]$account.Status -ne 'Complete') { $problems.Add(('ACCOUNT {0} {1} {2}' -f $account.AccountId, $account.Status, (Split-Path -Leaf $file))) }
        }
    }
    foreach ($id in @(Split-ListParameter $ExpectedAccountId)) {
        if (-not $seen.ContainsKey($id)) { $problems.Add("ACCOUNT $id Missing (no file of run $RunId covers it)") }
    }

    $report = @{ InventoryPath = $files; OutputDirectory = (Join-Path $work 'report'); Force = $true; PassThru = $true }
    if ($AccountName) { $report.AccountName = $AccountName }
    New-Item -ItemType Directory -Path $report.OutputDirectory -Force | Out-Null
    $workbook = Export-SSDataSyncReport @report -WarningVariable merged -WarningAction SilentlyContinue -InformationAction SilentlyContinue
    if (-not $workbook) { throw (New-RunbookError 'NoWorkbook' 'Export-SSDataSyncReport wrote no workbook.' 'WriteError' $report.OutputDirectory) }
    foreach ($warning in @($merged | Select-Object -First 25)) { Write-Output "MERGE WARNING $warning" }

    try { $stored = Save-StoreFile -Store $store -Path $workbook.FullName }
    catch { throw (New-RunbookError 'UploadFailed' "Storing the workbook $($workbook.Name) in $($store.Display) failed: $($_.Exception.Message)" 'WriteError' $store.Display) }
    if ($OutputDirectory) {
        New-Item -ItemType Directory -Path $OutputDirectory -Force | Out-Null
        Copy-Item -LiteralPath $workbook.FullName -Destination $OutputDirectory -Force
    }
    Write-Output "Workbook: $stored"
    $problems | Write-Output
    $exitCode = if ($problems.Count -gt 0) { 2 } else { 0 }
    Write-Output ('MERGE {0} run={1} files={2} accounts={3} problems={4}' -f $(if ($exitCode -eq 0) { 'COMPLETE' } else { 'INCOMPLETE' }), $RunId, $files.Count, $seen.Count, $problems.Count)
}
catch {
    Write-Output ('FAILED {0}: {1}' -f ($_.FullyQualifiedErrorId -split ',')[0], $_.Exception.Message)
    $exitCode = 1
}
finally {
    if (Test-Path -LiteralPath $work) { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
}
exit $exitCode
