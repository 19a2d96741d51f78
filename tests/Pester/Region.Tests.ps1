BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
}

AfterAll {
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Get-SSDataSyncRegion' {
    It 'lists the GovCloud Regions through Where-Object' {
        $gov = Get-SSDataSyncRegion | Where-Object Partition -eq 'aws-us-gov'
        $gov.Name | Should -Be @('us-gov-east-1', 'us-gov-west-1')
        $gov | ForEach-Object { $_.PartitionDisplayName | Should -Be 'AWS GovCloud (US)' }
    }

    It 'filters by -Partition' {
        (Get-SSDataSyncRegion -Partition aws-cn).Name | Should -Be @('cn-north-1', 'cn-northwest-1')
        $commercial = Get-SSDataSyncRegion -Partition aws
        $commercial.Name | Should -Contain 'us-east-1'
        $commercial | Where-Object Partition -ne 'aws' | Should -BeNullOrEmpty
    }

    It 'rejects an unknown partition at binding, naming the valid ones' {
        { Get-SSDataSyncRegion -Partition aws-iso -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,StratusScan.DataSync.Commands.GetSSDataSyncRegionCommand'
    }

    It 'filters by name with wildcards and from the pipeline' {
        (Get-SSDataSyncRegion -Name 'eu-west-*').Name | Should -Be @('eu-west-1', 'eu-west-2', 'eu-west-3')
        ('us-east-1', 'us-west-2' | Get-SSDataSyncRegion).Name | Should -Be @('us-east-1', 'us-west-2')
    }

    It 'reports a Region DataSync does not offer as a non-terminating error' {
        $found = Get-SSDataSyncRegion -Name 'us-east-1', 'mars-north-1' -ErrorVariable errs -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'us-east-1'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'RegionNotFound,StratusScan.DataSync.Commands.GetSSDataSyncRegionCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'mars-north-1'
        $errs[0].Exception.Message | Should -BeLike '*Get-SSDataSyncRegion*'
    }

    It 'writes one CSV row per Region with Export-Csv' {
        $path = Join-Path $TestDrive 'regions.csv'
        $all = Get-SSDataSyncRegion
        $all | Export-Csv -Path $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.Count | Should -Be $all.Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'Name'
        $rows[0].PSObject.Properties.Name | Should -Contain 'DisplayName'
        $rows[0].PSObject.Properties.Name | Should -Contain 'Partition'
        ($rows | Where-Object Name -eq 'us-gov-west-1').Partition | Should -Be 'aws-us-gov'
        ($rows | Where-Object Name -eq 'us-east-1').DisplayName | Should -Be 'US East (N. Virginia)'
    }

    It 'prints a default table view' {
        $text = Get-SSDataSyncRegion -Partition aws-us-gov | Out-String -Width 80
        $text | Should -Match 'Name\s+DisplayName\s+Partition'
        $text | Should -Match 'us-gov-west-1\s+AWS GovCloud \(US-West\)\s+aws-us-gov'
    }
}
