# The help users get: MAML help for every exported cmdlet (synopsis, description, every parameter, examples that
# parse, and the metadata in step with the cmdlet), the about_ topic, and the runbooks in docs/runbooks.
BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $module = Import-Module (Get-TestModulePath) -Force -PassThru
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    $script:Cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $script:Parameters = @(foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common } | Sort-Object Name) {
                @{ Cmdlet = $command.Name; Parameter = $parameter.Name
                    HasValidateSet = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateArgumentsAttribute] -and $_.PSObject.Properties['ValidValues'] }).Count -gt 0 }
            }
        })
    $runbookFolder = Join-Path (Get-RepoRoot) 'docs/runbooks'
    # RunbookStorage.ps1 is not a runbook: the sharded runbooks dot-source it (where their files go).
    $libraries = @('RunbookStorage.ps1')
    $script:Runbooks = @(Get-ChildItem -Path $runbookFolder -Filter '*.ps1' -File -ErrorAction SilentlyContinue | Where-Object Name -NotIn $libraries |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
    $script:RunbookLibraries = @($libraries | ForEach-Object { @{ Name = $_; Path = (Join-Path $runbookFolder $_) } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:Module = Import-Module (Get-TestModulePath) -Force -PassThru
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-ParseErrors([string] $Code) {
        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors) | Out-Null
        @($errors)
    }

    function Get-Text($Value) {
        # Get-Help gives descriptions as arrays of objects with a Text property.
        (@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n"
    }
}

AfterAll {
    Remove-Module StratusScan.DataSync -Force -ErrorAction SilentlyContinue
}

Describe 'The module''s help files' {
    It 'ships the MAML help beside the manifest, as well-formed XML' {
        $path = Join-Path $Module.ModuleBase 'en-US/StratusScan.DataSync.dll-Help.xml'
        $path | Should -Exist
        { [xml](Get-Content -Raw -LiteralPath $path) } | Should -Not -Throw
    }

    It 'has a help entry for every exported cmdlet, and none for a cmdlet the assembly does not define' {
        $xml = [xml](Get-Content -Raw -LiteralPath (Join-Path $Module.ModuleBase 'en-US/StratusScan.DataSync.dll-Help.xml'))
        $documented = @($xml.helpItems.command | ForEach-Object { $_.details.name.Trim() } | Sort-Object)
        $exported = @(Get-Command -Module $Module.Name -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
        $exported | Where-Object { $_ -notin $documented } | Should -BeNullOrEmpty -Because 'every exported cmdlet needs MAML help'
        # The MAML may run ahead of the manifest by a cmdlet being finished, but never name a cmdlet the assembly lacks.
        $defined = @($Module.ImplementingAssembly.GetExportedTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName })
        $documented | Where-Object { $_ -notin $defined } | Should -BeNullOrEmpty
    }
}

Describe 'Help for <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Help = Get-Help -Name $Name -Full
        $script:Command = Get-Command -Name $Name
    }

    It 'is found (the cmdlet points at the module''s help file)' {
        # PowerShell looks for this file name in the culture folder beside the manifest (ModuleBase/en-US).
        $Command.HelpFile | Should -BeLike '*StratusScan.DataSync.dll-Help.xml'
        Join-Path $Module.ModuleBase "en-US/$([IO.Path]::GetFileName($Command.HelpFile))" | Should -Exist
        $Help.ModuleName | Should -Be 'StratusScan.DataSync'
    }

    It 'has a synopsis, not the generated syntax' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -BeLike "$Name *" -Because 'without MAML Get-Help shows the syntax as the synopsis'
        $Help.Synopsis | Should -Not -BeLike '*<*>*'
        $Help.Synopsis.Length | Should -BeGreaterThan 20
    }

    It 'has a description' {
        (Get-Text $Help.Description).Length | Should -BeGreaterThan 100
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($Help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty -Because $example.Title
            (Get-Text $example.Remarks).Trim() | Should -Not -BeNullOrEmpty -Because $example.Title
        }
    }

    It 'has examples whose code parses and uses the cmdlet' {
        foreach ($example in @($Help.Examples.Example)) {
            $errors = Get-ParseErrors $example.Code
            $errors | Should -BeNullOrEmpty -Because "$($example.Title) must parse: $($errors -join '; ')"
        }
        @($Help.Examples.Example | Where-Object { $_.Code -match [regex]::Escape($Name) }).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents no parameter the cmdlet does not have' {
        $actual = @($Command.Parameters.Keys)
        $documented = @($Help.Parameters.Parameter | ForEach-Object Name)
        $documented | Where-Object { $_ -notin $actual } | Should -BeNullOrEmpty
    }

    It 'has a syntax block for each parameter set' {
        @($Help.Syntax.SyntaxItem).Count | Should -Be @($Command.ParameterSets).Count
    }

    It 'names its inputs, outputs and related links' {
        @($Help.InputTypes.InputType).Count | Should -BeGreaterOrEqual 1
        @($Help.ReturnValues.ReturnValue).Count | Should -BeGreaterOrEqual 1
        @($Help.RelatedLinks.NavigationLink | Where-Object { $_.LinkText -eq 'about_StratusScan.DataSync' }).Count | Should -Be 1
    }

    It 'lists its output types as the cmdlet declares them' {
        $declared = @($Command.OutputType | ForEach-Object Name)
        $helpTypes = (@($Help.ReturnValues.ReturnValue | ForEach-Object { $_.Type.Name }) -join ' ')
        foreach ($type in $declared) { $helpTypes | Should -BeLike "*$($type.Split('.')[-1])*" }
    }
}

