# The runbooks of docs/runbooks run here against the emulator, each in its own PowerShell process started with the
# command line its documentation gives (the executable and the script's folder swapped for this machine's), the
# cloud cmdlets (Write-S3Object, Az, Get-AutomationPSCredential) replaced by the test modules in RunbookStubs/.
# The PowerShell running the tests runs the runbooks: pwsh here, powershell.exe in the Windows PowerShell 5.1 job.
BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive
    $script:Root = New-TestRoot runbooks
    $script:Runbooks = Join-Path (Get-RepoRoot) 'docs/runbooks'

    # Import-Module StratusScan.DataSync by name: the packaged module's folder (out/StratusScan.DataSync/<version>).
    $manifest = Get-TestModulePath
    $base = Split-Path $manifest
    $modules = if ((Split-Path -Leaf $base) -as [version]) { Split-Path (Split-Path $base) } else { Split-Path $base }
    if (-not (Test-Path (Join-Path $modules 'StratusScan.DataSync'))) { throw "The module under test ($manifest) is not in a folder named StratusScan.DataSync: run build.ps1 Test (it packages the module)." }
    $platformModules = @(Join-Path $PSHOME 'Modules')
    if ($PSVersionTable.PSEdition -eq 'Desktop') { $platformModules += Join-Path $env:SystemRoot 'System32\WindowsPowerShell\v1.0\Modules' }
    $script:ModulePath = (@((Join-Path $PSScriptRoot 'RunbookStubs'), $modules) + $platformModules) -join [IO.Path]::PathSeparator

    $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1;us-west-2,tasks=4,locations=1,agents=2,executions=3,days=20,seed=21'
    $script:Partial = Start-TestEmulator -ArgumentList '--generate', 'regions=us-east-1;us-west-2,tasks=4,locations=1,agents=2,executions=3,days=20,seed=21', '--deny-operation', 'us-west-2:ListAgents', '--deny-operation', 'us-east-1:DescribeAgent'
    $script:Failed = Start-TestEmulator -ArgumentList '--generate', 'regions=us-east-1;us-west-2,tasks=2,locations=1,agents=1,executions=1,days=20,seed=21', '--deny-region', 'us-east-1', '--deny-region', 'us-west-2'
    $script:Credential = Get-EmulatorCredential

    function script:Get-ExampleLines([string] $Script) {
        # The command lines of the script's .EXAMPLE help (the first line of each example).
        $ast = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $Runbooks $Script), [ref] $null, [ref] $null)
        @($ast.GetHelpContent().Examples | ForEach-Object { ($_ -split "`n")[0].Trim() })
    }

    function script:ConvertTo-HostCommand([string] $Line, [string] $Script) {
        # The documented command line, run by this machine's PowerShell on the repository's copy of the script.
        $exe = @(Get-PwshCommand | ForEach-Object { "'" + ($_ -replace "'", "''") + "'" }) -join ' '
        $path = "'" + ((Join-Path $Runbooks $Script) -replace "'", "''") + "'"
        $Line = $Line -replace '^(pwsh|powershell\.exe)\s', "& $exe "
        $Line -replace ('\S*[\\/]' + [regex]::Escape($Script)), $path
    }

    function script:Invoke-Runbook {
        <# Runs a script block text in a child PowerShell with the stubs and the emulator; returns Output, ExitCode, Text and the stub calls. #>
        param([string] $Script, $Emulator, [hashtable] $Environment = @{})
        $log = Join-Path $Root ('stub-{0}.log' -f [guid]::NewGuid().ToString('N'))
        $variables = @{
            PSModulePath = $ModulePath; STRATUSSCAN_STUB_LOG = $log; AWS_ENDPOINT_URL = $Emulator.Endpoint
            AWS_ACCESS_KEY_ID = $Credential.AccessKey; AWS_SECRET_ACCESS_KEY = $Credential.SecretKey
        }
        foreach ($key in $Environment.Keys) { $variables[$key] = $Environment[$key] }
        $result = Invoke-ChildPwsh -Script $Script -Environment $variables
        $text = ($result.Output -join "`n")
        $calls = if (Test-Path $log) { @(Get-Content -LiteralPath $log) } else { @() }
        [pscustomobject]@{ Output = $result.Output; ExitCode = $result.ExitCode; Text = $text; Calls = $calls }
    }
}

