# Stub of Az.Storage (tests/Pester/RunbookStubs/README.md): the blob upload, and with STRATUSSCAN_STUB_BLOB_ROOT a
# container is the folder <root>/<storage account>/<container>, so Get-AzStorageBlob(Content) see what was uploaded.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function Get-StubBlobPath($Context, [string] $Container, [string] $Blob) {
    if (-not $env:STRATUSSCAN_STUB_BLOB_ROOT) { return $null }
    Join-Path (Join-Path (Join-Path $env:STRATUSSCAN_STUB_BLOB_ROOT $Context.StorageAccountName) $Container) $Blob
}
function New-AzStorageContext {
    param([string] $StorageAccountName, [switch] $UseConnectedAccount)
    Write-StubCall 'New-AzStorageContext' @($StorageAccountName, [string]$UseConnectedAccount.IsPresent)
    [pscustomobject]@{ StorageAccountName = $StorageAccountName }
}
function Set-AzStorageBlobContent {
    param([string] $File, [string] $Container, [string] $Blob, $Context, [switch] $Force)
    Write-StubCall 'Set-AzStorageBlobContent' @($Context.StorageAccountName, $Container, $Blob, [string](Test-Path -LiteralPath $File))
    $target = Get-StubBlobPath $Context $Container $Blob
    if ($target) {
        New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
        Copy-Item -LiteralPath $File -Destination $target -Force
    }
    [pscustomobject]@{ Name = $Blob }
}
function Get-AzStorageBlob {
    param([string] $Container, [string] $Prefix, $Context)
    Write-StubCall 'Get-AzStorageBlob' @($Context.StorageAccountName, $Container, $Prefix)
    $folder = Get-StubBlobPath $Context $Container ''
    if (-not $folder -or -not (Test-Path -LiteralPath $folder)) { throw "Get-AzStorageBlob: Can not find the container '$Container'." }
    $root = (Resolve-Path -LiteralPath $folder).Path.TrimEnd('/', '\')
    Get-ChildItem -LiteralPath $root -Recurse -File | ForEach-Object {
        $name = $_.FullName.Substring($root.Length + 1) -replace '\\', '/'
        if ($name.StartsWith($Prefix, [StringComparison]::Ordinal)) { [pscustomobject]@{ Name = $name; Length = $_.Length } }
    }
}
function Get-AzStorageBlobContent {
    param([string] $Container, [string] $Blob, [string] $Destination, $Context, [switch] $Force)
    Write-StubCall 'Get-AzStorageBlobContent' @($Context.StorageAccountName, $Container, $Blob, $Destination)
    $source = Get-StubBlobPath $Context $Container $Blob
    if (-not $source -or -not (Test-Path -LiteralPath $source)) { throw "Get-AzStorageBlobContent: Can not find blob '$Blob' in container '$Container'." }
    Copy-Item -LiteralPath $source -Destination $Destination -Force
    [pscustomobject]@{ Name = $Blob }
}
Export-ModuleMember -Function New-AzStorageContext, Set-AzStorageBlobContent, Get-AzStorageBlob, Get-AzStorageBlobContent
