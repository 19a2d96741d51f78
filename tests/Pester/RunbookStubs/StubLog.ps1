# Dot-sourced by the stub modules: one line per call in $env:STRATUSSCAN_STUB_LOG, and the failure switch.
function Write-StubCall {
    param([string] $Name, [string[]] $Values)
    if ($env:STRATUSSCAN_STUB_LOG) { Add-Content -LiteralPath $env:STRATUSSCAN_STUB_LOG -Value (@($Name) + $Values -join '|') }
    if ($env:STRATUSSCAN_STUB_FAIL -eq $Name) { throw "$Name failed: Access Denied (stubbed failure, status 403)." }
}