Describe 'Help for <Cmdlet> -<Parameter>' -ForEach $Parameters {
    BeforeAll {
        $script:Metadata = (Get-Command -Name $Cmdlet).Parameters[$Parameter]
        $script:ParameterHelp = Get-Help -Name $Cmdlet -Parameter $Parameter -ErrorAction SilentlyContinue
    }

    It 'has a description' {
        $ParameterHelp | Should -Not -BeNullOrEmpty -Because "Get-Help $Cmdlet -Parameter $Parameter must find it"
        (Get-Text $ParameterHelp.Description).Trim().Length | Should -BeGreaterThan 20
    }

    It 'states the parameter''s type' {
        $type = $Metadata.ParameterType
        $ParameterHelp.Type.Name | Should -BeIn @($type.Name, $type.FullName)
    }

    It 'states whether it is required, and its position' {
        $sets = @($Metadata.ParameterSets.Values)
        $required = @($sets | Where-Object IsMandatory).Count -eq $sets.Count
        $ParameterHelp.Required | Should -Be $required.ToString().ToLowerInvariant()
        $positions = @($sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Sort-Object -Unique)
        $expected = if ($positions.Count -gt 0) { [string]$positions[0] } else { 'named' }
        $ParameterHelp.Position | Should -Be $expected
    }

    It 'states its pipeline input and wildcard support' {
        $sets = @($Metadata.ParameterSets.Values)
        $byValue = @($sets | Where-Object ValueFromPipeline).Count -gt 0
        $byName = @($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
        $pipeline = [string]$ParameterHelp.PipelineInput
        if (-not ($byValue -or $byName)) { $pipeline | Should -BeLike 'False*' }
        else {
            $pipeline | Should -BeLike 'True*'
            ($pipeline -like '*ByValue*') | Should -Be $byValue
            ($pipeline -like '*ByPropertyName*') | Should -Be $byName
        }
        $wildcards = @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
        $ParameterHelp.Globbing | Should -Be $wildcards.ToString().ToLowerInvariant()
    }

    # Only for parameters with a ValidateSet or a validation that lists its ValidValues (the -ForEach data is there during discovery).
    if ($HasValidateSet) {
        It 'lists the values its ValidateSet allows' {
            $set = $Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateArgumentsAttribute] -and $_.PSObject.Properties['ValidValues'] } | Select-Object -First 1
            $documented = @($ParameterHelp.ParameterValueGroup.ParameterValue | ForEach-Object { "$_".Trim() })
            @($set.ValidValues) | Should -Be $documented
        }
    }
}

