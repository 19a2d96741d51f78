#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages the StratusScan.DataSync module.

.DESCRIPTION
    Tasks (run in the order given):
      Build    dotnet build of the solution; assembles bin/ beside the root manifest, so
               Import-Module ./StratusScan.DataSync.psd1 loads the freshly built module.
      Package  a clean module folder out/StratusScan.DataSync/<version>/ (manifest, binaries, formats,
               help), ready for Publish-PSResource.
      Test     Build, Package, then every test: xunit (the PowerShell-free core and the emulator) and
               Pester (the packaged module in a child pwsh, as users run it). Prints the totals as
               'N passed, N failed, N skipped' and fails when any test fails.
      Clean    removes bin/, out/, test results and the projects' obj/bin folders.

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 Test

.EXAMPLE
    ./build.ps1 Test -PesterPath tests/Pester/Region.Tests.ps1 -SkipXunit
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only these Pester test files or folders (default: tests/Pester).
    [string[]] $PesterPath,

    # Skip the xunit part of Test (for a quick Pester loop).
    [switch] $SkipXunit,

    # Skip the Pester part of Test.
    [switch] $SkipPester
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'

$RepoRoot = $PSScriptRoot
$ModuleName = 'StratusScan.DataSync'
$Solution = Join-Path $RepoRoot "$ModuleName.sln"
$ResultsDir = Join-Path $RepoRoot 'tests/results'

function Get-ModuleVersion {
    # The one version source: VersionPrefix in Directory.Build.props.
    $props = [xml](Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props'))
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('VersionPrefix') } | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no VersionPrefix.' }
    $version.InnerText.Trim()
}

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList)
    Write-Host "> $FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$FilePath exited with code $LASTEXITCODE." }
}

function Get-NuGetPackageRoot {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Get-PwshInvocation {
    # The pwsh that runs this script: a native pwsh, or the dotnet tool (dotnet + pwsh.dll).
    $process = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $Solution, '-c', $Configuration, '--nologo', '-v', 'minimal')
}

function Invoke-Package {
    $version = Get-ModuleVersion
    $target = Join-Path $RepoRoot "out/$ModuleName/$version"
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    New-Item -ItemType Directory -Force -Path $target | Out-Null

    Copy-Item (Join-Path $RepoRoot "$ModuleName.psd1") $target
    Copy-Item -Recurse (Join-Path $RepoRoot 'bin') (Join-Path $target 'bin')
    Get-ChildItem -Recurse -Path (Join-Path $target 'bin') -Filter '*.pdb' | Where-Object { $_.Name -notlike "$ModuleName*" } | Remove-Item
    Copy-Item -Recurse (Join-Path $RepoRoot 'en-US') (Join-Path $target 'en-US')
    foreach ($file in 'README.md', 'LICENSE', 'CHANGELOG.md') {
        $path = Join-Path $RepoRoot $file
        if (Test-Path $path) { Copy-Item $path $target }
    }

    $manifest = Test-ModuleManifest (Join-Path $target "$ModuleName.psd1") -ErrorAction Stop
    if ($manifest.Version.ToString() -ne $version) {
        throw "The packaged manifest says $($manifest.Version), Directory.Build.props says $version. Run the Build task."
    }
    Write-Host "Packaged $ModuleName $version in $target"
    $target
}

function Read-TrxCounts {
    param([string] $Directory)
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($trx in Get-ChildItem -Path $Directory -Filter '*.trx' -Recurse) {
        $xml = [xml](Get-Content -Raw -LiteralPath $trx.FullName)
        foreach ($result in $xml.SelectNodes("//*[local-name()='UnitTestResult']")) {
            switch ($result.GetAttribute('outcome')) {
                'Passed' { $counts.Passed++ }
                'NotExecuted' { $counts.Skipped++ }
                default { $counts.Failed++ }
            }
        }
    }
    $counts
}

