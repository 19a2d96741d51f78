# Tags: -IncludeTags on the Get cmdlets and on Export-SSDataSyncReport. Without it no tag call is made and every
# object's Tags is an empty set (never $null); with it the Tasks, Active Tasks, Locations and Agents sheets gain a
# Tags column before the account columns, also when the tagged objects are piped in.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    Import-WorkbookReader
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1,tasks=6,locations=2,agents=3,executions=3,days=10,seed=11'
    $credential = Get-EmulatorCredential
    $script:Aws = @{ Region = 'us-east-1'; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    function script:Get-TagText($Tags) {
        # The workbook's text of a tag set: Key=Value pairs in ordinal key order, '; ' between them.
        if ($null -eq $Tags -or $Tags.Count -eq 0) { return $null }
        $keys = [string[]]@($Tags.Keys)
        [Array]::Sort($keys, [StringComparer]::Ordinal)
        ($keys | ForEach-Object { "$_=$($Tags[$_])" }) -join '; '
    }

    function script:Assert-TagsColumn($Rows, [string] $ArnHeader, $Objects, [string] $ArnProperty) {
        # The Tags column sits right before Account ID and Account Name, and holds each object's tags.
        $headers = @(Get-Headers $Rows)
        $headers[-3..-1] | Should -Be @('Tags', 'Account ID', 'Account Name')
        $arns = @(Get-Column $Rows $ArnHeader)
        $tags = @(Get-Column $Rows 'Tags')
        $arns.Count | Should -Be @($Objects).Count
        $byArn = @{}
        foreach ($object in $Objects) { $byArn[$object.$ArnProperty] = Get-TagText $object.Tags }
        for ($i = 0; $i -lt $arns.Count; $i++) {
            $expected = $byArn[$arns[$i]]
            if ($null -eq $expected) { $tags[$i] | Should -BeNullOrEmpty } else { $tags[$i] | Should -BeExactly $expected }
        }
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Tags of the Get cmdlets' {
    It 'are an empty set, never $null, and cost no call without -IncludeTags (<Command>)' -ForEach @(
        @{ Command = 'Get-SSDataSyncTask' }
        @{ Command = 'Get-SSDataSyncLocation' }
        @{ Command = 'Get-SSDataSyncAgent' }
        @{ Command = 'Get-SSDataSyncExecution' }
    ) {
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $objects = @(& $Command @Aws)
        $objects | Should -Not -BeNullOrEmpty
        foreach ($object in $objects) {
            $null -eq $object.Tags | Should -BeFalse -Because "$Command's objects carry an empty tag set"
            $object.Tags.Count | Should -Be 0
        }
        Get-EmulatorCallCount (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint) 'ListTagsForResource' | Should -Be 0
    }

    It 'are read with -IncludeTags, and some resources have some' {
        $tasks = @(Get-SSDataSyncTask @Aws -IncludeTags)
        @($tasks | Where-Object { $_.Tags.Count -gt 0 }) | Should -Not -BeNullOrEmpty
        $tagged = $tasks | Where-Object { $_.Tags.Count -gt 0 } | Select-Object -First 1
        $key = @($tagged.Tags.Keys)[0]
        @($tasks | Where-Object { $_.Tags[$key] -eq $tagged.Tags[$key] }).TaskArn | Should -Contain $tagged.TaskArn
    }
}

Describe 'Tags in the workbook' {
    BeforeAll {
        $script:Tasks = @(Get-SSDataSyncTask @Aws -IncludeTags)
        $script:Locations = @(Get-SSDataSyncLocation @Aws -IncludeTags)
        $script:Agents = @(Get-SSDataSyncAgent @Aws -IncludeTags)
        $script:Executions = @(Get-SSDataSyncExecution @Aws -Days 10)
    }

    It 'Export -IncludeTags reads the tags of tasks, locations and agents only, and shows them in a Tags column' {
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $path = Join-Path $TestDrive 'tagged.xlsx'
        Export-SSDataSyncReport @Aws -Days 10 -Path $path -IncludeTags -InformationAction SilentlyContinue | Out-Null
        $stats = Get-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $tagCalls = Get-EmulatorCallCount $stats 'ListTagsForResource'
        $resources = $script:Tasks.Count + $script:Locations.Count + $script:Agents.Count
        $tagCalls | Should -BeGreaterOrEqual $resources
        $tagCalls | Should -BeLessThan ($resources + $script:Executions.Count) -Because 'executions'' tags are not read for the workbook'

        $book = Read-Workbook $path
        Assert-TagsColumn $book['Tasks'] 'Task ARN' $script:Tasks 'TaskArn'
        Assert-TagsColumn $book['Active Tasks'] 'Task ARN' @($script:Tasks | Where-Object Status -EQ 'AVAILABLE') 'TaskArn'
        Assert-TagsColumn $book['Locations'] 'Location ARN' $script:Locations 'LocationArn'
        Assert-TagsColumn $book['Agents'] 'Agent ARN' $script:Agents 'AgentArn'
        Get-Headers $book['Recent Executions'] | Should -Not -Contain 'Tags'
        @(Get-Headers $book['Tasks']) | Should -Be @((Get-WorkbookColumn -Sheet Tasks -Tags).Header)
    }

    It 'Export without -IncludeTags makes no tag call and has no Tags column' {
        Reset-EmulatorStats -Endpoint $script:Emulator.Endpoint
        $path = Join-Path $TestDrive 'plain.xlsx'
        Export-SSDataSyncReport @Aws -Days 10 -Path $path -InformationAction SilentlyContinue | Out-Null
        Get-EmulatorCallCount (Get-EmulatorStats -Endpoint $script:Emulator.Endpoint) 'ListTagsForResource' | Should -Be 0
        $book = Read-Workbook $path
        foreach ($sheet in 'Tasks', 'Locations', 'Agents', 'Active Tasks') { Get-Headers $book[$sheet] | Should -Not -Contain 'Tags' }
        @(Get-Headers $book['Tasks']) | Should -Be @((Get-WorkbookColumn -Sheet Tasks).Header)
    }

    It 'objects piped in with their tags keep the Tags column; without tags there is none' {
        $tagged = Join-Path $TestDrive 'piped-tagged.xlsx'
        @($script:Tasks) + $script:Locations + $script:Agents | Export-SSDataSyncReport -Path $tagged -InformationAction SilentlyContinue | Out-Null
        $book = Read-Workbook $tagged
        Assert-TagsColumn $book['Tasks'] 'Task ARN' $script:Tasks 'TaskArn'
        Assert-TagsColumn $book['Agents'] 'Agent ARN' $script:Agents 'AgentArn'

        $plain = Join-Path $TestDrive 'piped-plain.xlsx'
        Get-SSDataSyncTask @Aws | Export-SSDataSyncReport -Path $plain -InformationAction SilentlyContinue | Out-Null
        Get-Headers (Read-Workbook $plain)['Tasks'] | Should -Not -Contain 'Tags'
    }
}
