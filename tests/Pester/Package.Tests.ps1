# The install story users follow: a PSResourceGet repository, Install-PSResource, Import-Module by name.
# Everything happens in a child pwsh whose HOME (and so its CurrentUser module folder and repository list)
# is a temporary folder, so the machine's own PowerShell setup is never touched.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:ModuleRoot = Split-Path (Get-TestModulePath)
    $script:Version = (Test-ModuleManifest (Get-TestModulePath)).Version.ToString()
    $script:Package = Join-Path (Get-RepoRoot) "out/packages/StratusScan.DataSync.$Version.nupkg"
}

Describe 'Packaging and install' -Tag 'CoreOnly' {
    It 'Package produced the nupkg of the stamped version' {
        Test-Path $Package | Should -BeTrue -Because 'build.ps1 Package writes out/packages/<name>.<version>.nupkg'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $entries = $zip.Entries.FullName
            $entries | Should -Contain 'StratusScan.DataSync.psd1'
            $entries | Should -Contain 'bin/core/StratusScan.DataSync.dll'
            $entries | Should -Contain 'bin/desktop/StratusScan.DataSync.dll'
            $entries | Should -Contain 'bin/deps/AWSSDK.Core.dll'
            $entries | Should -Contain 'en-US/StratusScan.DataSync.dll-Help.xml'
        }
        finally { $zip.Dispose() }
    }

    It 'Package wrote the zip Azure Automation imports: one root folder named like the module, the manifest in it' {
        $zipPath = Join-Path (Get-RepoRoot) 'out/azure-automation/StratusScan.DataSync.zip'
        Test-Path $zipPath | Should -BeTrue -Because 'build.ps1 Package writes out/azure-automation/StratusScan.DataSync.zip'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($zipPath)
        try { $entries = @($zip.Entries.FullName) }
        finally { $zip.Dispose() }
        $entries | Where-Object { -not $_.StartsWith('StratusScan.DataSync/') } | Should -BeNullOrEmpty -Because 'Azure Automation needs one root folder named like the module'
        $entries | Where-Object { $_ -match '^StratusScan\.DataSync/\d+\.\d+' } | Should -BeNullOrEmpty -Because 'no version folder'
        foreach ($file in 'StratusScan.DataSync.psd1', 'bin/core/StratusScan.DataSync.dll', 'bin/desktop/StratusScan.DataSync.dll', 'bin/deps/AWSSDK.Core.dll',
            'bin/deps/AWSSDK.SecurityToken.dll', 'bin/StratusScan.DataSync.Format.ps1xml', 'en-US/StratusScan.DataSync.dll-Help.xml') {
            $entries | Should -Contain "StratusScan.DataSync/$file"
        }

        # Unpacked as Azure Automation does, the module imports by its folder's name, at the packaged version.
        $modules = Join-Path $TestDrive 'automation-modules'
        [IO.Compression.ZipFile]::ExtractToDirectory($zipPath, $modules)
        $result = Invoke-ChildPwsh -Environment @{ PSModulePath = (@($modules, (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator) } -Script @"
`$module = Import-Module StratusScan.DataSync -PassThru
'VERSION=' + `$module.Version + '|' + `$module.ModuleBase.StartsWith('$modules')
'REGIONS=' + (Get-SSDataSyncRegion -Partition aws-us-gov).Count
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain "VERSION=$Version|True"
        $result.Output | Should -Contain 'REGIONS=2'
    }

    It 'publishes to a local repository, installs with Install-PSResource, imports by name and scans the emulator' {
        $emulator = Start-TestEmulator -Generate 'regions=us-east-1;eu-west-1,tasks=3,locations=1,agents=1,executions=2,days=10,seed=5'
        try {
            $homeDir = Join-Path $TestDrive 'home'
            $repo = Join-Path $TestDrive 'repo'
            # The folders must exist: where they do not, .NET gives NuGet an empty application-data path and
            # PSResourceGet writes NuGet/NuGet.Config into the current directory.
            New-Item -ItemType Directory -Path $homeDir, $repo, (Join-Path $homeDir '.local/share'), (Join-Path $homeDir '.config') | Out-Null
            $credential = Get-EmulatorCredential
            $result = Invoke-ChildPwsh -Environment @{ HOME = $homeDir; XDG_DATA_HOME = (Join-Path $homeDir '.local/share'); XDG_CONFIG_HOME = (Join-Path $homeDir '.config'); PSModulePath = $null } -Script @"
Register-PSResourceRepository -Name StratusScanTest -Uri '$repo' -Trusted
Publish-PSResource -Path '$ModuleRoot' -Repository StratusScanTest
"PUBLISHED=" + (Get-ChildItem '$repo' -Filter *.nupkg).Name
Install-PSResource StratusScan.DataSync -Repository StratusScanTest -Scope CurrentUser -TrustRepository -Quiet
`$installed = Get-InstalledPSResource StratusScan.DataSync
"INSTALLED=" + `$installed.Version + "|" + `$installed.InstalledLocation.StartsWith('$homeDir')
Import-Module StratusScan.DataSync
"LOADED=" + (Get-Module StratusScan.DataSync).ModuleBase.StartsWith('$homeDir')
`$tasks = Get-SSDataSyncTask -Region us-east-1, eu-west-1 -EndpointUrl '$($emulator.Endpoint)' -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'
"TASKS=" + `$tasks.Count
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
            $result.Output | Should -Contain "PUBLISHED=StratusScan.DataSync.$Version.nupkg"
            $result.Output | Should -Contain "INSTALLED=$Version|True"
            $result.Output | Should -Contain 'LOADED=True'
            $result.Output | Should -Contain 'TASKS=6'
        }
        finally {
            $emulator | Stop-TestEmulator
        }
    }
}

