# Stub of Azure Automation's asset cmdlets (tests/Pester/RunbookStubs/README.md): a credential asset holding
# the key pair in STRATUSSCAN_STUB_ACCESS_KEY / STRATUSSCAN_STUB_SECRET_KEY, under the name STRATUSSCAN_STUB_CREDENTIAL.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function Get-AutomationPSCredential {
    param([string] $Name)
    Write-StubCall 'Get-AutomationPSCredential' @($Name)
    if ($Name -ne $env:STRATUSSCAN_STUB_CREDENTIAL) { return $null }
    New-Object System.Management.Automation.PSCredential $env:STRATUSSCAN_STUB_ACCESS_KEY, (ConvertTo-SecureString $env:STRATUSSCAN_STUB_SECRET_KEY -AsPlainText -Force)
}
Export-ModuleMember -Function Get-AutomationPSCredential
