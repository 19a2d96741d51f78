@{
    # The cmdlets for PowerShell 7.2+ (net6.0, dependencies isolated in their own load context) or for
    # Windows PowerShell 5.1 (netstandard2.0). `dotnet build` assembles bin/ beside this manifest.
    RootModule           = if ($PSEdition -eq 'Core') { 'bin/core/StratusScan.DataSync.dll' } else { 'bin/desktop/StratusScan.DataSync.dll' }

    # Stamped by the build from Directory.Build.props (VersionPrefix), the one version source.
    ModuleVersion        = '0.1.0'

    GUID                 = '5f3c9a2e-7d41-4b8e-9c6a-2e1f0d8b7a93'
    Author               = 'StratusScan'
    CompanyName          = 'StratusScan'
    Copyright            = '(c) StratusScan contributors. Licensed under the MIT License.'
    Description          = 'Inventories AWS DataSync (tasks, locations, agents, task executions) across Regions and accounts, emits rich objects into the pipeline, and writes a seven-sheet Excel audit workbook. Runs in PowerShell 7.2+ and Windows PowerShell 5.1.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess     = @('bin/StratusScan.DataSync.Format.ps1xml')

    CmdletsToExport      = @(
        'Get-SSDataSyncRegion'
        'Get-SSDataSyncTask'
        'Get-SSDataSyncLocation'
        'Get-SSDataSyncAgent'
        'Get-SSDataSyncExecution'
        'Export-SSDataSyncReport'
        'Export-SSDataSyncInventory'
        'Import-SSDataSyncInventory'
        'Get-SSOrganizationAccount'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'DataSync', 'Inventory', 'Audit', 'Excel', 'StratusScan', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/stratusscan/StratusScan.DataSync'
            LicenseUri   = 'https://github.com/stratusscan/StratusScan.DataSync/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md: https://github.com/stratusscan/StratusScan.DataSync/blob/main/CHANGELOG.md'
        }
    }
}