Describe 'Objects in the usual pipelines' {
    BeforeAll {
        Import-Module (Get-TestModulePath) -Force
        $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1,tasks=6,locations=1,agents=2,executions=4,days=20,seed=9'
        $credential = Get-EmulatorCredential
        $script:Aws = @{ Region = 'us-east-1'; EndpointUrl = $Emulator.Endpoint; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey }
    }
    AfterAll {
        $Emulator | Stop-TestEmulator
        Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
    }

    It 'sorts executions by StartTime and sums BytesTransferred as numbers' {
        $executions = Get-SSDataSyncExecution @Aws
        $executions.Count | Should -BeGreaterThan 3
        $sorted = $executions | Sort-Object StartTime
        for ($i = 1; $i -lt $sorted.Count; $i++) { $sorted[$i].StartTime | Should -BeGreaterOrEqual $sorted[$i - 1].StartTime }
        $sorted[0].StartTime | Should -BeOfType [DateTime]
        $sorted[0].StartTime.Kind | Should -Be 'Utc'
        $sum = ($executions | Measure-Object BytesTransferred -Sum).Sum
        $expected = [double]0; foreach ($e in $executions) { if ($null -ne $e.BytesTransferred) { $expected += $e.BytesTransferred } }
        $sum | Should -Be $expected
        ($executions | Where-Object Duration | Measure-Object { $_.Duration.TotalMinutes } -Maximum).Maximum | Should -BeGreaterThan 0
    }

    It 'shows every property with Format-List * and a concise default table' {
        $task = Get-SSDataSyncTask @Aws | Select-Object -First 1
        $list = $task | Format-List * | Out-String -Width 200
        foreach ($name in 'TaskArn', 'VerifyMode', 'IncludeCount', 'Options', 'AccountId', 'Region') { $list | Should -Match "(?m)^$name\s+:" }
        $table = Get-SSDataSyncTask @Aws | Out-String -Width 80
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
        $table | Should -Match 'Name\s+Status\s+Schedule\s+Region'
    }

    It 'writes nested shapes to CSV as JSON text, never as a type name' {
        $path = Join-Path $TestDrive 'tasks.csv'
        Get-SSDataSyncTask @Aws | Export-Csv -Path $path -NoTypeInformation
        $rows = Import-Csv $path
        $withOptions = $rows | Where-Object Options | Select-Object -First 1
        $withOptions.Options | Should -Match '^\{"'
        (Get-Content -Raw $path) | Should -Not -Match 'StratusScan\.DataSync\.Aws\.Model|System\.Object\[\]|System\.Collections'
    }
}
