# Stub of Az.Accounts (tests/Pester/RunbookStubs/README.md): the managed identity's sign-in and token.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function Connect-AzAccount {
    param([switch] $Identity)
    Write-StubCall 'Connect-AzAccount' @([string]$Identity.IsPresent)
    [pscustomobject]@{ Context = 'stub' }
}
function Get-AzAccessToken {
    param([string] $ResourceUrl)
    Write-StubCall 'Get-AzAccessToken' @($ResourceUrl)
    [pscustomobject]@{ Token = (ConvertTo-SecureString $env:STRATUSSCAN_STUB_TOKEN -AsPlainText -Force); ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1) }
}
Export-ModuleMember -Function Connect-AzAccount, Get-AzAccessToken
