# Habits of AWS Tools for PowerShell users: the shell defaults Set-DefaultAWSRegion ($StoredAWSRegion) and
# Set-AWSCredential ($StoredAWSCredentials) are honoured as AWS Tools honours them, and AWS_SHARED_CREDENTIALS_FILE,
# AWS_CONFIG_FILE and AWS_PROFILE changed between two commands of one session take effect on the next command.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:SavedEnvironment = Enter-IsolatedAwsEnvironment -TestDrive $TestDrive

    # Two accounts: the emulator's default key pair (111122223333) and a second one (444455556666); tasks in two Regions.
    $script:Default = Get-EmulatorCredential
    $script:Second = [pscustomobject]@{ AccessKey = 'AKIAEMULATOR00000002'; SecretKey = 'SecondSecret/StratusScan/DataSync02'; AccountId = '444455556666' }
    $script:Emulator = Start-TestEmulator -Generate 'regions=us-east-1;eu-west-1,tasks=1,locations=1,agents=1,executions=1,days=5,seed=3' `
        -ArgumentList @('--credential', "$($Second.AccessKey):$($Second.SecretKey):$($Second.AccountId)")
    $env:AWS_ENDPOINT_URL = $script:Emulator.Endpoint

    # A stand-in for AWS Tools' credentials: $StoredAWSCredentials holds an object whose Credentials is an AWS SDK
    # credentials object (any SDK version: GetCredentials() giving AccessKey, SecretKey and Token).
    if (-not ('StratusScanTest.ShellCredentials' -as [type])) {
        Add-Type -TypeDefinition @'
namespace StratusScanTest {
    public sealed class ImmutableKeys { public string AccessKey { get; set; } public string SecretKey { get; set; } public string Token { get; set; }
        public ImmutableKeys(string a, string s) { AccessKey = a; SecretKey = s; } }
    public sealed class ShellCredentials {
        private readonly string _a, _s;
        public ShellCredentials(string a, string s) { _a = a; _s = s; }
        public int Calls;
        public ImmutableKeys GetCredentials() { System.Threading.Interlocked.Increment(ref Calls); return new ImmutableKeys(_a, _s); }
    }
}
'@
    }

    function script:Write-AwsFile([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text
        $path
    }

    function script:Clear-ShellDefaults {
        Remove-Variable -Name StoredAWSRegion, StoredAWSCredentials -Scope Global -ErrorAction SilentlyContinue
    }
}

AfterAll {
    Clear-ShellDefaults
    $script:Emulator | Stop-TestEmulator
    Exit-IsolatedAwsEnvironment $script:SavedEnvironment
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'AWS Tools shell defaults' {
    BeforeEach { Clear-ShellDefaults }
    AfterEach { Clear-ShellDefaults; $env:AWS_REGION = $null }

    It 'takes $StoredAWSRegion (Set-DefaultAWSRegion) as the Region when there is no -Region and no AWS_REGION' {
        $global:StoredAWSRegion = 'eu-west-1'
        $tasks = @(Get-SSDataSyncTask -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey)
        $tasks.Count | Should -Be 1
        $tasks[0].Region | Should -Be 'eu-west-1'
    }

    It 'lets -Region win over $StoredAWSRegion, and $StoredAWSRegion win over AWS_REGION, as in AWS Tools' {
        $global:StoredAWSRegion = 'eu-west-1'
        (Get-SSDataSyncTask -Region us-east-1 -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey).Region | Sort-Object -Unique | Should -Be 'us-east-1'
        $env:AWS_REGION = 'us-east-1'
        (Get-SSDataSyncTask -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey).Region | Sort-Object -Unique | Should -Be 'eu-west-1'
        Clear-ShellDefaults
        (Get-SSDataSyncTask -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey).Region | Sort-Object -Unique | Should -Be 'us-east-1'
    }

    It 'rejects a $StoredAWSRegion where DataSync is not offered, naming it' {
        $global:StoredAWSRegion = 'mars-north-1'
        { Get-SSDataSyncTask -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRegion,*'
    }

    It 'uses $StoredAWSCredentials (Set-AWSCredential) ahead of the environment''s keys' {
        $env:AWS_ACCESS_KEY_ID = $Default.AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Default.SecretKey
        try {
            $stored = [StratusScanTest.ShellCredentials]::new($Second.AccessKey, $Second.SecretKey)
            $global:StoredAWSCredentials = [pscustomobject]@{ Name = 'shell'; Credentials = $stored }
            $tasks = @(Get-SSDataSyncTask -Region us-east-1 -ErrorVariable failed)
            $failed | Should -BeNullOrEmpty
            $stored.Calls | Should -BeGreaterThan 0
            $tasks | Should -BeNullOrEmpty -Because 'the second account has no tasks (the environment''s account has one)'
            # -AccessKey, -Credential and -ProfileName on the command still win over the shell's credentials.
            $before = $stored.Calls
            @(Get-SSDataSyncTask -Region us-east-1 -AccessKey $Default.AccessKey -SecretKey $Default.SecretKey).Count | Should -Be 1
            $stored.Calls | Should -Be $before
            # Without the shell variable the environment's keys are used again.
            Clear-ShellDefaults
            @(Get-SSDataSyncTask -Region us-east-1).AccountId | Sort-Object -Unique | Should -Be $Default.AccountId
        }
        finally {
            $env:AWS_ACCESS_KEY_ID = $null
            $env:AWS_SECRET_ACCESS_KEY = $null
        }
    }

    It 'accepts $StoredAWSCredentials holding the SDK credentials object itself' {
        $stored = [StratusScanTest.ShellCredentials]::new($Default.AccessKey, $Default.SecretKey)
        $global:StoredAWSCredentials = $stored
        @(Get-SSDataSyncTask -Region eu-west-1).Count | Should -Be 1
        $stored.Calls | Should -BeGreaterThan 0
    }
}

Describe 'The current environment wins between commands' {
    It 'reads AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE and AWS_PROFILE again on every command' {
        $goodCredentials = Write-AwsFile 'credentials-a' "[default]`naws_access_key_id = $($Default.AccessKey)`naws_secret_access_key = $($Default.SecretKey)`n[second]`naws_access_key_id = $($Second.AccessKey)`naws_secret_access_key = $($Second.SecretKey)`n"
        $badCredentials = Write-AwsFile 'credentials-b' "[default]`naws_access_key_id = $($Default.AccessKey)`naws_secret_access_key = not-the-secret`n"
        $eastConfig = Write-AwsFile 'config-east' "[default]`nregion = us-east-1`n[profile second]`nregion = us-east-1`n"
        $westConfig = Write-AwsFile 'config-west' "[default]`nregion = eu-west-1`n"

        # 1. the first files: the default profile's keys and Region.
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $goodCredentials; AWS_CONFIG_FILE = $eastConfig } {
            $tasks = @(Get-SSDataSyncTask)
            $tasks.Count | Should -Be 1
            $tasks[0].Region | Should -Be 'us-east-1'
            $tasks[0].AccountId | Should -Be $Default.AccountId
        }

        # 2. another config file: its Region.
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $goodCredentials; AWS_CONFIG_FILE = $westConfig } {
            (Get-SSDataSyncTask).Region | Should -Be 'eu-west-1'
        }

        # 3. another credentials file: its (wrong) secret is used, so the call is refused.
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $badCredentials; AWS_CONFIG_FILE = $eastConfig } {
            $refused = $null
            try { $null = Get-SSDataSyncTask -ErrorAction Stop -WarningAction SilentlyContinue } catch { $refused = $_ }
            $refused | Should -Not -BeNullOrEmpty
            "$refused" | Should -Match 'InvalidSignature|signature'
        }

        # 4. AWS_PROFILE names another profile of the first file: the second account (no tasks there), then back.
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $goodCredentials; AWS_CONFIG_FILE = $eastConfig; AWS_PROFILE = 'second' } {
            $tasks = @(Get-SSDataSyncTask -ErrorVariable failed)
            $failed | Should -BeNullOrEmpty
            $tasks | Should -BeNullOrEmpty
        }
        Use-TestEnvironment @{ AWS_SHARED_CREDENTIALS_FILE = $goodCredentials; AWS_CONFIG_FILE = $eastConfig; AWS_PROFILE = $null } {
            @(Get-SSDataSyncTask).AccountId | Should -Be $Default.AccountId
        }
    }
}
