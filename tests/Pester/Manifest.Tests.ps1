BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $root = Get-RepoRoot
    $excluded = [regex]'[\\/](bin|obj|out|results|node_modules)[\\/]'
    $script:PowerShellFiles = Get-ChildItem -Path $root -Recurse -File -Include '*.ps1', '*.psd1', '*.psm1' |
        Where-Object { -not $excluded.IsMatch($_.FullName.Substring($root.Length)) } |
        ForEach-Object { @{ File = $_.FullName; Name = $_.FullName.Substring($root.Length + 1) } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:ManifestPath = Get-TestModulePath
    $script:Manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
    $script:Module = Import-Module $ManifestPath -Force -PassThru
}

AfterAll {
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The module manifest' {
    It 'has the version of the one version source, Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'Directory.Build.props'))
        $version = ($props.Project.PropertyGroup | ForEach-Object { $_.SelectSingleNode('VersionPrefix') } | Where-Object { $_ }).InnerText
        $Manifest.Version.ToString() | Should -Be $version
        $Module.Version.ToString() | Should -Be $version
    }

    It 'lists its cmdlets explicitly, and they are exactly the ones the module exports' {
        $listed = @($Manifest.ExportedCmdlets.Keys | Sort-Object)
        $listed | Should -Not -BeNullOrEmpty
        $listed | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        $exported = @(Get-Command -Module StratusScan.DataSync -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        $exported | Should -Be $listed
    }

    It 'exports every cmdlet class the assembly defines' {
        $assembly = $Module.ImplementingAssembly
        $defined = $assembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName } | Sort-Object
        $defined | Should -Be @($Manifest.ExportedCmdlets.Keys | Sort-Object)
    }

    It 'declares both editions, PowerShell 5.1 and its format files' {
        $Manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $Manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $Manifest.ExportedFormatFiles | Should -Not -BeNullOrEmpty
        foreach ($format in $Manifest.ExportedFormatFiles) { Test-Path $format | Should -BeTrue -Because $format }
    }

    It 'carries PSData for the gallery: tags, project and licence URIs, release notes' {
        $Manifest.Tags | Should -Contain 'AWS'
        $Manifest.Tags | Should -Contain 'DataSync'
        $Manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $Manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $Manifest.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'loads the PowerShell 7 build on pwsh' -Tag 'CoreOnly' {
        $Module.ImplementingAssembly.Location | Should -BeLike ('*' + [IO.Path]::Combine('bin', 'core', 'StratusScan.DataSync.dll'))
    }

    It 'ships both builds and the engine in its folder' {
        $base = Split-Path $ManifestPath
        foreach ($file in 'bin/core/StratusScan.DataSync.dll', 'bin/desktop/StratusScan.DataSync.dll', 'bin/deps/StratusScan.DataSync.Engine.dll', 'bin/deps/AWSSDK.Core.dll') {
            Test-Path (Join-Path $base $file) | Should -BeTrue -Because $file
        }
        # The engine must not sit beside the cmdlets, or it would load in the default context.
        Test-Path (Join-Path $base 'bin/core/StratusScan.DataSync.Engine.dll') | Should -BeFalse
    }
}

Describe 'PowerShell files of the repository' {
    It '<Name> parses without errors' -ForEach $PowerShellFiles {
        $tokens = $null; $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($File, [ref]$tokens, [ref]$errors) | Out-Null
        $errors | Should -BeNullOrEmpty
    }
}
