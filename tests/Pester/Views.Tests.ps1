# The default table views (src/StratusScan.DataSync/StratusScan.DataSync.Format.ps1xml) as a user sees them
# bytes in readable units, a short id when a resource has no name, one date style marked UTC, and short
# columns of fixed width with the last column taking what the console has left. (A view cannot sort: the Get cmdlets
# write objects as they are described; `Sort-Object StartTime -Descending` shows executions newest first, the order
# of the workbook's execution sheets.)

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1,tasks=6,locations=1,agents=3,executions=4,days=10,seed=5'
    $credential = Get-EmulatorCredential
    $script:Aws = @{ Region = 'us-east-1'; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; EndpointUrl = $script:Emulator.Endpoint }

    function script:Get-Lines([object[]] $Objects, [int] $Width) {
        @(($Objects | Out-String -Width $Width) -split "`r?`n" | Where-Object { $_.Trim() })
    }
}

AfterAll {
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'Default table views' {
    BeforeAll {
        $script:Executions = @(Get-SSDataSyncExecution @Aws -Days 10)
        $script:Tasks = @(Get-SSDataSyncTask @Aws)
        $script:Agents = @(Get-SSDataSyncAgent @Aws)
        $script:Locations = @(Get-SSDataSyncLocation @Aws)
    }

    It 'shows bytes in readable decimal units, never cut' {
        $execution = $script:Executions[0]
        $execution.BytesTransferred = 1668025375
        $line = (Get-Lines $execution 200)[-1]
        $line | Should -Match '\s1\.67 GB\s'
        $execution.BytesTransferred = 512
        (Get-Lines $execution 200)[-1] | Should -Match '\s512 B\s'
        $execution.BytesTransferred = 999999999999
        (Get-Lines $execution 200)[-1] | Should -Match '\s1\.00 TB\s'
    }

    It 'shows dates in one style, yyyy-MM-dd HH:mm, under a header marked UTC (<Kind>)' -ForEach @(
        @{ Kind = 'executions'; Variable = 'Executions'; Property = 'StartTime'; Header = 'StartTime (UTC)' }
        @{ Kind = 'agents'; Variable = 'Agents'; Property = 'LastConnectionTime'; Header = 'LastConnection (UTC)' }
    ) {
        $all = Get-Variable -Scope Script -Name $Variable -ValueOnly
        $objects = @($all | Where-Object { $null -ne $_.$Property } | Select-Object -First 3)
        $objects | Should -Not -BeNullOrEmpty
        $lines = Get-Lines $objects 250
        $lines[0] | Should -Match ([regex]::Escape($Header))
        for ($i = 0; $i -lt $objects.Count; $i++) {
            $time = $objects[$i].$Property
            if ($time.Kind -eq 'Local') { $time = $time.ToUniversalTime() }
            $lines[$i + 2] | Should -Match ([regex]::Escape($time.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)))
        }
    }

    It 'shows the short id of a <Kind> that has no name' -ForEach @(
        @{ Kind = 'task'; Variable = 'Tasks'; Name = 'Name'; Arn = 'TaskArn' }
        @{ Kind = 'agent'; Variable = 'Agents'; Name = 'Name'; Arn = 'AgentArn' }
        @{ Kind = 'execution'; Variable = 'Executions'; Name = 'TaskName'; Arn = 'TaskArn' }
    ) {
        $object = (Get-Variable -Scope Script -Name $Variable -ValueOnly)[0]
        $object.$Name = $null
        $id = ($object.$Arn -split '/')[-1]
        $id | Should -Match '^(task|agent)-[0-9a-f]+'
        (Get-Lines $object 250)[-1] | Should -Match ('(^|\s)' + [regex]::Escape($id) + '(\s|$)')
    }

    It 'gives the long text column (last) what the console has left: whole when wide, cut only when narrow' {
        $long = $script:Locations | Where-Object { $_.LocationUri.Length -lt 200 } | Sort-Object { $_.LocationUri.Length } -Descending | Select-Object -First 1
        $long.LocationUri.Length | Should -BeGreaterThan 40
        (Get-Lines $long 300)[-1] | Should -Match ([regex]::Escape($long.LocationUri) + '$')
        (Get-Lines $long 60)[-1] | Should -Match '…$'
        (Get-Lines $long 60)[-1].Length | Should -BeLessOrEqual 60
    }

    It 'keeps every column of <Kind> on an 80-column console, and no line is wider' -ForEach @(
        @{ Kind = 'tasks'; Variable = 'Tasks'; Headers = 'Name', 'Status', 'Schedule', 'Region' }
        @{ Kind = 'locations'; Variable = 'Locations'; Headers = 'LocationType', 'Region', 'LocationUri' }
        @{ Kind = 'agents'; Variable = 'Agents'; Headers = 'Status', 'EndpointType', 'LastConnection (UTC)', 'Region', 'Name' }
        @{ Kind = 'executions'; Variable = 'Executions'; Headers = 'Status', 'StartTime (UTC)', 'Duration', 'Files', 'Bytes', 'TaskName' }
    ) {
        $lines = Get-Lines (Get-Variable -Scope Script -Name $Variable -ValueOnly) 80
        $lines[0] | Should -Match (($Headers | ForEach-Object { [regex]::Escape($_) }) -join '\s+')
        $lines | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }
}
