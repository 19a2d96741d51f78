# What a new user does first, from the README: install the built module into $env:PSModulePath and import
# it by name, and start the emulator from the existing build (build.ps1 Emulator) without a second, Debug build.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:RepoRoot = Get-RepoRoot
    $script:Readme = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'README.md')

    function script:Get-ReadmeBlock([string] $Heading) {
        <# The first fenced code block after a README heading. #>
        $pattern = '(?ms)^' + [regex]::Escape($Heading) + '\s*$.*?^```\w*\s*$\r?\n(.*?)^```'
        $match = [regex]::Match($script:Readme, $pattern)
        if (-not $match.Success) { throw "The README has no code block under '$Heading'." }
        $match.Groups[1].Value
    }
}

Describe 'Installing the built module as the README says' -Tag 'CoreOnly' {
    It 'copies out/StratusScan.DataSync into the first $env:PSModulePath folder and imports it by name from anywhere' {
        $steps = Get-ReadmeBlock '## Install the built module'
        $steps | Should -Match 'PSModulePath'
        $steps | Should -Match 'Import-Module StratusScan\.DataSync'
        # The Package step already ran (build.ps1 Test packages before it tests); the rest runs as written, with the
        # user's module folder (the first PSModulePath entry pwsh puts there) moved into the test drive: XDG_DATA_HOME
        # on Linux and macOS; on Windows (Documents\PowerShell\Modules) the folder is given instead.
        $lines = @($steps -split "`r?`n" | Where-Object { $_ -notmatch 'build\.ps1 Package' })
        $data = Join-Path $TestDrive 'data'
        $modules = Join-Path $data 'powershell/Modules'
        if ($IsWindows) { $lines = $lines | ForEach-Object { if ($_ -match '^\$modules\s*=') { "`$modules = '$modules'" } else { $_ } } }
        $install = $lines -join "`n"
        $path = @($modules, (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
        $result = Invoke-ChildPwsh -Environment @{ PSModulePath = $path; XDG_DATA_HOME = $data } -Script @"
Set-Location -LiteralPath '$RepoRoot'
$install
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        Test-Path (Join-Path $modules 'StratusScan.DataSync/*/StratusScan.DataSync.psd1') | Should -BeTrue

        # A later session, elsewhere: found by name on PSModulePath, not from the repository.
        $elsewhere = Join-Path $TestDrive 'elsewhere'
        New-Item -ItemType Directory -Path $elsewhere | Out-Null
        $later = Invoke-ChildPwsh -Environment @{ PSModulePath = $path; XDG_DATA_HOME = $data } -Script @"
Set-Location -LiteralPath '$elsewhere'
Import-Module StratusScan.DataSync
"BASE=" + (Get-Module StratusScan.DataSync).ModuleBase
"REGIONS=" + (Get-SSDataSyncRegion -Partition aws-us-gov).Count
"@
        $later.ExitCode | Should -Be 0 -Because ($later.Output -join "`n")
        $later.Output | Should -Contain 'REGIONS=2'
        ($later.Output | Where-Object { $_ -like 'BASE=*' }) | Should -BeLike "BASE=$modules*"
    }
}

Describe 'Starting the emulator from the build' {
    It 'the README starts it with build.ps1 Emulator or dotnet run -c Release, never a plain dotnet run' {
        $section = [regex]::Match($script:Readme, '(?ms)^## Test your own scripts offline.*?(?=^## )').Value
        $section | Should -Match 'build\.ps1 Emulator'
        $section | Should -Match 'dotnet run -c Release --project src/StratusScan\.DataSync\.Emulator'
        $section | Should -Not -Match 'dotnet run --project'
    }

    It 'build.ps1 Emulator runs the Release emulator that Build made, without building again, until it is stopped' {
        $pwsh = if ($env:STRATUSSCAN_PWSH) { $env:STRATUSSCAN_PWSH -split [char]0x1f } else {
            $process = (Get-Process -Id $PID).Path
            if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
        }
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'build.ps1'), 'Emulator', '-EmulatorArgument', '--sample --port 0')) {
            $info.ArgumentList.Add($argument)
        }
        $info.WorkingDirectory = $RepoRoot
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.Environment['XDG_CACHE_HOME'] = Join-Path $TestDrive 'cache'
        $process = [Diagnostics.Process]::Start($info)
        $errors = $process.StandardError.ReadToEndAsync()
        $seen = [Collections.Generic.List[string]]::new()
        try {
            $endpoint = $null
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not $endpoint) {
                $read = $process.StandardOutput.ReadLineAsync()
                while (-not $read.Wait(200)) { if ([DateTime]::UtcNow -gt $deadline) { throw "No 'listening on' line: $($seen -join ' | ')" } }
                if ($null -eq $read.Result) { throw "build.ps1 Emulator exited ($($process.ExitCode)): $($seen -join ' | ') $($errors.Result)" }
                $seen.Add($read.Result)
                if ($read.Result -match 'listening on (http://\S+)') { $endpoint = $Matches[1] }
            }

            $health = Invoke-RestMethod -Uri ($endpoint.TrimEnd('/') + '/__emulator/health') -NoProxy
            $health | Should -Not -BeNullOrEmpty
            $process.HasExited | Should -BeFalse
            ($seen | Where-Object { $_ -match 'dotnet build|dotnet run' }) | Should -BeNullOrEmpty -Because 'the emulator of the existing build is started'
            ($seen | Where-Object { $_ -match 'bin/Release/net10\.0/StratusScan\.DataSync\.Emulator\.dll' }) | Should -Not -BeNullOrEmpty
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.WaitForExit(10000) | Out-Null
            $process.Dispose()
        }
    }
}
