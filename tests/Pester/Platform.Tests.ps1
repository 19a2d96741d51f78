# The PowerShell versions the module promises: the README, about_StratusScan.DataSync and the manifest
# name one floor, and what the manifest loads on PowerShell 7 targets no .NET newer than that floor's runtime.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:RepoRoot = Get-RepoRoot
    $script:ManifestPath = Get-TestModulePath
    $script:ModuleBase = Split-Path $ManifestPath
    # The .NET each PowerShell 7 release runs on (PowerShell's support lifecycle).
    $script:DotNetOf = @{ '7.2' = 6; '7.3' = 7; '7.4' = 8; '7.5' = 9; '7.6' = 10 }

    function script:Get-PromisedFloor([string] $Text) {
        # Every "PowerShell 7.x+" claim of a text; one floor for all.
        @([regex]::Matches($Text, 'PowerShell (7\.\d+)\+') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
    }

    function script:Get-AssemblyFacts([string] $Path) {
        # The TargetFrameworkAttribute and the assembly references, read from metadata (nothing is loaded).
        $stream = [IO.File]::OpenRead($Path)
        $pe = New-Object System.Reflection.PortableExecutable.PEReader $stream
        try {
            $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $framework = $null
            foreach ($handle in $md.CustomAttributes) {
                $attribute = $md.GetCustomAttribute($handle)
                if ($attribute.Constructor.Kind -ne 'MemberReference') { continue }
                $ctor = $md.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle]$attribute.Constructor)
                if ($ctor.Parent.Kind -ne 'TypeReference') { continue }
                $type = $md.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle]$ctor.Parent)
                if ($md.GetString($type.Name) -ne 'TargetFrameworkAttribute') { continue }
                $blob = $md.GetBlobReader($attribute.Value)
                $null = $blob.ReadUInt16() # the prolog
                $framework = $blob.ReadSerializedString()
            }
            $references = foreach ($handle in $md.AssemblyReferences) {
                $reference = $md.GetAssemblyReference($handle)
                [pscustomobject]@{ Name = $md.GetString($reference.Name); Version = $reference.Version }
            }
            [pscustomobject]@{ Path = $Path; Framework = $framework; References = @($references) }
        }
        finally { $pe.Dispose(); $stream.Dispose() }
    }

    function script:Test-RunsOn([pscustomobject] $Facts, [int] $DotNet) {
        # A .NET (Core) assembly for .NET $DotNet or older, or a .NET Standard one; no reference to a newer framework.
        # (Some older packages' assemblies carry no TargetFrameworkAttribute: their references decide.)
        if ($Facts.Framework -match '^\.NETCoreApp,Version=v(\d+)\.') { if ([int]$Matches[1] -gt $DotNet) { return $false } }
        elseif ($Facts.Framework -and $Facts.Framework -notmatch '^\.NETStandard,Version=v2\.[01]$') { return $false }
        elseif (-not $Facts.Framework -and ($Facts.References | Where-Object Name -eq 'mscorlib')) { return $false }
        $newer = $Facts.References | Where-Object { $_.Name -in 'System.Runtime', 'System.Private.CoreLib' -and $_.Version.Major -gt $DotNet }
        -not $newer
    }
}

Describe 'The PowerShell the module promises' {
    It 'is the same floor in the README, about_StratusScan.DataSync and the manifest' {
        $readme = @(Get-PromisedFloor (Get-Content -Raw (Join-Path $RepoRoot 'README.md')))
        $about = @(Get-PromisedFloor (Get-Content -Raw (Join-Path $RepoRoot 'en-US/about_StratusScan.DataSync.help.txt')))
        $manifest = @(Get-PromisedFloor (Test-ModuleManifest $ManifestPath).Description)
        $readme | Should -HaveCount 1
        $about | Should -Be $readme
        $manifest | Should -Be $readme
        $DotNetOf.ContainsKey($readme[0]) | Should -BeTrue -Because "PowerShell $($readme[0]) is a release this test knows"
        # Windows PowerShell 5.1 is promised in all three as well, and the manifest lets it load.
        foreach ($text in (Get-Content -Raw (Join-Path $RepoRoot 'README.md')), (Get-Content -Raw (Join-Path $RepoRoot 'en-US/about_StratusScan.DataSync.help.txt')), (Test-ModuleManifest $ManifestPath).Description) {
            $text | Should -Match 'Windows PowerShell 5\.1'
        }
        (Test-ModuleManifest $ManifestPath).PowerShellVersion | Should -Be ([version]'5.1')
    }
}