AfterAll {
    $script:Emulator, $script:Partial, $script:Failed | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    if ($script:Root) { Remove-Item -LiteralPath $script:Root -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'AwsSsmRunCommand.ps1 through the AWS-RunPowerShellScript command lines of its help' {
    BeforeDiscovery {
        $script:SsmLines = @(
            @{ Shell = 'pwsh'; Pattern = '^pwsh ' }
            @{ Shell = 'Windows PowerShell 5.1'; Pattern = '^powershell\.exe ' }
        )
    }

    It 'documents a <Shell> command line with an absolute path that ends with "; exit $LASTEXITCODE"' -ForEach $SsmLines {
        $line = Get-ExampleLines 'AwsSsmRunCommand.ps1' | Where-Object { $_ -match $Pattern }
        @($line).Count | Should -Be 1
        $line | Should -Match ' -File (/|[A-Z]:\\)\S+AwsSsmRunCommand\.ps1 '
        $line | Should -Match '; exit \$LASTEXITCODE$'
        # The README gives the same command lines.
        (Get-Content -Raw (Join-Path $Runbooks 'README.md')).Contains($line) | Should -BeTrue -Because 'README.md shows the command line of the help'
    }

    It 'exits 0 after a complete scan and upload, and removes its temporary folder' {
        $line = Get-ExampleLines 'AwsSsmRunCommand.ps1' | Where-Object { $_ -match '^pwsh ' }
        $run = Invoke-Runbook -Script (ConvertTo-HostCommand $line 'AwsSsmRunCommand.ps1') -Emulator $Emulator
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $upload = @($run.Calls | Where-Object { $_ -like 'Write-S3Object|*' })
        $upload.Count | Should -Be 1
        $fields = $upload[0] -split '\|'
        $fields[1] | Should -Be 'ops-reports'
        $fields[2] | Should -Match '^datasync/111122223333-datasync-all-export-\d\d\.\d\d\.\d{4}\.xlsx$'
        $fields[4] | Should -Be 'True' -Because 'the workbook exists when it is uploaded'
        Test-Path -LiteralPath (Split-Path $fields[3]) | Should -BeFalse -Because 'the temporary folder is removed after a successful upload'
        $run.Text | Should -Match "Uploaded to s3://ops-reports/$([regex]::Escape($fields[2]))"
    }

    It 'exits 2 after a partial scan, one short plain line per issue, within 2,500 characters (<Shell> line)' -ForEach $SsmLines {
        $line = Get-ExampleLines 'AwsSsmRunCommand.ps1' | Where-Object { $_ -match $Pattern }
        $run = Invoke-Runbook -Script (ConvertTo-HostCommand $line 'AwsSsmRunCommand.ps1') -Emulator $Partial
        $run.ExitCode | Should -Be 2 -Because $run.Text
        @($run.Calls | Where-Object { $_ -like 'Write-S3Object|*' }).Count | Should -Be 1 -Because 'a partial workbook is still uploaded'
        $run.Output | Should -Contain 'SCAN ISSUE DataSyncAccessDenied us-west-2 datasync:ListAgents'
        @($run.Output | Where-Object { $_ -like 'SCAN ISSUE DataSyncAccessDenied us-east-1 datasync:DescribeAgent*' }).Count | Should -Be 1 -Because 'repeated issues share one line'
        $run.Text.Length | Should -BeLessOrEqual 2500
        $run.Text | Should -Not -Match ([regex]::Escape([string][char]27))
    }

    It 'exits 1 when every Region fails, naming the error id, within 2,500 characters' {
        $line = Get-ExampleLines 'AwsSsmRunCommand.ps1' | Where-Object { $_ -match '^pwsh ' }
        $run = Invoke-Runbook -Script (ConvertTo-HostCommand $line 'AwsSsmRunCommand.ps1') -Emulator $Failed
        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Text | Should -Match '(?m)^FAILED AllRegionsFailed: '
        @($run.Calls | Where-Object { $_ -like 'Write-S3Object|*' }).Count | Should -Be 0
        $run.Text.Length | Should -BeLessOrEqual 2500
        $run.Text | Should -Not -Match ([regex]::Escape([string][char]27))
    }

    It 'exits 1 when the upload fails, keeps the workbook and prints its path' {
        $line = Get-ExampleLines 'AwsSsmRunCommand.ps1' | Where-Object { $_ -match '^pwsh ' }
        $run = Invoke-Runbook -Script (ConvertTo-HostCommand $line 'AwsSsmRunCommand.ps1') -Emulator $Emulator -Environment @{ STRATUSSCAN_STUB_FAIL = 'Write-S3Object' }
        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Text | Should -Match '(?m)^FAILED UploadFailed: Upload to s3://ops-reports failed \(.*Access Denied.*\)\. The workbook is kept at (.+\.xlsx)$'
        $kept = [regex]::Match($run.Text, 'The workbook is kept at (.+\.xlsx)').Groups[1].Value
        Test-Path -LiteralPath $kept | Should -BeTrue -Because 'the workbook outlives a failed upload'
        Remove-Item -LiteralPath (Split-Path $kept) -Recurse -Force
        $run.Text.Length | Should -BeLessOrEqual 2500
    }
}

Describe 'AzureAutomation.ps1 with the parameters of its Start-AzAutomationRunbook examples' {
    BeforeAll {
        function script:Get-ExampleParameters([string] $Pattern) {
            # The -Parameters hashtable of the example whose command line matches $Pattern.
            $line = Get-ExampleLines 'AzureAutomation.ps1' | Where-Object { $_ -match $Pattern }
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($line, [ref] $null, [ref] $null)
            $table = $ast.Find({ param($n) $n -is [System.Management.Automation.Language.HashtableAst] }, $true)
            $table.SafeGetValue()
        }
        function script:Get-JobScript([hashtable] $Parameters, [string] $Name) {
            # Azure Automation starts the runbook (named Export-DataSyncReport) with the job's parameters.
            $pairs = foreach ($key in $Parameters.Keys) { "$key = '$($Parameters[$key] -replace "'", "''")'" }
            "`$p = @{ $($pairs -join '; ') }`n& '$((Join-Path $Runbooks 'AzureAutomation.ps1') -replace "'", "''")' @p"
        }
        $script:KeysEnvironment = @{
            STRATUSSCAN_STUB_CREDENTIAL = 'AWS-DataSync-ReadOnly'; STRATUSSCAN_STUB_ACCESS_KEY = $Credential.AccessKey; STRATUSSCAN_STUB_SECRET_KEY = $Credential.SecretKey
            AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null
        }
    }

    It 'starts the runbook under the name the setup in README.md creates' {
        $readme = Get-Content -Raw (Join-Path $Runbooks 'README.md')
        foreach ($line in Get-ExampleLines 'AzureAutomation.ps1') {
            $line | Should -Match '-Name Export-DataSyncReport '
        }
        $readme | Should -Match 'Import-AzAutomationRunbook [^\r\n]*-Name Export-DataSyncReport '
    }

    It 'uploads the workbook and completes after a complete scan, with the keys of the credential asset' {
        $parameters = Get-ExampleParameters 'CredentialName'
        $run = Invoke-Runbook -Script (Get-JobScript $parameters) -Emulator $Emulator -Environment $KeysEnvironment
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Calls | Should -Contain 'Get-AutomationPSCredential|AWS-DataSync-ReadOnly'
        $upload = @($run.Calls | Where-Object { $_ -like 'Set-AzStorageBlobContent|*' })
        $upload.Count | Should -Be 1
        $upload[0] | Should -Match '^Set-AzStorageBlobContent\|stopsreports\|aws-audit\|datasync/111122223333-datasync-all-export-[\d.]+\.xlsx\|True$'
        $run.Text | Should -Not -Match ([regex]::Escape([string][char]27))
    }

    It 'fails the job after a partial scan, once the workbook is uploaded' {
        $parameters = Get-ExampleParameters 'CredentialName'
        $run = Invoke-Runbook -Script (Get-JobScript $parameters) -Emulator $Partial -Environment $KeysEnvironment
        $run.ExitCode | Should -Not -Be 0 -Because $run.Text
        @($run.Calls | Where-Object { $_ -like 'Set-AzStorageBlobContent|*' }).Count | Should -Be 1
        $run.Text | Should -Match 'The scan was incomplete: \d+ issue'
    }

    It 'fails the job when the upload fails, naming the workbook' {
        $parameters = Get-ExampleParameters 'CredentialName'
        $run = Invoke-Runbook -Script (Get-JobScript $parameters) -Emulator $Emulator -Environment ($KeysEnvironment + @{ STRATUSSCAN_STUB_FAIL = 'Set-AzStorageBlobContent' })
        $run.ExitCode | Should -Not -Be 0 -Because $run.Text
        $run.Text | Should -Match 'Upload of the workbook \S+\.xlsx to stopsreports/aws-audit failed'
    }

    It 'federates with OIDC: the managed identity''s token goes to AWS_WEB_IDENTITY_TOKEN_FILE, and a refused exchange fails the job' {
        # The emulator has no AssumeRoleWithWebIdentity: the SDK's default chain reaching STS with the token file is
        # what this shows (the exchange itself is AWS's), and that its failure is loud.
        $parameters = Get-ExampleParameters 'AwsRoleArn'
        $run = Invoke-Runbook -Script (Get-JobScript $parameters) -Emulator $Emulator -Environment ($KeysEnvironment + @{ STRATUSSCAN_STUB_TOKEN = 'eyJ0eXAiOiJKV1QifQ.e30.c2ln' })
        $run.Calls | Should -Contain 'Get-AzAccessToken|api://AzureADTokenExchange'
        $run.Calls | Where-Object { $_ -like 'Get-AutomationPSCredential|*' } | Should -BeNullOrEmpty
        $run.Text | Should -Match 'web identity federation to arn:aws:iam::111122223333:role/StratusScanAzureAutomation'
        $run.ExitCode | Should -Not -Be 0 -Because $run.Text
        # AWSSDK.Core's web identity provider (the default chain's, from AWS_WEB_IDENTITY_TOKEN_FILE) made the call.
        # (PowerShell's error view wraps the message in '| ' lines: joined back into one line first.)
        ($run.Text -replace '\s*\r?\n\s*\|?\s*', ' ') | Should -Match 'AssumeRole for role arn:aws:iam::111122223333:role/StratusScanAzureAutomation'
        $run.Text | Should -Not -Match 'eyJ0eXAiOiJKV1QifQ' -Because 'the token is a secret'
    }
}

Describe 'ScheduledTask-WindowsPowerShell.ps1 through the command line of its help' {
    BeforeAll {
        $script:Profiles = Join-Path $Root 'credentials'
        Set-Content -LiteralPath $Profiles -Value "[datasync-audit]`naws_access_key_id = $($Credential.AccessKey)`naws_secret_access_key = $($Credential.SecretKey)`nregion = us-east-1"
        function script:Get-TaskCommand {
            # Task Scheduler runs the documented command line and keeps the process's exit code.
            $line = Get-ExampleLines 'ScheduledTask-WindowsPowerShell.ps1' | Where-Object { $_ -match '^powershell\.exe ' }
            $folder = Join-Path $Root ('task-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
            (ConvertTo-HostCommand $line 'ScheduledTask-WindowsPowerShell.ps1') +
            " -ProfileLocation '$Profiles' -OutputDirectory '$folder/reports' -LogDirectory '$folder/logs'; exit `$LASTEXITCODE"
        }
        $script:NoKeys = @{ AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null }
    }

    It 'exits 0 after a complete scan with the profile' {
        $run = Invoke-Runbook -Script (Get-TaskCommand) -Emulator $Emulator -Environment $NoKeys
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match 'Workbook: .+111122223333-datasync-all-export-[\d.]+\.xlsx'
    }

    It 'exits 2 after a partial scan' {
        $run = Invoke-Runbook -Script (Get-TaskCommand) -Emulator $Partial -Environment $NoKeys
        $run.ExitCode | Should -Be 2 -Because $run.Text
    }
}
