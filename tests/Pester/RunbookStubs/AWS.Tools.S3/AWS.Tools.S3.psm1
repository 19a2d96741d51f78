# Stub of AWS.Tools.S3's Write-S3Object (tests/Pester/RunbookStubs/README.md).
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function Write-S3Object {
    param([string] $BucketName, [string] $Key, [string] $File, [string] $Region)
    Write-StubCall 'Write-S3Object' @($BucketName, $Key, $File, [string](Test-Path -LiteralPath $File), $Region)
}
Export-ModuleMember -Function Write-S3Object
