# Shared helpers for the Pester tests. Import with: Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force

function Get-TestModulePath {
    <# The manifest of the module under test: the packaged folder when run by build.ps1, else the repository root. #>
    if ($env:STRATUSSCAN_TEST_MODULE) { return $env:STRATUSSCAN_TEST_MODULE }
    Join-Path (Get-RepoRoot) 'StratusScan.DataSync.psd1'
}

function Get-RepoRoot {
    if ($env:STRATUSSCAN_REPO_ROOT) { return $env:STRATUSSCAN_REPO_ROOT }
    (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh process (its own startup cache) and returns its output lines and exit code.
        Used where a test needs a clean session: assembly load order, module import from scratch.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $pwsh = if ($env:STRATUSSCAN_PWSH) { $env:STRATUSSCAN_PWSH -split [char]0x1f } else {
        $process = (Get-Process -Id $PID).Path
        if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
    }
    $file = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-child-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -Path $file -Value ("`$ErrorActionPreference = 'Stop'`n`$PSStyle.OutputRendering = 'PlainText'`n" + $Script)
    $saved = @{}
    $cache = Join-Path ([IO.Path]::GetTempPath()) ("stratusscan-cache-{0}" -f [guid]::NewGuid())
    $Environment['XDG_CACHE_HOME'] = $cache
    foreach ($key in $Environment.Keys) {
        $saved[$key] = [Environment]::GetEnvironmentVariable($key)
        [Environment]::SetEnvironmentVariable($key, [string]$Environment[$key])
    }
    try {
        $exe = $pwsh[0]
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)
        $output = & $exe @arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($key in $saved.Keys) { [Environment]::SetEnvironmentVariable($key, $saved[$key]) }
        Remove-Item $file -ErrorAction SilentlyContinue
        Remove-Item $cache -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-TestModulePath, Get-RepoRoot, Get-NuGetPackageRoot, Invoke-ChildPwsh
