# Stub of Az.Storage (tests/Pester/RunbookStubs/README.md): the blob upload.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function New-AzStorageContext {
    param([string] $StorageAccountName, [switch] $UseConnectedAccount)
    Write-StubCall 'New-AzStorageContext' @($StorageAccountName, [string]$UseConnectedAccount.IsPresent)
    [pscustomobject]@{ StorageAccountName = $StorageAccountName }
}
function Set-AzStorageBlobContent {
    param([string] $File, [string] $Container, [string] $Blob, $Context, [switch] $Force)
    Write-StubCall 'Set-AzStorageBlobContent' @($Context.StorageAccountName, $Container, $Blob, [string](Test-Path -LiteralPath $File))
    [pscustomobject]@{ Name = $Blob }
}
Export-ModuleMember -Function New-AzStorageContext, Set-AzStorageBlobContent
