# The README's shard-and-merge walk-through, run as written: the emulator of its first block (the same --generate
# spec, on a free port instead of 5000), then its PowerShell block in a fresh pwsh from the repository folder (the
# endpoint's port and ./output swapped for this test's). Its shard jobs are separate processes; the merged workbook
# must equal, sheet by sheet and cell by cell, one organisation-wide run over the same accounts (but the times on
# Summary: the scan time, and the execution window, which ends when each scan ran).
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-WorkbookReader
    $script:RepoRoot = Get-RepoRoot
    $readme = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'README.md')
    $section = [regex]::Match($readme, '(?ms)^## Organisations past one machine: shard and merge\s*$(.*?)^## ').Groups[1].Value
    $script:Blocks = @([regex]::Matches($section, '(?ms)^```(\w*)\s*$\r?\n(.*?)^```') | ForEach-Object { [pscustomobject]@{ Language = $_.Groups[1].Value; Code = $_.Groups[2].Value } })
    $shell = @($Blocks | Where-Object Language -eq 'sh')[0].Code
    $script:Spec = [regex]::Match($shell, "--generate (\S+)").Groups[1].Value
    $script:Emulator = Start-TestEmulator -Generate $Spec
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
}

AfterAll {
    if ($script:Emulator) { Stop-TestEmulator $script:Emulator }
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
}

Describe 'The README shard-and-merge walk-through' {
    It 'starts the emulator with build.ps1 Emulator and an organisation of several accounts' {
        $shell = @($Blocks | Where-Object Language -eq 'sh')[0].Code
        $shell | Should -Match 'dotnet pwsh \./build\.ps1 Emulator -EmulatorArgument'
        [int][regex]::Match($Spec, 'accounts=(\d+)').Groups[1].Value | Should -BeGreaterThan 2
    }

    It 'runs as written: shard files from separate processes, merged into the workbook of one organisation-wide run' {
        $walkthrough = @($Blocks | Where-Object Language -eq 'powershell')[-1].Code
        $walkthrough | Should -Match 'Start-Job' -Because 'each shard is its own process'
        $output = Join-Path $TestDrive 'output'
        $script = $walkthrough.Replace('http://127.0.0.1:5000/', $Emulator.Endpoint).Replace('./output', $output)
        $result = Invoke-ChildPwsh -Script "Set-Location -LiteralPath '$RepoRoot'`n$script"
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")

        # The accounts as the walk-through found them (its shards hold them in this order), in one organisation-wide run.
        Import-Module (Get-TestModulePath) -Force
        $credential = Get-EmulatorCredential
        $aws = @{ EndpointUrl = $Emulator.Endpoint; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey }
        $accounts = @((Get-SSOrganizationAccount -Region us-east-1 @aws).AccountId)
        $accounts.Count | Should -BeGreaterThan 2
        $files = @(Get-ChildItem (Join-Path $output 'shards') -Filter '*.jsonl.gz' | Sort-Object Name)
        $files.Count | Should -Be ([math]::Ceiling($accounts.Count / 2))
        Test-Path (Join-Path $output 'organization.xlsx') | Should -BeTrue
        ($result.Output -join "`n") | Should -Match 'organization\.xlsx'

        $single = Join-Path $TestDrive 'single.xlsx'
        Export-SSDataSyncReport -Region us-east-1, us-west-2 @aws -AccountId $accounts -RoleName StratusScanReadOnly -Path $single -Force -InformationAction SilentlyContinue
        $problems = Compare-Workbook -Expected (Read-Workbook $single) -Actual (Read-Workbook (Join-Path $output 'organization.xlsx')) -IgnoreSummaryLabel 'Scan Time (UTC)', 'Execution Window'
        $problems | Should -BeNullOrEmpty
    }
}
