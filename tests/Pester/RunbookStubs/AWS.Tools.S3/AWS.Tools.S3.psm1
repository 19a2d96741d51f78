# Stub of AWS.Tools.S3 (tests/Pester/RunbookStubs/README.md): Write-S3Object, and with STRATUSSCAN_STUB_S3_ROOT a
# bucket is the folder <root>/<bucket> and a key a path under it, so Get-S3Object and Read-S3Object see what was written.
. (Join-Path $PSScriptRoot '../StubLog.ps1')
function Get-StubS3Path([string] $BucketName, [string] $Key) {
    if (-not $env:STRATUSSCAN_STUB_S3_ROOT) { return $null }
    Join-Path (Join-Path $env:STRATUSSCAN_STUB_S3_ROOT $BucketName) $Key
}
function Write-S3Object {
    param([string] $BucketName, [string] $Key, [string] $File, [string] $Region)
    Write-StubCall 'Write-S3Object' @($BucketName, $Key, $File, [string](Test-Path -LiteralPath $File), $Region)
    $target = Get-StubS3Path $BucketName $Key
    if ($target) {
        New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
        Copy-Item -LiteralPath $File -Destination $target -Force
    }
}
function Get-S3Object {
    param([string] $BucketName, [string] $KeyPrefix, [string] $Region)
    Write-StubCall 'Get-S3Object' @($BucketName, $KeyPrefix, $Region)
    $bucket = Get-StubS3Path $BucketName ''
    if (-not $bucket -or -not (Test-Path -LiteralPath $bucket)) { throw "Get-S3Object: The specified bucket does not exist ($BucketName)." }
    $root = (Resolve-Path -LiteralPath $bucket).Path.TrimEnd('/', '\')
    Get-ChildItem -LiteralPath $root -Recurse -File | ForEach-Object {
        $key = $_.FullName.Substring($root.Length + 1) -replace '\\', '/'
        if ($key.StartsWith($KeyPrefix, [StringComparison]::Ordinal)) { [pscustomobject]@{ BucketName = $BucketName; Key = $key; Size = $_.Length } }
    }
}
function Read-S3Object {
    param([string] $BucketName, [string] $Key, [string] $File, [string] $Region)
    Write-StubCall 'Read-S3Object' @($BucketName, $Key, $File, $Region)
    $source = Get-StubS3Path $BucketName $Key
    if (-not $source -or -not (Test-Path -LiteralPath $source)) { throw "Read-S3Object: The specified key does not exist ($BucketName/$Key)." }
    New-Item -ItemType Directory -Path (Split-Path $File) -Force | Out-Null
    Copy-Item -LiteralPath $source -Destination $File -Force
    Get-Item -LiteralPath $File
}
Export-ModuleMember -Function Write-S3Object, Get-S3Object, Read-S3Object
