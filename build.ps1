#requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and packages the StratusScan.DataSync module.

.DESCRIPTION
    Tasks (run in the order given):
      Build    dotnet build of the solution; assembles bin/ beside the root manifest, so
               Import-Module ./StratusScan.DataSync.psd1 loads the freshly built module.
      Package  a clean module folder out/StratusScan.DataSync/<version>/ (manifest, binaries, formats,
               help), ready for Publish-PSResource, its nupkg in out/packages/, and the zip Azure Automation
               imports in out/azure-automation/StratusScan.DataSync.zip (root folder StratusScan.DataSync).
      Test     Build, Package, then the tests: xunit (the PowerShell-free core and the emulator) and
               Pester (the packaged module in a child pwsh, as users run it); with -Full also the Slow set
               (what CI runs). Prints the totals as 'N passed, N failed, N skipped' and fails when any test fails.
      Demo     the main job with no AWS account: builds, starts the bundled emulator with its sample data,
               imports the built module and runs Export-SSDataSyncReport over the sample's Regions, then
               stops the emulator and prints the workbook's path (in ./output).
      Bench    the benchmark (docs/benchmarks.md, build/Bench.ps1): Export-SSDataSyncReport against the original algorithm on the emulator; -BenchDataset, -BenchSetting, -BenchMaxMinutes; -BenchMeasure session,firstobject,selectfirst for the streaming measurements.
      BenchOrg the organisation benchmark (docs/benchmarks.md, build/Bench.ps1): one run over -BenchAccounts (20) accounts x 4 Regions against one run per account; -BenchLatencyMs (25), -BenchThrottleLimit (16), -BenchRateLimit (0: none); -BenchOrgShape scale: one organisation-wide run per -BenchScaleAccounts (200,1000) x -BenchScaleThrottleLimit (64,0 = default) over empty accounts in 17 Regions; -BenchOrgShape shard: -BenchShards (8) shard processes over -BenchShardAccounts (200) accounts x 2 Regions and their merge, against one run, then with one shard failing and re-run.
      Clean    removes bin/, out/, test results and the projects' obj/bin folders.
      Generate rewrites src/StratusScan.DataSync.Engine/Aws/Generated/ (the API shapes, the JSON context, the
               client's per-operation methods) from models/datasync-2018-11-09.json with build/ApiGenerator,
               whose input build/ApiGenerator/datasync.generator.json lists the operations, and
               Aws/Organizations/Generated/ from models/organizations-2016-11-28.json and
               organizations.generator.json. A test fails while a committed folder differs from what it writes.
      Emulator runs the bundled DataSync/STS emulator in the foreground (Ctrl+C stops it) from the build of
               -Configuration (Release; built first when missing, never a second Debug build); its flags
               come from -EmulatorArgument (default --sample; from a shell: -EmulatorArgument '--sample --port 5000').

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 Test -Full

.EXAMPLE
    ./build.ps1 Test -PesterPath tests/Pester/Region.Tests.ps1 -SkipXunit
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Bench', 'BenchOrg', 'Clean', 'Generate', 'Emulator')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run only these Pester test files or folders (default: tests/Pester).
    [string[]] $PesterPath,

    # Skip the xunit part of Test (for a quick Pester loop).
    [switch] $SkipXunit,

    # Skip the Pester part of Test.
    [switch] $SkipPester,

    # Test: run the Slow set too (xunit trait Category=Slow, Pester tag Slow: the throttling-storm and fault-mix
    # tests). CI runs Test -Full.
    [switch] $Full,

    # Bench and BenchOrg (docs/benchmarks.md): passed on as given to build/Bench.ps1, which holds their
    # defaults and ranges. Comma lists work from any shell ('dotnet pwsh ./build.ps1 Bench -BenchDataset small,medium').
    [string[]] $BenchDataset,
    [string[]] $BenchSetting,
    [string[]] $BenchMeasure,
    [int] $BenchMaxMinutes,
    [int] $BenchAccounts,
    [int] $BenchLatencyMs,
    [int] $BenchThrottleLimit,
    [int] $BenchRateLimit,
    [string] $BenchOrgShape,
    [string[]] $BenchScaleAccounts,
    [string[]] $BenchScaleThrottleLimit,
    [int] $BenchShardAccounts,
    [int] $BenchShards,

    # Emulator: the emulator's flags (see src/StratusScan.DataSync.Emulator/README.md).
    [string[]] $EmulatorArgument = @('--sample')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$BoundParameters = $PSBoundParameters
$PSStyle.OutputRendering = 'PlainText'

# STRATUSSCAN_BUILD_CHECK=1: the parameters are bound as for a real run (task names, ValidateSet, ranges), then
# the script says what it would run and stops. The test of .github/workflows/ci.yml runs each line this way.
if ($env:STRATUSSCAN_BUILD_CHECK -eq '1') {
    Write-Output ('build.ps1 check: ' + (($Task | ForEach-Object { $_ }) -join ' '))
    exit 0
}

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

function Invoke-Generate {
    # Without --input the generator writes every input it knows: DataSync's and Organizations'.
    Invoke-Native dotnet @('run', '--project', (Join-Path $RepoRoot 'build/ApiGenerator'), '-c', $Configuration)
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
    # The nupkg users' repositories take (Publish-PSResource makes the same from this folder).
    $packages = Join-Path $RepoRoot 'out/packages'
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    Get-ChildItem -Path $packages -Filter "$ModuleName.*.nupkg" | Remove-Item
    Compress-PSResource -Path $target -DestinationPath $packages
    $zip = New-AzureAutomationZip -ModuleFolder $target
    Write-Host "Packaged $ModuleName $version in $target, $packages and $zip"
    $target
}

function New-AzureAutomationZip {
    <#
    The upload Azure Automation imports (docs/runbooks/README.md): out/azure-automation/<name>.zip whose root
    folder is named like the module and holds the manifest (no version folder, which the import rejects).
    #>
    param([Parameter(Mandatory)] [string] $ModuleFolder)
    $outDir = Join-Path $RepoRoot 'out/azure-automation'
    $stage = Join-Path $outDir 'stage'
    if (Test-Path $outDir) { Remove-Item -Recurse -Force $outDir }
    New-Item -ItemType Directory -Force -Path $stage | Out-Null
    Copy-Item -Recurse $ModuleFolder (Join-Path $stage $ModuleName)
    $zip = Join-Path $outDir "$ModuleName.zip"
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [IO.Compression.ZipFile]::CreateFromDirectory($stage, $zip, [IO.Compression.CompressionLevel]::Optimal, $false)
    Remove-Item -Recurse -Force $stage
    $zip
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
    $filter = if ($Full) { @() } else { @('--filter', 'Category!=Slow') }
    & dotnet test $Solution -c $Configuration --no-build --nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $dir @filter | Out-Host
    $exit = $LASTEXITCODE
    $counts = Read-TrxCounts $dir
    if ($exit -ne 0 -and $counts.Failed -eq 0) {
        # dotnet test failed without a failed test result (a crash or a build problem): count it.
        Write-Warning "dotnet test exited with $exit and reported no failed test; counting one failure."
        $counts.Failed = 1
    }
    $counts
}

function Initialize-TestModules {
    <#
    ImportExcel (an interop oracle, never a dependency) comes from ../shared/modules when that folder exists.
    Its copy there lacks EPPlus.dll, so a copy of the module with EPPlus 4.5.3.3 (restored from NuGet) beside
    it goes to tests/results/modules (the net40 build, as ImportExcel ships it: the netstandard2.0 one needs
    Microsoft.Extensions.Configuration). Returns that folder, or nothing (the tests that need ImportExcel skip).
    #>
    param([string] $NuGetRoot)
    $source = Join-Path $RepoRoot '../shared/modules/ImportExcel'
    if (-not (Test-Path (Join-Path $source 'ImportExcel.psd1'))) { return }
    $modules = Join-Path $ResultsDir 'modules'
    $target = Join-Path $modules 'ImportExcel'
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    New-Item -ItemType Directory -Force -Path $modules | Out-Null
    Copy-Item -Recurse $source $target
    if (-not (Test-Path (Join-Path $target 'EPPlus.dll'))) {
        $epplus = Join-Path $NuGetRoot 'epplus/4.5.3.3/lib/net40/EPPlus.dll'
        if (Test-Path $epplus) { Copy-Item $epplus $target }
    }
    $modules
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

    $paths = if ($PesterPath) { $PesterPath | ForEach-Object { $_ -split "[,$([IO.Path]::PathSeparator)]" } | Where-Object { $_ } | ForEach-Object { (Resolve-Path $_).Path } } else { @(Join-Path $RepoRoot 'tests/Pester') }
    $runner = Join-Path $RepoRoot 'tests/Invoke-PesterRun.ps1'
    $pwsh = Get-PwshInvocation
    $exe = $pwsh[0]
    $pwshArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterModule', $pester, '-ModuleManifest', $PackagedModule, '-SummaryPath', $summary,
        '-ResultPath', (Join-Path $ResultsDir 'pester.xml'), '-Path', ($paths -join [IO.Path]::PathSeparator))
    if (-not $Full) { $pwshArgs += @('-ExcludeTag', 'Slow') }

    # The test process sees only the packaged module, PowerShell's own modules and, when present, the shared
    # test modules (ImportExcel); a private cache keeps pwsh's startup cache out of the user's profile.
    $saved = @{ PSModulePath = $env:PSModulePath; XDG_CACHE_HOME = $env:XDG_CACHE_HOME }
    try {
        $modulePaths = @((Join-Path $RepoRoot 'out'), (Join-Path $PSHOME 'Modules'))
        $testModules = Initialize-TestModules -NuGetRoot $nuget
        if ($testModules) { $modulePaths += $testModules }
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

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force
    Write-Host 'Starting the DataSync emulator with its sample data (no AWS account is used)...'
    $emulator = Start-DataSyncEmulator -ArgumentList '--sample' -Configuration $Configuration
    try {
        Write-Host "Emulator: $($emulator.Endpoint)"
        Import-Module (Join-Path $RepoRoot "$ModuleName.psd1") -Force
        $file = Export-SSDataSyncReport -Region us-east-1, us-west-2, eu-west-1 -EndpointUrl $emulator.Endpoint `
            -AccessKey $emulator.AccessKey -SecretKey $emulator.SecretKey `
            -OutputDirectory (Join-Path $RepoRoot 'output') -PassThru
        Write-Host ''
        Write-Host "Workbook: $($file.FullName)"
    }
    finally {
        $emulator | Stop-DataSyncEmulator
        Remove-Module $ModuleName -ErrorAction SilentlyContinue
    }
}

function Invoke-Emulator {
    # The emulator of the module's own build: no `dotnet run`, so no second (Debug) build of the solution.
    $dll = Join-Path $RepoRoot "src/StratusScan.DataSync.Emulator/bin/$Configuration/net10.0/StratusScan.DataSync.Emulator.dll"
    if (-not (Test-Path $dll)) { Invoke-Build }
    $dotnet = (Get-PwshInvocation)[0]
    if ([IO.Path]::GetFileNameWithoutExtension($dotnet) -ne 'dotnet') { $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source }
    # One string from a shell ('--sample --port 5000') or several from PowerShell.
    $arguments = @($EmulatorArgument | ForEach-Object { $_ -split '\s+' } | Where-Object { $_ })
    Invoke-Native $dotnet (@($dll) + $arguments)
}

function Invoke-BenchTask([string] $Name) {
    # The benchmarks (docs/benchmarks.md) are build/Bench.ps1; this builds (Release) only what they run and
    # packages the module as users get it.
    $projects = @('src/StratusScan.DataSync/StratusScan.DataSync.csproj', 'src/StratusScan.DataSync.Emulator/StratusScan.DataSync.Emulator.csproj')
    if ($Name -eq 'Bench') { $projects += 'tests/StratusScan.DataSync.Benchmarks/StratusScan.DataSync.Benchmarks.csproj' }
    foreach ($project in $projects) {
        Invoke-Native dotnet @('build', (Join-Path $RepoRoot $project), '-c', 'Release', '--nologo', '-v', 'minimal')
    }
    $manifest = Join-Path (Invoke-Package | Select-Object -Last 1) "$ModuleName.psd1"
    $bench = @{}
    foreach ($key in @($BoundParameters.Keys -like 'Bench*')) { $bench[$key] = $BoundParameters[$key] }
    & (Join-Path $RepoRoot 'build/Bench.ps1') -Task $Name -Manifest $manifest -Pwsh (Get-PwshInvocation) @bench
}

function Invoke-Clean {
    foreach ($path in 'bin', 'out', 'tests/results') {
        $full = Join-Path $RepoRoot $path
        if (Test-Path $full) { Remove-Item -Recurse -Force $full }
    }
    Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests'), (Join-Path $RepoRoot 'build') -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned.'
}

foreach ($t in $Task) {
    switch ($t) {
        'Build' { Invoke-Build }
        'Package' { Invoke-Package | Out-Null }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-BenchTask Bench }
        'BenchOrg' { Invoke-BenchTask BenchOrg }
        'Clean' { Invoke-Clean }
        'Generate' { Invoke-Generate }
        'Emulator' { Invoke-Emulator }
    }
}
