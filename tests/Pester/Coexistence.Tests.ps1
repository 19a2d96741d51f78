# AWS Tools for PowerShell loads its own AWSSDK.Core (3.7.x, assembly version 3.3.0.0). On PowerShell 7 this
# module's dependencies live in their own load context, so both orders of loading work. Each case runs in a
# fresh pwsh process.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:ModulePath = Get-TestModulePath
    $script:OldCore = Join-Path (Get-NuGetPackageRoot) 'awssdk.core/3.7.402/lib/netstandard2.0/AWSSDK.Core.dll'
    if (-not (Test-Path $OldCore)) { throw "AWSSDK.Core 3.7.402 is missing at ${OldCore}: build.ps1 restores tests/tools/TestTools.csproj." }

    # Prints the load context of every AWSSDK.Core in the process, and what the module's engine uses.
    $script:Report = @'
$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'StratusScan.DataSync.Engine' }
"ENGINE-SDK=" + $engine.GetType('StratusScan.DataSync.EngineInfo').GetProperty('AwsSdkCoreVersion').GetValue($null)
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
    ForEach-Object { 'CORE={0}|{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
'@
}

Describe 'Coexistence with AWS Tools for PowerShell''s AWSSDK.Core' -Tag 'CoreOnly' {
    It 'imports and runs after AWSSDK.Core 3.7 was loaded' {
        $result = Invoke-ChildPwsh -Script @"
Add-Type -Path '$OldCore'
`$null = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOLD', 'secret')
Import-Module '$ModulePath'
"REGIONS=" + (Get-SSDataSyncRegion -Partition aws-us-gov).Count
$Report
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'REGIONS=2'
        $result.Output | Should -Contain 'CORE=3.3.0.0|Default'
        $result.Output | Should -Contain 'CORE=4.0.0.0|StratusScan.DataSync'
        ($result.Output | Where-Object { $_ -like 'ENGINE-SDK=4.*' }) | Should -Not -BeNullOrEmpty
    }

    It 'lets AWSSDK.Core 3.7 load and work after the module used its own' {
        $result = Invoke-ChildPwsh -Script @"
Import-Module '$ModulePath'
"REGIONS=" + (Get-SSDataSyncRegion -Partition aws-cn).Count
$Report
Add-Type -Path '$OldCore'
`$cred = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOLD', 'secret')
"OLD=" + `$cred.GetCredentials().AccessKey
$Report
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'REGIONS=2'
        $result.Output | Should -Contain 'OLD=AKIDOLD'
        $result.Output | Should -Contain 'CORE=3.3.0.0|Default'
        $result.Output | Should -Contain 'CORE=4.0.0.0|StratusScan.DataSync'
    }

    It 'can be removed and imported again in one session' {
        $result = Invoke-ChildPwsh -Script @"
Import-Module '$ModulePath'
`$null = Get-SSDataSyncRegion
Remove-Module StratusScan.DataSync
Import-Module '$ModulePath' -Force
"REGIONS=" + (Get-SSDataSyncRegion -Partition aws-us-gov).Count
$Report
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'REGIONS=2'
        @($result.Output | Where-Object { $_ -like 'CORE=*' }).Count | Should -Be 1
    }

    Context 'AWS Tools for PowerShell v5''s AWSSDK.Core 4.0.x (the same assembly version, 4.0.0.0, as the module''s)' {
        BeforeAll {
            $script:V5Core = Join-Path (Get-NuGetPackageRoot) 'awssdk.core/4.0.102.19/lib/net8.0/AWSSDK.Core.dll'
            if (-not (Test-Path $V5Core)) { throw "AWSSDK.Core 4.0.102.19 is missing at ${V5Core}: build.ps1 restores tests/tools/TestTools.csproj." }
            $script:V5Emulator = Start-TestEmulator -Generate 'regions=us-east-1,tasks=3,locations=1,agents=1,executions=1,days=5,seed=9'
            $credential = Get-EmulatorCredential
            # A scan with the v5 SDK's own credentials object, and one with keys.
            $script:Scan = @"
`$v5 = [Amazon.Runtime.BasicAWSCredentials]::new('$($credential.AccessKey)', '$($credential.SecretKey)')
"V5-TYPE=" + `$v5.GetType().Assembly.GetName().Version
"TASKS-V5-CREDENTIAL=" + @(Get-SSDataSyncTask -Region us-east-1 -EndpointUrl '$($V5Emulator.Endpoint)' -Credential `$v5).Count
"TASKS-KEYS=" + @(Get-SSDataSyncTask -Region us-east-1 -EndpointUrl '$($V5Emulator.Endpoint)' -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)').Count
"@
        }

        AfterAll { $script:V5Emulator | Stop-TestEmulator }

        It 'imports and scans after AWSSDK.Core 4.0.x was loaded' {
            $result = Invoke-ChildPwsh -Script @"
Add-Type -Path '$V5Core'
Import-Module '$ModulePath'
$Scan
$Report
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
            $result.Output | Should -Contain 'TASKS-V5-CREDENTIAL=3'
            $result.Output | Should -Contain 'TASKS-KEYS=3'
            $result.Output | Should -Contain 'CORE=4.0.0.0|Default'
            $result.Output | Should -Contain 'CORE=4.0.0.0|StratusScan.DataSync'
            # The engine runs on its own copy (4.1.x), not on the 4.0.x already loaded.
            ($result.Output | Where-Object { $_ -like 'ENGINE-SDK=4.1.*' }) | Should -Not -BeNullOrEmpty
        }

        It 'lets AWSSDK.Core 4.0.x load and work after the module scanned with its own' {
            $credential = Get-EmulatorCredential
            $result = Invoke-ChildPwsh -Script @"
Import-Module '$ModulePath'
"FIRST=" + @(Get-SSDataSyncTask -Region us-east-1 -EndpointUrl '$($V5Emulator.Endpoint)' -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)').Count
Add-Type -Path '$V5Core'
"OLD=" + [Amazon.Runtime.BasicAWSCredentials]::new('AKIDV5', 'secret').GetCredentials().AccessKey
$Scan
$Report
"@
            $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
            $result.Output | Should -Contain 'FIRST=3'
            $result.Output | Should -Contain 'OLD=AKIDV5'
            $result.Output | Should -Contain 'TASKS-V5-CREDENTIAL=3'
            $result.Output | Should -Contain 'CORE=4.0.0.0|Default'
            $result.Output | Should -Contain 'CORE=4.0.0.0|StratusScan.DataSync'
        }
    }

    It 'exposes no dependency type in a parameter or output type' {
        Import-Module $ModulePath -Force
        try {
            $foreign = '^(AWSSDK|DocumentFormat|System\.Text\.Json|System\.IO\.Packaging|Microsoft\.Bcl)'
            foreach ($command in Get-Command -Module StratusScan.DataSync) {
                foreach ($parameter in $command.Parameters.Values) {
                    $parameter.ParameterType.Assembly.GetName().Name | Should -Not -Match $foreign -Because "$($command.Name) -$($parameter.Name)"
                }
                foreach ($output in $command.OutputType) {
                    $output.Type.Assembly.GetName().Name | Should -Not -Match $foreign -Because "$($command.Name) output"
                }
            }
        }
        finally { Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue }
    }
}