function Invoke-Xunit {
    $dir = Join-Path $ResultsDir 'xunit'
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    # Failures are counted from the result files; dotnet test's own exit code only says "something failed".
    & dotnet test $Solution -c $Configuration --no-build --nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $dir | Out-Host
    $exit = $LASTEXITCODE
    $counts = Read-TrxCounts $dir
    if ($exit -ne 0 -and $counts.Failed -eq 0) {
        # dotnet test failed without a failed test result (a crash or a build problem): count it.
        Write-Warning "dotnet test exited with $exit and reported no failed test; counting one failure."
        $counts.Failed = 1
    }
    $counts
}

function Invoke-PesterTests {
    param([string] $PackagedModule)
    $nuget = Get-NuGetPackageRoot
    Invoke-Native dotnet @('restore', (Join-Path $RepoRoot 'tests/tools/TestTools.csproj'), '--nologo', '-v', 'quiet')
    $pester = Join-Path $nuget 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $pester)) { throw "Pester was not restored to $pester." }

    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
    $summary = Join-Path $ResultsDir 'pester-summary.json'
    if (Test-Path $summary) { Remove-Item $summary }

    $paths = if ($PesterPath) { $PesterPath | ForEach-Object { (Resolve-Path $_).Path } } else { @(Join-Path $RepoRoot 'tests/Pester') }
    $runner = Join-Path $RepoRoot 'tests/Invoke-PesterRun.ps1'
    $pwsh = Get-PwshInvocation
    $exe = $pwsh[0]
    $pwshArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterModule', $pester, '-ModuleManifest', $PackagedModule, '-SummaryPath', $summary,
        '-ResultPath', (Join-Path $ResultsDir 'pester.xml'), '-Path') + $paths

    # The test process sees only the packaged module, PowerShell's own modules and, when present, the shared
    # test modules (ImportExcel); a private cache keeps pwsh's startup cache out of the user's profile.
    $saved = @{ PSModulePath = $env:PSModulePath; XDG_CACHE_HOME = $env:XDG_CACHE_HOME }
    try {
        $modulePaths = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules'))
        $shared = Join-Path $RepoRoot '../shared/modules'
        if (Test-Path $shared) { $modulePaths += (Resolve-Path $shared).Path }
        $env:PSModulePath = $modulePaths -join [IO.Path]::PathSeparator
        $env:XDG_CACHE_HOME = Join-Path ([IO.Path]::GetTempPath()) "stratusscan-pester-cache-$PID"
        $env:STRATUSSCAN_PWSH = ($pwsh -join [char]0x1f)
        & $exe @pwshArgs | Out-Host
    }
    finally {
        $env:PSModulePath = $saved.PSModulePath
        $env:XDG_CACHE_HOME = $saved.XDG_CACHE_HOME
    }
    if (-not (Test-Path $summary)) {
        Write-Warning 'The Pester run wrote no summary (it crashed); counting one failure.'
        return [ordered]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $result = Get-Content -Raw $summary | ConvertFrom-Json
    [ordered]@{ Passed = [int]$result.Passed; Failed = [int]$result.Failed; Skipped = [int]$result.Skipped }
}

function Invoke-Test {
    Invoke-Build
    $packaged = Join-Path (Invoke-Package) "$ModuleName.psd1"
    $xunit = if ($SkipXunit) { [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 } } else { Invoke-Xunit }
    $pester = if ($SkipPester) { [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 } } else { Invoke-PesterTests -PackagedModule $packaged }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ''
    Write-Host ("xunit:  {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
    $line = if ($skipped -gt 0) { "$passed passed, $failed failed, $skipped skipped" } else { "$passed passed, $failed failed" }
    New-Item -ItemType Directory -Force -Path $ResultsDir | Out-Null
    Set-Content -Path (Join-Path $ResultsDir 'summary.txt') -Value $line
    Write-Host $line
    if ($failed -gt 0 -or ($passed -eq 0)) { exit 1 }
}

function Invoke-Clean {
    foreach ($path in 'bin', 'out', 'tests/results') {
        $full = Join-Path $RepoRoot $path
        if (Test-Path $full) { Remove-Item -Recurse -Force $full }
    }
    Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned.'
}

foreach ($t in $Task) {
    switch ($t) {
        'Build' { Invoke-Build }
        'Package' { Invoke-Package | Out-Null }
        'Test' { Invoke-Test }
        'Clean' { Invoke-Clean }
    }
}