Describe 'What the manifest loads on PowerShell 7' -Tag 'CoreOnly' {
    BeforeAll {
        $script:Floor = @(Get-PromisedFloor (Get-Content -Raw (Join-Path $RepoRoot 'README.md')))[0]
        $script:FloorDotNet = $DotNetOf[$Floor]
        $module = Import-Module $ManifestPath -Force -PassThru
        $script:Loaded = $module.ImplementingAssembly.Location
        Remove-Module StratusScan.DataSync -Force
    }

    It 'is bin/core, built for the .NET of the oldest PowerShell promised, or older' {
        $Loaded | Should -BeLike ('*' + [IO.Path]::Combine('bin', 'core', 'StratusScan.DataSync.dll'))
        $facts = Get-AssemblyFacts $Loaded
        $facts.Framework | Should -Match '^\.NETCoreApp,Version=v\d+\.\d+$'
        [int]($facts.Framework -replace '^.*=v(\d+)\..*$', '$1') | Should -BeLessOrEqual $FloorDotNet -Because "PowerShell $Floor runs on .NET $FloorDotNet"
        $facts.References | Where-Object { $_.Name -like 'System.*' -and $_.Version.Major -gt $FloorDotNet } | Should -BeNullOrEmpty
    }

    It 'loads the engine and dependencies that the .NET of the oldest PowerShell promised runs' {
        $deps = Get-ChildItem (Join-Path $ModuleBase 'bin/deps') -Filter '*.dll'
        $deps.Count | Should -BeGreaterThan 5
        foreach ($dll in $deps) {
            $facts = Get-AssemblyFacts $dll.FullName
            Test-RunsOn $facts $FloorDotNet | Should -BeTrue -Because "$($dll.Name) targets $($facts.Framework)"
        }
    }

    It 'imports that build, scans the emulator and writes the workbook in a new process of this PowerShell (7.6.9 here)' {
        $emulator = Start-TestEmulator -Generate 'regions=us-east-1,tasks=2,locations=1,agents=1,executions=2,days=10,seed=4'
        try {
            $credential = Get-EmulatorCredential
            $out = Join-Path $TestDrive 'platform'
            $result = Invoke-ChildPwsh -Script @"
`$module = Import-Module '$ManifestPath' -PassThru
'FRAMEWORK=' + (`$module.ImplementingAssembly.GetCustomAttributes([Runtime.Versioning.TargetFrameworkAttribute], `$false)[0].FrameworkName)
`$file = Export-SSDataSyncReport -Region us-east-1 -EndpointUrl '$($emulator.Endpoint)' -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)' -OutputDirectory '$out' -PassThru -InformationAction SilentlyContinue
'WORKBOOK=' + `$file.Name + '|' + (`$file.Length -gt 0)
'PWSH=' + `$PSVersionTable.PSVersion
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
            ($result.Output | Where-Object { $_ -like 'FRAMEWORK=*' }) | Should -Be "FRAMEWORK=.NETCoreApp,Version=v$FloorDotNet.0"
            ($result.Output | Where-Object { $_ -like 'WORKBOOK=*' }) | Should -Match '^WORKBOOK=111122223333-datasync-all-export-[\d.]+\.xlsx\|True$'
            ($result.Output | Where-Object { $_ -like 'PWSH=*' }) | Should -Be "PWSH=$($PSVersionTable.PSVersion)"
        }
        finally { $emulator | Stop-TestEmulator }
    }
}

Describe 'The emulator''s command line on .NET Framework (build/Emulator.psm1)' {
    BeforeAll { Import-Module (Join-Path (Get-RepoRoot) 'build/Emulator.psm1') }
    It 'quotes arguments so that a child process gets each one back unchanged' {
        # Start-DataSyncEmulator passes one command-line string (Windows PowerShell 5.1 has no ArgumentList).
        $echo = Join-Path $TestDrive 'echo-args.ps1'
        Set-Content -LiteralPath $echo -Value 'foreach ($a in $args) { "<" + $a + ">" }'
        $values = @('plain', 'with space', 'trailing\', 'C:\some dir\', 'regions=us-east-1;eu-west-1,tasks=3')
        # Quotes inside an argument: the C runtime's rules, which powershell.exe's own -File parsing does not follow.
        if ($PSVersionTable.PSEdition -eq 'Core') { $values += 'quote"inside', 'back\\"slash' }
        $pwsh = @(Get-PwshCommand)
        $info = New-Object Diagnostics.ProcessStartInfo -ArgumentList $pwsh[0]
        $info.Arguments = ConvertTo-CommandLine (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $echo) + $values)
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($info)
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        @($output -split "`r?`n" | Where-Object { $_ }) | Should -Be @($values | ForEach-Object { "<$_>" })
    }
}