Describe 'The about_StratusScan.DataSync topic' {
    BeforeAll {
        $script:About = Get-Help -Name about_StratusScan.DataSync -ErrorAction SilentlyContinue | Out-String
    }

    It 'is found by Get-Help' {
        $About | Should -Not -BeNullOrEmpty
        $About | Should -Match 'about_StratusScan\.DataSync'
    }

    It 'covers <_>' -ForEach @('CREDENTIALS', 'REGIONS', 'THE WORKBOOK', 'IAM PERMISSIONS', 'ERRORS', 'THE EMULATOR', 'RUNBOOKS', 'COEXISTENCE WITH AWS TOOLS FOR POWERSHELL') {
        $About | Should -Match ([regex]::Escape($_))
    }

    It 'names every exported cmdlet' {
        foreach ($name in Get-Command -Module StratusScan.DataSync -CommandType Cmdlet | ForEach-Object Name) {
            $About | Should -Match ([regex]::Escape($name))
        }
    }

    It 'explains the ErrorId <_>' -ForEach @('AwsCredentialsNotFound', 'InvalidRegion', 'AwsRegionNotSpecified', 'InvalidArn', 'DataSyncAccessDenied',
        'DataSyncRegionNotEnabled', 'DataSyncThrottled', 'DataSyncEndpointUnreachable', 'DataSyncServiceError', 'AllRegionsFailed', 'SinceInFuture',
        'InvalidConfigFile', 'ConfigFileNotFound', 'OutputFileExists', 'OutputNotWritable', 'InvalidOutputPath', 'AwsAuthenticationFailed',
        'DataSyncResourceNotFound', 'OrganizationsAccessDenied', 'OrganizationNotInUse', 'OrganizationalUnitNotFound',
        'OrganizationsEndpointUnreachable', 'OrganizationsServiceError') {
        $About | Should -Match "\b$([regex]::Escape($_))\b"
    }

    It 'lists every IAM action the scan calls, and sts:GetCallerIdentity' {
        # The operations the client calls: the API code generator's list.
        $generatorInput = Get-Content -Raw -LiteralPath (Join-Path (Get-RepoRoot) 'build/ApiGenerator/datasync.generator.json') | ConvertFrom-Json
        $actions = @($generatorInput.operations.PSObject.Properties.Name | Where-Object { -not $_.StartsWith('$') })
        $actions.Count | Should -BeGreaterThan 10
        foreach ($action in $actions) { $About | Should -Match ([regex]::Escape("""datasync:$action""")) }
        $About | Should -Match 'sts:GetCallerIdentity'
    }

    It 'lists every Organizations action Get-SSOrganizationAccount may call, in a policy that is valid JSON' {
        $actions = @('ListRoots', 'ListOrganizationalUnitsForParent', 'ListAccountsForParent', 'ListAccounts', 'DescribeOrganization')
        foreach ($action in $actions) { $About | Should -Match ([regex]::Escape("""organizations:$action""")) }
        $text = Get-Content -Raw -LiteralPath (Join-Path $Module.ModuleBase 'en-US/about_StratusScan.DataSync.help.txt')
        $start = $text.IndexOf('{', $text.IndexOf('Get-SSOrganizationAccount runs with'))
        $end = $text.IndexOf('ORGANISATION-WIDE SCANS', $start)
        $policy = $text.Substring($start, $end - $start) | ConvertFrom-Json
        @($policy.Statement.Action | Sort-Object) | Should -Be @($actions | ForEach-Object { "organizations:$_" } | Sort-Object)
    }

    It 'holds an IAM policy that is valid JSON' {
        $text = Get-Content -Raw -LiteralPath (Join-Path $Module.ModuleBase 'en-US/about_StratusScan.DataSync.help.txt')
        $start = $text.IndexOf('{', $text.IndexOf('IAM PERMISSIONS'))
        $end = $text.IndexOf('    datasync:ListTagsForResource is used only')
        $policy = $text.Substring($start, $end - $start) | ConvertFrom-Json
        $policy.Version | Should -Be '2012-10-17'
        @($policy.Statement).Count | Should -Be 2
    }
}

Describe 'The runbook <Name>' -ForEach $Runbooks {
    It 'parses without errors' {
        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty -Because (@($errors) -join '; ')
    }

    It 'has comment-based help with a synopsis and a description' {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $null, [ref] $null)
        $help = $ast.GetHelpContent()
        $help | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Description | Should -Not -BeNullOrEmpty
        # Every script parameter is documented.
        foreach ($parameter in $ast.ParamBlock.Parameters) {
            $name = $parameter.Name.VariablePath.UserPath
            $help.Parameters.Keys | Should -Contain $name.ToUpperInvariant() -Because "-$name needs a .PARAMETER entry"
        }
    }

    It 'uses Export-SSDataSyncReport or Export-SSDataSyncInventory unattended: try/catch, no prompts' {
        $text = Get-Content -Raw -LiteralPath $Path
        $text | Should -Match 'Export-SSDataSync(Report|Inventory)'
        $text | Should -Match '(?m)^\s*try\s*\{'
        $text | Should -Match '(?m)^\s*catch\s*\{'
        $text | Should -Match "\`$ConfirmPreference = 'None'"
        $text | Should -Not -Match '(?i)\bRead-Host\b|\bGet-Credential\b'
    }
}

Describe 'The runbook library <Name>' -ForEach $RunbookLibraries {
    It 'parses without errors and defines functions only (it is dot-sourced)' {
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
        $errors | Should -BeNullOrEmpty -Because (@($errors) -join '; ')
        @($ast.EndBlock.Statements | Where-Object { $_ -isnot [System.Management.Automation.Language.FunctionDefinitionAst] }) | Should -BeNullOrEmpty
        @($ast.EndBlock.Statements).Count | Should -BeGreaterThan 0
    }
}
