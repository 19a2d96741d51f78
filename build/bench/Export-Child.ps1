# One Export-SSDataSyncReport run of the benchmark (build/Bench.ps1), in its own pwsh: the packaged module against the
# emulator; writes the command's time, peak working set, workbook size and error ids to -ResultPath as JSON.
param([string] $Manifest, [string] $Endpoint, [string] $Region, [string] $OutputDirectory, [string] $LogPath, [string] $ResultPath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $Manifest
$watch = [Diagnostics.Stopwatch]::StartNew()
$file = Export-SSDataSyncReport -Region ($Region -split ',') -EndpointUrl $Endpoint -AccessKey AKIAEMULATOR00000001 -SecretKey 'EmulatorSecretKey/StratusScan/DataSync01' `
    -OutputDirectory $OutputDirectory -LogPath $LogPath -PassThru -ErrorAction SilentlyContinue -ErrorVariable scanErrors 6>$null
$watch.Stop()
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
[ordered]@{
    CommandSeconds = $watch.Elapsed.TotalSeconds; PeakWorkingSetBytes = $process.PeakWorkingSet64
    Workbook = "$($file.FullName)"; WorkbookBytes = $(if ($file) { $file.Length } else { 0 })
    Errors = @($scanErrors).Count; ErrorIds = @($scanErrors | ForEach-Object { $_.FullyQualifiedErrorId } | Group-Object | ForEach-Object { "$($_.Name) x$($_.Count)" })
} | ConvertTo-Json | Set-Content -Path $ResultPath
