# Tab completion as users get it: through TabExpansion2, the engine PowerShell's own completer uses.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Argument completion' {
    It 'completes -Region with DataSync Regions and all' {
        Get-Completion 'Get-SSDataSyncTask -Region us-gov-' | Should -Be @('us-gov-east-1', 'us-gov-west-1')
        Get-Completion 'Export-SSDataSyncReport -Region al' | Should -Be @('all')
        (Get-Completion 'Get-SSDataSyncAgent -Region ') | Should -Contain 'eu-central-2'
    }

    It 'completes -ProfileName from the shared credentials and config files' {
        $dir = Join-Path $TestDrive 'aws'
        New-Item -ItemType Directory -Path $dir | Out-Null
        Set-Content -Path (Join-Path $dir 'credentials') -Value "[default]`naws_access_key_id = x`n[prod-readonly]`naws_access_key_id = y"
        Set-Content -Path (Join-Path $dir 'config') -Value "[profile prod-sso]`nsso_session = corp`n[sso-session corp]`nsso_region = us-east-1`n[services local]`ndatasync =`n"
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = (Join-Path $dir 'credentials'); AWS_CONFIG_FILE = (Join-Path $dir 'config') } {
            Get-Completion 'Get-SSDataSyncTask -ProfileName prod' | Should -Be @('prod-readonly', 'prod-sso')
            Get-Completion 'Get-SSDataSyncTask -ProfileName ' | Should -Be @('default', 'prod-readonly', 'prod-sso')
        }
    }

    It 'completes -ProfileName from -ProfileLocation when given' {
        $file = Join-Path $TestDrive 'other-credentials'
        Set-Content -Path $file -Value "[audit]`naws_access_key_id = z"
        Get-Completion "Get-SSDataSyncTask -ProfileLocation '$file' -ProfileName au" | Should -Be @('audit')
    }

    It 'completes -Status and -LocationType with their values' {
        Get-Completion 'Get-SSDataSyncTask -Status UN' | Should -Be @('UNAVAILABLE')
        Get-Completion 'Get-SSDataSyncAgent -Status O' | Sort-Object | Should -Be @('OFFLINE', 'ONLINE')
        Get-Completion 'Get-SSDataSyncExecution -Status ERR' | Should -Be @('ERROR')
        Get-Completion 'Get-SSDataSyncLocation -LocationType FSx' | Sort-Object | Should -Be @('FSx-Lustre', 'FSx-ONTAP', 'FSx-OpenZFS', 'FSx-Windows')
        Get-Completion 'Get-SSDataSyncLocation -LocationType Obj' | Should -Be @("'Object Storage'")
    }

    It 'completes -LocationType in the quote the user opened' {
        Get-Completion 'Get-SSDataSyncLocation -LocationType "Az' | Should -Be @('"Azure Blob"')
        Get-Completion "Get-SSDataSyncLocation -LocationType 'nf" | Should -Be @("'NFS'")
    }

    It 'completes Get-SSDataSyncRegion -Name with DataSync Regions, of -Partition when given' {
        Get-Completion 'Get-SSDataSyncRegion -Name us-gov-' | Should -Be @('us-gov-east-1', 'us-gov-west-1')
        Get-Completion 'Get-SSDataSyncRegion eu-west-' | Should -Be @('eu-west-1', 'eu-west-2', 'eu-west-3')
        Get-Completion 'Get-SSDataSyncRegion -Partition aws-cn -Name ' | Should -Be @('cn-north-1', 'cn-northwest-1')
        Get-Completion 'Get-SSDataSyncRegion -Name al' | Should -BeNullOrEmpty -Because "'all' is not a Region name"
    }

    It 'completes -ProfileName from a relative -ProfileLocation, resolved against the current location, and the config file beside it' {
        $dir = Join-Path $TestDrive 'relative'
        New-Item -ItemType Directory -Path $dir | Out-Null
        Set-Content -Path (Join-Path $dir 'creds') -Value "[team-a]`naws_access_key_id = a"
        Set-Content -Path (Join-Path $dir 'config') -Value "[profile team-b]`nregion = us-east-1"
        $other = Join-Path $TestDrive 'env-credentials'
        Set-Content -Path $other -Value "[team-env]`naws_access_key_id = e"
        Push-Location $dir
        try {
            Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $other; AWS_CONFIG_FILE = $null } {
                Get-Completion 'Get-SSDataSyncTask -ProfileLocation ./creds -ProfileName team' | Should -Be @('team-a', 'team-b')
                Get-Completion 'Get-SSDataSyncTask -ProfileName team' | Should -Be @('team-env')
            }
        }
        finally { Pop-Location }
    }

    It 'completes -Partition of Get-SSDataSyncRegion' {
        Get-Completion 'Get-SSDataSyncRegion -Partition aws-' | Sort-Object | Should -Be @('aws-cn', 'aws-us-gov')
    }
}

Describe '-LocationType values' {
    It 'accepts every type name in any case and nothing else, with the ValidateSet error' {
        $parameter = (Get-Command Get-SSDataSyncLocation).Parameters['LocationType']
        $valid = @($parameter.Attributes | Where-Object { $_.PSObject.Properties['ValidValues'] } | ForEach-Object ValidValues)
        $valid | Should -Be @('S3', 'EFS', 'FSx-Windows', 'FSx-Lustre', 'FSx-OpenZFS', 'FSx-ONTAP', 'NFS', 'SMB', 'HDFS', 'Object Storage', 'Azure Blob', 'Unknown')
        { [StratusScan.DataSync.Commands.ValidateLocationType()] [string[]] $types = 'fsx-ontap', 'object storage', 'UNKNOWN', 's3' } | Should -Not -Throw
        { [StratusScan.DataSync.Commands.ValidateLocationType()] [string[]] $types = 'S3', 'S4' } | Should -Throw
        $failure = { Get-SSDataSyncLocation -LocationType 'fsx-ontap', 'Tape' -Region us-east-1 } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,StratusScan.DataSync.Commands.GetSSDataSyncLocationCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $failure.Exception.Message | Should -BeLike "Cannot validate argument on parameter 'LocationType'. The argument `"Tape`" does not belong to the set `"S3,EFS,FSx-Windows,FSx-Lustre,FSx-OpenZFS,FSx-ONTAP,NFS,SMB,HDFS,Object Storage,Azure Blob,Unknown`" specified by the ValidateSet attribute.*"
    }
}
